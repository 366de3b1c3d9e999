// Workflow bodies are static graphs: control flow is an error at its location.
// RUN: rm -rf %t && %not %flytecc compile %s -o %t -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: test ! -e %t
// RUN: %flytecc compile %s -o %t.ok -- -std=c++20 -I%sdk 2>&1 | %FileCheck --check-prefix=GOOD %s
// GOOD-NOT: error:
// GOOD: flytecc: wrote
#include <flyte/flyte.hpp>

FLYTE_TASK()
int inc(int a) { return a + 1; }

FLYTE_WORKFLOW()
int wf(int x = 1) {
#ifdef BAD
  if (x > 0) return inc(x);
  // CHECK: workflow-statement.cpp:[[@LINE-1]]:3: error: a workflow body is a static graph of task calls: this 'if' statement cannot be lowered to Flyte nodes; move the logic into a task {{.*}}[flyte-workflow-statement]
  for (int i = 0; i < 3; ++i) inc(i);
  // CHECK: workflow-statement.cpp:[[@LINE-1]]:3: error: {{.*}} this loop cannot be lowered
  goto done;
  // CHECK: workflow-statement.cpp:[[@LINE-1]]:3: error: {{.*}} this 'goto' statement cannot be lowered
done:  // the label itself is no second error
  // CHECK-NOT: this label
  // CHECK-NOT: LabelStmt
#endif
  auto y = inc(x);
  return inc(y);
}
