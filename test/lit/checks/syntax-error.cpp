// A source that does not compile: clang's own diagnostics, exit 1, no output files.
// RUN: rm -rf %t && %not %flytecc compile %s -o %t -- -std=c++20 -I%sdk 2>&1 | %FileCheck %s
// RUN: test ! -e %t
#include <flyte/flyte.hpp>

FLYTE_TASK()
int broken(int a) { return a + ; }
// CHECK: syntax-error.cpp:[[@LINE-1]]:32: error: expected expression
