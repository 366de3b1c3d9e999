// Names that can never be right: empty, with an embedded NUL (shown escaped), and tasks that are not named
// functions (a lambda in a variable, a type).
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck %s
#include <flyte/flyte.hpp>

FLYTE_TASK(.name = "")
int empty_name(int a) { return a; }
// CHECK-DAG: bad-names.cpp:[[@LINE-2]]:20: error: '' is not a valid Flyte entity name {{.*}}[flyte-invalid-name]

FLYTE_TASK(.name = "a\0b")
int nul_name(int a) { return a; }
// CHECK-DAG: bad-names.cpp:[[@LINE-2]]:20: error: 'a\x00b' is not a valid Flyte entity name {{.*}}[flyte-invalid-name]

FLYTE_WORKFLOW(.name = "")
int empty_workflow(int a = 1) { return a; }
// CHECK-DAG: bad-names.cpp:[[@LINE-2]]:24: error: '' is not a valid Flyte entity name {{.*}}[flyte-invalid-name]

FLYTE_TASK()
auto lambda_task = [](int a) { return a; };
// CHECK-DAG: bad-names.cpp:[[@LINE-1]]:6: error: 'lambda_task' cannot be a Flyte task: only a named function can be one (not a lambda, variable or type); declare a function [flyte-unsupported-entity]

struct FLYTE_TASK() TypeTask {};
// CHECK-DAG: bad-names.cpp:[[@LINE-1]]:21: error: 'TypeTask' cannot be a Flyte task: only a named function can be one

int outer() {
  FLYTE_WORKFLOW()
  auto local = [] { return 1; };
  // CHECK-DAG: bad-names.cpp:[[@LINE-1]]:8: error: 'local' cannot be a Flyte workflow: only a named function can be one
  return local();
}
