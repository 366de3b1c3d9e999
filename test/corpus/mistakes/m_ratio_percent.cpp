// Hyperparameter search: min_success_ratio written as a percentage.
// EXPECT: 22 error flyte-config
#include <flyte/flyte.hpp>

#include <optional>
#include <vector>

namespace hpo {
FLYTE_TASK(.retries = 1, .requests = {.cpu = "2", .mem = "8Gi"})
double train(double dropout) { return 1.0 - dropout; }

FLYTE_TASK()
double best(std::vector<std::optional<double>> scores) {
  double b = 0;
  for (const auto& s : scores)
    if (s && *s > b) b = *s;
  return b;
}

FLYTE_WORKFLOW()
double search(std::vector<double> dropouts = {0.1, 0.2, 0.3, 0.5}) {
  auto scores = flyte::map_task(train, {.concurrency = 2, .min_success_ratio = 90})(dropouts);  // <- mistake: 90%
  return best(scores);
}
}  // namespace hpo
