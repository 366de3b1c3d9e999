// An explicit task name written like a file path.
// EXPECT: 9 error flyte-invalid-name
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace reports {
FLYTE_TASK(.name = "/reports/render")
std::string render(std::string title, int rows) {  // <- mistake: the name above is not a Flyte entity name
  return title + ": " + std::to_string(rows) + " rows";
}

FLYTE_TASK()
int row_count(std::vector<int> values) { return static_cast<int>(values.size()); }

FLYTE_WORKFLOW(.name = "reports.weekly")
std::string weekly(std::string title = "Weekly KPIs", std::vector<int> values = {3, 1, 4, 1, 5}) {
  return render(title, row_count(values));
}
}  // namespace reports
