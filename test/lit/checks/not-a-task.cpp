// Only FLYTE_TASK functions can be mapped or partially bound.
// RUN: rm -rf %t && %not %flytecc compile %s -o %t -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: test ! -e %t
// RUN: %flytecc compile %s -o %t.ok -- -std=c++20 -I%sdk 2>&1 | %FileCheck --check-prefix=GOOD %s
// GOOD-NOT: error:
// GOOD: flytecc: wrote
#include <flyte/flyte.hpp>

int plain(int a) { return a; }

FLYTE_TASK()
int task(int a) { return a; }

FLYTE_WORKFLOW()
std::vector<int> wf(std::vector<int> xs = {1}) {
#ifdef BAD
  return flyte::map_task(plain)(xs);
  // CHECK: not-a-task.cpp:[[@LINE-1]]:26: error: 'plain' is not a task: annotate it with FLYTE_TASK() to map or partially bind it [flyte-not-a-task]
#else
  return flyte::map_task(task)(xs);
#endif
}
