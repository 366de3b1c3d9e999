// ML sweep: every trial scores against the validation set, bound with flyte::partial. The validation set is a
// task output (a list), so Flyte would split it across the mapped items instead of passing it whole.
// EXPECT: 34 error flyte-partial-list
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

using namespace flyte::literals;

namespace sweep {
FLYTE_TASK(.cache = true, .cache_version = "2024-06")
std::vector<double> load_validation(std::string split) {
  return split == "val" ? std::vector<double>{0.1, 0.4, 0.35, 0.8} : std::vector<double>{};
}

FLYTE_TASK(.retries = 2, .requests = {.cpu = "2", .mem = "4Gi"})
double score_trial(double learning_rate, std::vector<double> validation) {
  double loss = 0;
  for (double v : validation) loss += (v - learning_rate) * (v - learning_rate);
  return validation.empty() ? 0 : loss / validation.size();
}

FLYTE_TASK()
double best(std::vector<double> losses) {
  double b = losses.empty() ? 0 : losses[0];
  for (double l : losses) b = l < b ? l : b;
  return b;
}

FLYTE_WORKFLOW(.name = "sweep.learning_rates")
double learning_rates(std::vector<double> rates = {0.001, 0.01, 0.1}) {
  auto validation = load_validation("val");
  auto scorer = flyte::partial(score_trial, "validation"_a = validation);  // <- mistake: a list in a mapped partial
  auto losses = flyte::map_task(scorer, {.concurrency = 8})(rates);
  return best(losses);
}
}  // namespace sweep
