// Expressions on promises, and calls to plain functions, cannot be lowered.
// RUN: rm -rf %t && %not %flytecc compile %s -o %t -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: test ! -e %t
// RUN: %flytecc compile %s -o %t.ok -- -std=c++20 -I%sdk 2>&1 | %FileCheck --check-prefix=GOOD %s
// GOOD-NOT: error:
// GOOD: flytecc: wrote
#include <flyte/flyte.hpp>

FLYTE_TASK()
int inc(int a) { return a + 1; }

int helper(int a) { return a * 3; }

#ifdef BAD
FLYTE_WORKFLOW()
int arithmetic(int x = 1) { return inc(x) + 1; }
// CHECK: workflow-expression.cpp:[[@LINE-1]]:43: error: cannot lower this expression in workflow 'arithmetic': workflow inputs and task outputs are promises resolved on the cluster; compute with them inside a task [flyte-workflow-expression]

FLYTE_WORKFLOW()
int plain_call(int x = 1) { return inc(helper(x)); }
// CHECK: workflow-expression.cpp:[[@LINE-1]]:40: error: cannot lower this expression in workflow 'plain_call': 'helper' is an ordinary function, not a task: it runs nowhere on the cluster, and its arguments are promises resolved there; annotate it with FLYTE_TASK() or call it inside a task [flyte-workflow-expression]
#endif

// Constant expressions are fine: they become literals.
constexpr int kBase = 40;
FLYTE_WORKFLOW()
int constants() { return inc(kBase + 2); }
