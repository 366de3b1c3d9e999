// flyte-unnamed-parameter: Flyte inputs are named after the parameters, so every parameter needs a name.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// GOOD-NOT: [flyte-
#include <flyte/flyte.hpp>

#ifdef BAD
FLYTE_TASK()
int unnamed(int) { return 0; }
// CHECK: unnamed-parameter.cpp:[[@LINE-1]]:16: error: a parameter of 'unnamed' has no name: Flyte inputs are named after the parameters [flyte-unnamed-parameter]
#endif

FLYTE_TASK()
int named(int a) { return a; }
