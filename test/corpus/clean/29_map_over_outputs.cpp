// Mapping over a list produced by a task, and a two-level pipeline.
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

FLYTE_TASK()
std::vector<std::string> list_partitions(std::string table) { return {table + "/p0", table + "/p1"}; }

FLYTE_TASK(.retries = 3)
int process_partition(std::string partition) { return static_cast<int>(partition.size()); }

FLYTE_TASK()
int combine(std::vector<int> parts) {
  int s = 0;
  for (int p : parts) s += p;
  return s;
}

FLYTE_WORKFLOW()
int process_table(std::string table = "events") {
  auto parts = list_partitions(table);
  auto results = flyte::map_task(process_partition)(parts);
  return combine(results);
}
