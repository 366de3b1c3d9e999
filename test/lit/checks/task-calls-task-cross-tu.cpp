// flyte-task-calls-task across the files given together: the helper lives in Inputs/helpers.cpp.
// RUN: %flytecc check %s %S/Inputs/helpers.cpp -- -std=c++20 -I%sdk 2>&1 | %FileCheck %s
// RUN: %not %flytecc check -Werror %s %S/Inputs/helpers.cpp -- -std=c++20 -I%sdk 2>&1 | %FileCheck --check-prefix=WERROR %s
// WERROR: error: task 'scores' calls task 'normalize'
// Alone, this file cannot see into the helper:
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=ALONE %s
// ALONE-NOT: [flyte-task-calls-task]
#include <flyte/flyte.hpp>

int rescale(int x);  // defined in Inputs/helpers.cpp, where it calls the task `normalize`

FLYTE_TASK()
int scores(int x) { return rescale(x) + 1; }
// CHECK: task-calls-task-cross-tu.cpp:[[@LINE-1]]:28: warning: task 'scores' calls task 'normalize'{{.*}}[flyte-task-calls-task]
// CHECK: helpers.cpp:{{[0-9]+}}:{{[0-9]+}}: note: 'rescale' calls 'normalize' here
