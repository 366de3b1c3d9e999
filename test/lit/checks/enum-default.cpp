// flyte-enum-default: a workflow default of enum type must be one of the enumerators (Flyte's values are names).
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck %s
#include <flyte/flyte.hpp>

enum class Color { red, green, blue };

FLYTE_TASK()
int shade(Color c) { return static_cast<int>(c); }

FLYTE_WORKFLOW()
int wf(Color c = static_cast<Color>(7)) { return shade(c); }
// CHECK: enum-default.cpp:[[@LINE-1]]:18: error: the default of 'c' is 7, which no enumerator of 'Color' has: Flyte enum values are the enumerators' names [flyte-enum-default]

FLYTE_WORKFLOW()
int fine(Color c = Color::blue) { return shade(c); }
// CHECK-NOT: enum-default.cpp:[[@LINE-2]]
