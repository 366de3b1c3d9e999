// flyte-duplicate-name: entity names are unique, within a file and across the files given together.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %not %flytecc check %s %S/Inputs/other-tasks.cpp -- -std=c++20 -I%sdk 2>&1 | %FileCheck --check-prefix=CROSS %s
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// GOOD-NOT: [flyte-
#include <flyte/flyte.hpp>

FLYTE_TASK(.name = "shared.name")
int first(int a) { return a; }

#ifdef BAD
FLYTE_TASK(.name = "shared.name")
int second(int a) { return a; }
// CHECK: duplicate-name.cpp:[[@LINE-1]]:5: error: task name 'shared.name' is already used [flyte-duplicate-name]
// CHECK: duplicate-name.cpp:9:5: note: previous definition is here
#endif
// CROSS: other-tasks.cpp:{{[0-9]+}}:5: error: task name 'shared.name' is already used [flyte-duplicate-name]
