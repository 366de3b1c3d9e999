// Tolerating failed items: the consumer takes optionals.
#include <flyte/flyte.hpp>

#include <optional>
#include <vector>

FLYTE_TASK(.retries = 1)
double risky_divide(double x) {
  if (x == 0) throw flyte::Error("division by zero");
  return 1.0 / x;
}

FLYTE_TASK()
int successes(std::vector<std::optional<double>> results) {
  int n = 0;
  for (const auto& r : results) n += r.has_value();
  return n;
}

FLYTE_WORKFLOW()
int count_successes(std::vector<double> xs = {1.0, 0.0, 4.0}) {
  auto results = flyte::map_task(risky_divide, {.min_success_ratio = 0.5})(xs);
  return successes(results);
}

FLYTE_WORKFLOW()
std::vector<std::optional<double>> raw_results(std::vector<double> xs = {2.0, 3.0}) {
  return flyte::map_task(risky_divide, {.min_successes = 1})(xs);
}
