// Reporting: the workflow divides two task outputs itself; they are promises, not numbers.
// EXPECT: 22 error flyte-workflow-expression
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace kpi {
FLYTE_TASK()
int signups(std::string day) { return static_cast<int>(day.size()) * 10; }

FLYTE_TASK()
int visits(std::string day) { return static_cast<int>(day.size()) * 1000; }

FLYTE_TASK()
std::string format_rate(double rate) { return std::to_string(rate * 100) + "%"; }

FLYTE_WORKFLOW()
std::string conversion(std::string day = "2024-06-01") {
  auto s = signups(day);
  auto v = visits(day);
  return format_rate(static_cast<double>(s) / v);  // <- mistake: arithmetic on promises
}
}  // namespace kpi
