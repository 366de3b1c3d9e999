// Retention policy: a default of 300 years of hours does not fit Flyte's int64-nanosecond durations.
// EXPECT: 23 error flyte-value-out-of-range
#include <flyte/flyte.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace retention {
FLYTE_TASK()
std::vector<std::string> expired(std::vector<std::string> objects, std::chrono::hours max_age) {
  std::vector<std::string> out;
  for (const auto& o : objects)
    if (static_cast<long>(o.size()) > max_age.count()) out.push_back(o);
  return out;
}

FLYTE_TASK()
int purge(std::vector<std::string> objects) { return static_cast<int>(objects.size()); }

FLYTE_WORKFLOW()
int apply_retention(std::vector<std::string> objects = {"a.log", "b.log"},
                    std::chrono::hours max_age = std::chrono::hours(24 * 365 * 300)) {  // <- mistake
  return purge(expired(objects, max_age));
}
}  // namespace retention
