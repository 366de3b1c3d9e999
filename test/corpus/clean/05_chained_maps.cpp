// Chained maps: the output of one map task is mapped again.
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

FLYTE_TASK()
int square(int x) { return x * x; }

FLYTE_TASK()
std::string render(int x) { return std::to_string(x); }

FLYTE_WORKFLOW()
std::vector<std::string> squares(std::vector<int> xs = {1, 2, 3}) {
  auto ys = flyte::map_task(square)(xs);
  auto zs = flyte::map_task(render)(ys);
  return zs;
}
