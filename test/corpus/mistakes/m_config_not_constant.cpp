// Concurrency read from a helper that is not constexpr: flytecc must read map options at build time.
// EXPECT: 23 error flyte-config-not-constant
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace logs {
int worker_count() { return 8; }

FLYTE_TASK(.requests = {.cpu = "250m"})
int count_errors(flyte::File log) { return static_cast<int>(log.path.size() % 3); }

FLYTE_TASK()
int sum(std::vector<int> counts) {
  int s = 0;
  for (int c : counts) s += c;
  return s;
}

FLYTE_WORKFLOW()
int error_budget(std::vector<flyte::File> logs) {
  auto counts = flyte::map_task(count_errors, {.concurrency = worker_count()})(logs);  // <- mistake
  return sum(counts);
}
}  // namespace logs
