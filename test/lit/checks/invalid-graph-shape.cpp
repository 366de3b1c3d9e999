// Whole-graph rules: workflows cannot recurse; nothing after `return`; a void workflow's `return task(x)`
// is still a node.
// RUN: %not %flytecc compile %s -o %t -- -std=c++20 -I%sdk -DCYCLE 2>&1 | %FileCheck --check-prefix=CYCLE %s
// RUN: %not %flytecc compile %s -o %t -- -std=c++20 -I%sdk -DAFTER 2>&1 | %FileCheck --check-prefix=AFTER %s
// RUN: test ! -e %t
// RUN: %flytecc compile %s --emit=ir -o - -- -std=c++20 -I%sdk 2>&1 | %FileCheck --check-prefix=GOOD %s
// GOOD-NOT: error:
// GOOD: workflow @fire(a: int = 1) -> () {
// GOOD-NEXT:   n0 = task @side(x = $a)
#include <flyte/flyte.hpp>

FLYTE_TASK()
int inc(int a) { return a + 1; }

FLYTE_TASK()
void side(int x) {}

FLYTE_WORKFLOW()
void fire(int a = 1) { return side(a); }

#ifdef CYCLE
FLYTE_WORKFLOW()
int ping(int a);
FLYTE_WORKFLOW()
int pong(int a) { return ping(a); }
FLYTE_WORKFLOW()
int ping(int a) { return pong(inc(a)); }
// CYCLE: error: workflow '{{ping|pong}}' calls '{{ping|pong}}', which calls it back: workflows cannot recurse [flyte-invalid-graph]
#endif

#ifdef AFTER
FLYTE_WORKFLOW()
int twice(int a = 1) {
  return inc(a);
  return inc(inc(a));
  // AFTER: invalid-graph-shape.cpp:[[@LINE-1]]:3: error: {{.*}} this statement after 'return' cannot be lowered to Flyte nodes{{.*}}[flyte-workflow-statement]
}
#endif
