// flyte-config: cache without cache_version, min_success_ratio outside (0, 1], both min_successes and
// min_success_ratio, negative counts and timeouts.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// GOOD-NOT: [flyte-
#include <flyte/flyte.hpp>

#ifdef BAD
FLYTE_TASK(.cache = true)
int uncached(int a) { return a; }
// CHECK: config.cpp:[[@LINE-1]]:5: error: caching is enabled (.cache = true) but .cache_version is not set [flyte-config]

FLYTE_TASK(.retries = -1, .timeout = std::chrono::seconds(-5))
int negative(int a) { return a; }
// CHECK: config.cpp:[[@LINE-2]]:23: error: 'retries' must not be negative (got -1) [flyte-config]
// CHECK: config.cpp:[[@LINE-3]]:38: error: 'timeout' must not be negative (got -5s) [flyte-config]

FLYTE_WORKFLOW()
std::vector<std::optional<int>> options(std::vector<int> xs = {1}) {
  auto a = flyte::map_task(uncached, {.min_success_ratio = 1.5})(xs);
  // CHECK: config.cpp:[[@LINE-1]]:60: error: min_success_ratio must be in (0, 1], not 1.5 [flyte-config]
  auto b = flyte::map_task(uncached, {.concurrency = -2})(xs);
  // CHECK: config.cpp:[[@LINE-1]]:54: error: 'concurrency' must not be negative (got -2) [flyte-config]
  auto c = flyte::map_task(uncached, {.metadata = flyte::TaskMetadata{.cache = true}})(xs);
  // CHECK: config.cpp:[[@LINE-1]]:51: error: caching is enabled (.cache = true) but .cache_version is not set [flyte-config]
  return flyte::map_task(uncached, {.min_success_ratio = 0.5, .min_successes = 1})(xs);
  // CHECK: config.cpp:[[@LINE-1]]:80: error: min_successes and min_success_ratio are mutually exclusive: set one [flyte-config]
}
#endif

FLYTE_TASK(.cache = true, .cache_version = "1", .retries = 3, .timeout = std::chrono::minutes(5))
int cached(int a) { return a; }

FLYTE_WORKFLOW()
std::vector<std::optional<int>> ok(std::vector<int> xs = {1}) {
  return flyte::map_task(cached, {.concurrency = 0, .min_success_ratio = 0.5})(xs);
}
