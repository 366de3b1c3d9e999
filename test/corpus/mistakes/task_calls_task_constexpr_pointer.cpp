// A task calling another task through a namespace-scope constexpr function pointer.
// EXPECT: 13 warning flyte-task-calls-task
#include <flyte/flyte.hpp>

FLYTE_TASK()
int leaf(int x) { return x + 1; }

constexpr auto kLeaf = &leaf;

FLYTE_TASK()
int outer(int x) {
  int y = x * 2;
  return kLeaf(y);
}
