// The C++ twin of flytekit-golden-2's features/named_outputs.py (test/data/flytekit-golden-2/named_outputs/):
// typing.NamedTuple outputs are structs marked FLYTE_NAMED_OUTPUTS, one output per field.
#include <flyte/flyte.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

namespace features::named_outputs {

struct Stats {
  FLYTE_NAMED_OUTPUTS;
  double mean;
  std::int64_t count;
};
struct Label {
  FLYTE_NAMED_OUTPUTS;
  std::string text;
};
struct MinMax {
  FLYTE_NAMED_OUTPUTS;
  double lo;
  double hi;
};

FLYTE_TASK()
Stats stats(std::vector<double> xs) {
  double sum = 0;
  for (double x : xs) sum += x;
  return {.mean = sum / static_cast<double>(xs.size()), .count = static_cast<std::int64_t>(xs.size())};
}

FLYTE_TASK()
MinMax min_max(std::vector<double> xs) {
  return {.lo = *std::min_element(xs.begin(), xs.end()), .hi = *std::max_element(xs.begin(), xs.end())};
}

FLYTE_TASK()
Label describe(double mean, std::int64_t count, double lo, double hi) {
  return {.text = "n=" + std::to_string(count) + " mean=" + std::to_string(mean) + " range=[" + std::to_string(lo) +
                  ", " + std::to_string(hi) + "]"};
}

struct WfOut {
  FLYTE_NAMED_OUTPUTS;
  std::string label;
  double mean;
};

FLYTE_WORKFLOW()
WfOut describe_wf(std::vector<double> xs = {1.0, 2.0, 3.0}) {
  auto s = stats(xs);
  auto m = min_max(xs);
  auto d = describe(s.mean, s.count, m.lo, m.hi);
  return {.label = d.text, .mean = s.mean};
}

FLYTE_WORKFLOW()
std::tuple<double, std::int64_t> unpack_wf(std::vector<double> xs = {4.0, 5.0}) {
  auto [mean, count] = stats(xs);
  return {mean, count};
}

}  // namespace features::named_outputs
