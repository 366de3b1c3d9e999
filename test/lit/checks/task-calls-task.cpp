// flyte-task-calls-task: tasks reaching tasks, workflows, map_task or partial, directly or through
// helpers, lambdas, member functions, templates and function pointers; notes trace the path.
// RUN: %flytecc check %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %not %flytecc check -Werror %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck --check-prefix=WERROR %s
// RUN: %flytecc check -Wno-flyte-task-calls-task %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// GOOD-NOT: [flyte-
// WERROR: error: task 'direct' calls task 'leaf'{{.*}}[flyte-task-calls-task]
#include <flyte/flyte.hpp>

FLYTE_TASK()
int leaf(int a) { return a + 1; }

int plain_helper(int a) { return a * 2; }

FLYTE_WORKFLOW()
int wf(int a = 1) { return leaf(a); }

#ifdef BAD
FLYTE_TASK()
int direct(int a) { return leaf(a); }
// CHECK: task-calls-task.cpp:[[@LINE-1]]:28: warning: task 'direct' calls task 'leaf': it runs inside the task's container {{.*}} [flyte-task-calls-task]

int helper(int a) { return leaf(a) + 1; }
FLYTE_TASK()
int via_helper(int a) { return helper(a); }
// CHECK: task-calls-task.cpp:[[@LINE-1]]:32: warning: task 'via_helper' calls task 'leaf'
// CHECK: task-calls-task.cpp:[[@LINE-4]]:28: note: 'helper' calls 'leaf' here

FLYTE_TASK()
int via_lambda(int a) {
  auto f = [](int x) { return leaf(x); };
  // CHECK: task-calls-task.cpp:[[@LINE-1]]:31: warning: task 'via_lambda' calls task 'leaf'
  return f(a);
}

struct Scorer {
  int score(int a) const { return wf(a); }
};
FLYTE_TASK()
int via_member(int a) { return Scorer{}.score(a); }
// CHECK: task-calls-task.cpp:[[@LINE-1]]:41: warning: task 'via_member' calls workflow 'wf'
// CHECK: note: 'score' calls 'wf' here

template <class T>
T twice(T a) { return leaf(a) + leaf(a); }
FLYTE_TASK()
int via_template(int a) { return twice(a); }
// CHECK: task-calls-task.cpp:[[@LINE-1]]:34: warning: task 'via_template' calls task 'leaf'
// CHECK: note: 'twice' calls 'leaf' here

FLYTE_TASK()
int via_pointer(int a) {
  int (*fn)(int) = &leaf;
  // CHECK: task-calls-task.cpp:[[@LINE-1]]:21: warning: task 'via_pointer' calls task 'leaf'
  return fn(a);
}

FLYTE_TASK()
std::vector<int> maps_inside(std::vector<int> xs) { return flyte::map_task(leaf)(xs); }
// CHECK: task-calls-task.cpp:[[@LINE-1]]:60: warning: task 'maps_inside' calls flyte::map_task 'map_task'
#endif

// A task may call ordinary code.
FLYTE_TASK()
int fine(int a) { return plain_helper(a) + [](int x) { return x; }(a); }
