// Nested lists and maps of lists.
#include <flyte/flyte.hpp>

#include <map>
#include <string>
#include <vector>

FLYTE_TASK()
int flatten_count(std::vector<std::vector<int>> rows) {
  int n = 0;
  for (const auto& r : rows) n += static_cast<int>(r.size());
  return n;
}

FLYTE_TASK()
int row_length(std::vector<int> row) { return static_cast<int>(row.size()); }

FLYTE_TASK()
std::map<std::string, std::vector<int>> group(std::vector<int> xs) { return {{"all", xs}}; }

FLYTE_WORKFLOW()
std::vector<int> lengths(std::vector<std::vector<int>> rows = {{1, 2}, {3}}) {
  auto total = flatten_count(rows);
  auto groups = group({total, 1});
  return flyte::map_task(row_length)(rows);
}
