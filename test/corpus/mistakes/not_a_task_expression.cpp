// map_task over something that is not a task: the message names the expression.
// EXPECT: 12 error flyte-not-a-task
#include <flyte/flyte.hpp>

#include <vector>

int plain(int x) { return x; }
int (*pick(bool))(int);

FLYTE_WORKFLOW()
std::vector<int> mapped(std::vector<int> xs) {
  return flyte::map_task(pick(true))(xs);
}
