// One list of weights, bound by name in the map call, is mapped like the batches (each item would get one
// weight, not the list): a constant, of the wrong type for a mapped input.
// EXPECT: 23 error flyte-map-binding-type
#include <flyte/flyte.hpp>

#include <vector>

using namespace flyte::literals;

FLYTE_TASK()
double weighted(std::vector<double> values, std::vector<double> weights) {
  double sum = 0;
  for (size_t i = 0; i < values.size() && i < weights.size(); ++i) sum += values[i] * weights[i];
  return sum;
}

FLYTE_WORKFLOW()
std::vector<double> scores(std::vector<std::vector<double>> batches = {{1.0, 2.0}, {3.0, 4.0}}) {
  // The weights are the same for every batch: they belong in the task (a list in a partial of a map would be
  // flyte-partial-list).
  return flyte::map_task(weighted)(
      batches,
      "weights"_a = std::vector<double>{0.25, 0.75});
}
