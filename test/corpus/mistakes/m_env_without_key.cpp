// Environment variables: one entry has a value but no name.
// EXPECT: 11 error flyte-task-environment
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace spark {
FLYTE_TASK(.requests = {.cpu = "2", .mem = "6Gi"},
           .environment = {{.key = "SPARK_HOME", .value = "/opt/spark"},
                           {.value = "-Xmx4g"}})  // <- mistake: no .key
int aggregate(std::string path) { return static_cast<int>(path.size()); }

FLYTE_TASK()
int sum(std::vector<int> xs) {
  int s = 0;
  for (int x : xs) s += x;
  return s;
}

FLYTE_WORKFLOW()
int aggregate_all(std::vector<std::string> paths = {"s3://lake/a", "s3://lake/b"}) {
  return sum(flyte::map_task(aggregate)(paths));
}
}  // namespace spark
