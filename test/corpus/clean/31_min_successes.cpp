// A map that needs a fixed number of successes, consumed as optionals in a task.
#include <flyte/flyte.hpp>

#include <optional>
#include <string>
#include <vector>

FLYTE_TASK(.retries = 2)
std::string ping(std::string host) { return host + ":ok"; }

FLYTE_TASK()
std::vector<std::string> reachable(std::vector<std::optional<std::string>> results) {
  std::vector<std::string> out;
  for (const auto& r : results)
    if (r) out.push_back(*r);
  return out;
}

FLYTE_WORKFLOW()
std::vector<std::string> probe(std::vector<std::string> hosts = {"a", "b", "c"}) {
  auto results = flyte::map_task(ping, {.concurrency = 0, .min_successes = 2})(hosts);
  return reachable(results);
}
