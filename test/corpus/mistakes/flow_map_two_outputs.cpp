// A task with two outputs is mapped; its first output is also a struct Flyte cannot pass. Two mistakes, each
// named: the type at the task, the two outputs at the map.
// EXPECT: 15 error flyte-unsupported-type
// EXPECT: 24 error flyte-map-multiple-outputs
#include <flyte/flyte.hpp>

#include <tuple>
#include <vector>

struct Summary {
  double mean = 0, max = 0;
};

FLYTE_TASK()
std::tuple<Summary, int> summarize(std::vector<double> values) {
  Summary s;
  for (double v : values) s.mean += v / values.size(), s.max = v > s.max ? v : s.max;
  return {s, int(values.size())};
}

FLYTE_WORKFLOW()
void report(std::vector<std::vector<double>> batches = {{1.0, 2.0}, {3.0}}) {
  auto summaries =
      flyte::map_task(summarize)(batches);
}
