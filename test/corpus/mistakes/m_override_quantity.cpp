// A node override asks for "2 cores", which Kubernetes cannot parse.
// EXPECT: 22 error flyte-resource-quantity
#include <flyte/flyte.hpp>

#include <vector>

namespace stats {
FLYTE_TASK(.requests = {.cpu = "500m", .mem = "512Mi"})
double bootstrap(int seed) { return static_cast<double>(seed % 7) / 7.0; }

FLYTE_TASK()
double variance(std::vector<double> xs) {
  double m = 0, v = 0;
  for (double x : xs) m += x;
  m = xs.empty() ? 0 : m / xs.size();
  for (double x : xs) v += (x - m) * (x - m);
  return xs.empty() ? 0 : v / xs.size();
}

FLYTE_WORKFLOW()
double bootstrap_variance(std::vector<int> seeds = {1, 2, 3, 4, 5}) {
  auto samples = flyte::map_task(bootstrap)(seeds).with_overrides({.requests = {.cpu = "2 cores"},  // <- mistake
                                                                   .name = "bootstrap-samples"});
  return variance(samples);
}
}  // namespace stats
