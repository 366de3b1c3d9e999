// An 'if' in a workflow body.
// EXPECT: 10 error flyte-workflow-statement
#include <flyte/flyte.hpp>

FLYTE_TASK()
int inc(int x) { return x + 1; }

FLYTE_WORKFLOW()
int branchy(int x) {
  if (x > 0) return inc(x);
  return inc(0);
}
