// flyte-duplicate-name: entity names are unique, within a file and across the files given together; the note
// points at the other definition, also in another file. One error per duplicate: uses of the duplicate are not
// checked against the other entity's interface.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %not %flytecc check %s %S/Inputs/other-tasks.cpp -- -std=c++20 -I%sdk 2>&1 | %FileCheck --check-prefix=CROSS %s
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// GOOD-NOT: [flyte-
#include <flyte/flyte.hpp>
#include <tuple>

FLYTE_TASK(.name = "shared.name")
int first(int a) { return a; }

#ifdef BAD
FLYTE_TASK(.name = "shared.name")
int second(int a) { return a; }
// CHECK: duplicate-name.cpp:[[@LINE-2]]:20: error: task name 'shared.name' is already used [flyte-duplicate-name]
// CHECK: duplicate-name.cpp:12:5: note: previous definition is here

FLYTE_TASK(.name = "split")
std::tuple<int, int> split(int a) { return {a / 2, a % 2}; }
FLYTE_TASK(.name = "split")
std::tuple<int, double> split_half(int a) { return {a / 2, a / 2.0}; }
// CHECK: duplicate-name.cpp:[[@LINE-2]]:20: error: task name 'split' is already used [flyte-duplicate-name]
// CHECK: duplicate-name.cpp:[[@LINE-4]]:22: note: previous definition is here

// Calls of the duplicate are not checked against 'split' (its o1 is int, not float): no second error.
FLYTE_WORKFLOW()
double halves(int x = 3) {
  auto [whole, half] = split_half(x);
  return half;
}

FLYTE_WORKFLOW(.name = "halves")
double again(int x = 3) { return 1.0; }
// CHECK: duplicate-name.cpp:[[@LINE-2]]:24: error: workflow name 'halves' is already used [flyte-duplicate-name]
// CHECK: duplicate-name.cpp:[[@LINE-8]]:8: note: previous definition is here
FLYTE_WORKFLOW()
int caller(int x = 3) { return again(x); }
#endif
// CHECK-NOT: error:
// CROSS: other-tasks.cpp:4:20: error: task name 'shared.name' is already used [flyte-duplicate-name]
// CROSS: duplicate-name.cpp:12:5: note: previous definition is here
