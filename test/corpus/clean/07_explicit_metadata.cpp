// Map options with an explicitly typed metadata value.
#include <flyte/flyte.hpp>

#include <vector>

FLYTE_TASK(.cache = true, .cache_version = "a")
int inc(int x) { return x + 1; }

FLYTE_WORKFLOW()
std::vector<int> incremented(std::vector<int> xs = {1}) {
  return flyte::map_task(inc, {.metadata = flyte::TaskMetadata{.cache = true, .cache_version = "b", .interruptible = true}})(xs);
}
