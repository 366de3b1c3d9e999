// A file that uses FLYTE_TASK without the SDK header: Clang's errors, then what to do.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck %s
// CHECK: error:
// CHECK: missing-sdk-include.cpp:1:1: error: this file uses FLYTE_TASK or FLYTE_WORKFLOW but does not include the SDK: add #include <flyte/flyte.hpp> at the top [flyte-missing-sdk-include]

FLYTE_TASK()
int twice(int a) { return 2 * a; }
