// flyte::with_overrides on plain task and sub-workflow calls (every override field), next to map overrides.
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace training {
FLYTE_TASK(.retries = 1, .requests = {.cpu = "2", .mem = "8Gi"}, .limits = {.cpu = "4", .mem = "16Gi"})
double fit(double learning_rate, int epochs) { return learning_rate * epochs; }

FLYTE_TASK()
double evaluate(double model) { return model > 1 ? 0.9 : 0.5; }

FLYTE_WORKFLOW()
double fit_and_evaluate(double learning_rate = 0.01, int epochs = 10) { return evaluate(fit(learning_rate, epochs)); }

FLYTE_TASK()
double augment(double x) { return x * 1.1; }

FLYTE_WORKFLOW()
std::vector<double> train_big(double learning_rate = 0.001, std::vector<double> samples = {1.0, 2.0}) {
  double model = flyte::with_overrides(fit(learning_rate, 100), {.requests = {.cpu = "8", .mem = "64Gi", .gpu = "2"},
                                                                .limits = {.cpu = "16", .mem = "128Gi"},
                                                                .container_image = "ghcr.io/acme/train:cuda12",
                                                                .name = "fit (large)",
                                                                .node_name = "Fit Large",
                                                                .retries = 5,
                                                                .timeout = std::chrono::hours(6),
                                                                .interruptible = false,
                                                                .cache = true,
                                                                .cache_version = "large-1",
                                                                .cache_serialize = true,
                                                                .accelerator = "nvidia-tesla-a100",
                                                                .shared_memory = "8Gi"});
  double score = flyte::with_overrides(fit_and_evaluate(learning_rate, 3), {.name = "quick-eval", .retries = 1});
  evaluate(score);
  return flyte::map_task(augment)(samples).with_overrides({.requests = {.mem = "1Gi"}, .interruptible = true,
                                                           .accelerator = "nvidia-tesla-t4"});
}
}  // namespace training
