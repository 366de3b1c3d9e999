// A map_task inside a task: one warning, at the map_task.
// EXPECT: 12 warning flyte-task-calls-task
#include <flyte/flyte.hpp>

#include <vector>

FLYTE_TASK()
int inc(int x) { return x + 1; }

FLYTE_TASK()
std::vector<int> all(std::vector<int> xs) {
  return flyte::map_task(inc)(xs);
}
