// Simulation: the partial binds every input, so the map task has no list left to map over.
// EXPECT: 27 error flyte-map-nothing-to-map
#include <flyte/flyte.hpp>

#include <vector>

using namespace flyte::literals;

namespace sim {
FLYTE_TASK(.retries = 1)
double simulate(int seed, double temperature) {
  double x = seed;
  for (int i = 0; i < 10; ++i) x = x * 0.5 + temperature;
  return x;
}

FLYTE_TASK()
double average(std::vector<double> runs) {
  double s = 0;
  for (double r : runs) s += r;
  return runs.empty() ? 0 : s / runs.size();
}

FLYTE_WORKFLOW()
double anneal(int seed = 42, double temperature = 300.0) {
  auto run = flyte::partial(simulate, "seed"_a = seed, "temperature"_a = temperature);
  auto runs = flyte::map_task(run)();  // <- mistake: nothing left to map
  return average(runs);
}
}  // namespace sim
