// Map options with nested designated metadata.
#include <flyte/flyte.hpp>

#include <chrono>
#include <vector>

FLYTE_TASK()
double normalize(double x) { return x / 100.0; }

FLYTE_WORKFLOW()
std::vector<double> normalized(std::vector<double> xs = {10.0, 20.0}) {
  return flyte::map_task(normalize, {.concurrency = 2,
                                     .metadata = {.cache = true,
                                                  .cache_version = "2",
                                                  .retries = 3,
                                                  .timeout = std::chrono::minutes(5)}})(xs);
}
