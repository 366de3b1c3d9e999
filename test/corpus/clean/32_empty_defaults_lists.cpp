// Tasks and workflows with no inputs, and lists defaulted in the task.
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

FLYTE_TASK()
std::vector<int> seeds() { return {1, 2, 3}; }

FLYTE_TASK()
int simulate(int seed, int steps = 100) { return seed * steps; }

FLYTE_TASK()
std::string version() { return "1.2.3"; }

FLYTE_WORKFLOW()
std::vector<int> simulate_all() {
  auto v = version();
  auto s = seeds();
  using namespace flyte::literals;
  return flyte::map_task(flyte::partial(simulate, "steps"_a = 10))(s);
}
