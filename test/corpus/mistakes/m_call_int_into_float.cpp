// ETL: a row count (int) is passed to a task that expects a float ratio. C++ converts silently; Flyte's
// type checker rejects int for float at registration.
// EXPECT: 26 error flyte-map-binding-type
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace etl {
FLYTE_TASK(.retries = 3, .timeout = std::chrono::minutes(10))
std::vector<std::string> extract(std::string table) { return {table + ":1", table + ":2", table + ":3"}; }

FLYTE_TASK()
int count_rows(std::vector<std::string> rows) { return static_cast<int>(rows.size()); }

FLYTE_TASK()
bool within_budget(double fraction_loaded, double threshold) { return fraction_loaded >= threshold; }

FLYTE_TASK()
std::string report(bool ok, std::string table) { return table + (ok ? " ok" : " incomplete"); }

FLYTE_WORKFLOW(.name = "etl.nightly_check")
std::string nightly(std::string table = "orders", double threshold = 0.95) {
  auto rows = extract(table);
  auto n = count_rows(rows);
  auto ok = within_budget(n, threshold);  // <- mistake: int bound to a float input
  return report(ok, table);
}
}  // namespace etl
