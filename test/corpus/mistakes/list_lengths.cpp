// Two constant lists of different lengths mapped together.
// EXPECT: 13 error flyte-map-list-lengths
#include <flyte/flyte.hpp>

#include <vector>

FLYTE_TASK()
int add(int a, int b) { return a + b; }

FLYTE_WORKFLOW()
std::vector<int> sums() {
  return flyte::map_task(add)(std::vector<int>{1, 2, 3},
                              std::vector<int>{1, 2});
}
