// Per-node overrides on a map task.
#include <flyte/flyte.hpp>

#include <vector>

FLYTE_TASK(.requests = {.cpu = "1", .mem = "1Gi"})
int heavy(int x) { return x * x; }

FLYTE_WORKFLOW()
std::vector<int> heavy_all(std::vector<int> xs = {4, 5}) {
  return flyte::map_task(heavy)(xs).with_overrides({.requests = {.cpu = "2", .mem = "2Gi"},
                                                     .limits = {.cpu = "4", .mem = "4Gi"},
                                                     .name = "heavy-map"});
}
