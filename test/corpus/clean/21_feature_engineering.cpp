// Feature engineering: normalize columns in parallel, then assemble a table.
#include <flyte/flyte.hpp>

#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace features {
FLYTE_TASK(.cache = true, .cache_version = "v3", .requests = {.cpu = "250m"})
double zscore(double x, double mean, double stddev) { return stddev == 0 ? 0 : (x - mean) / stddev; }

FLYTE_TASK()
double mean_of(std::vector<double> xs) {
  double s = 0;
  for (double x : xs) s += x;
  return xs.empty() ? 0 : s / xs.size();
}

FLYTE_TASK()
double stddev_of(std::vector<double> xs, double mean) {
  double s = 0;
  for (double x : xs) s += (x - mean) * (x - mean);
  return xs.empty() ? 0 : std::sqrt(s / xs.size());
}

FLYTE_TASK()
std::map<std::string, double> summary(std::vector<double> scores) {
  return {{"n", static_cast<double>(scores.size())}};
}

using namespace flyte::literals;

FLYTE_WORKFLOW()
std::map<std::string, double> engineer(std::vector<double> column = {1.0, 2.0, 3.0, 4.0}) {
  auto m = mean_of(column);
  auto s = stddev_of(column, m);
  auto z = flyte::map_task(flyte::partial(zscore, "mean"_a = m, "stddev"_a = s))(column);
  return summary(z);
}
}  // namespace features
