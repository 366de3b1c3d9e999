// A task with two outputs is mapped; its first output is also a type Flyte cannot pass (std::complex). Two mistakes, each
// named: the type at the task, the two outputs at the map.
// EXPECT: 14 error flyte-unsupported-type
// EXPECT: 23 error flyte-map-multiple-outputs
#include <flyte/flyte.hpp>

#include <complex>
#include <tuple>
#include <vector>

using Summary = std::complex<double>;  // mean, max

FLYTE_TASK()
std::tuple<Summary, int> summarize(std::vector<double> values) {
  double mean = 0, max = 0;
  for (double v : values) mean += v / values.size(), max = v > max ? v : max;
  return {Summary(mean, max), int(values.size())};
}

FLYTE_WORKFLOW()
void report(std::vector<std::vector<double>> batches = {{1.0, 2.0}, {3.0}}) {
  auto summaries =
      flyte::map_task(summarize)(batches);
}
