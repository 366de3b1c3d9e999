// Backfill: the list of dates to reprocess was emptied while debugging and never restored.
// EXPECT: 24 warning flyte-map-empty-list
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

using namespace flyte::literals;

namespace backfill {
FLYTE_TASK(.cache = true, .cache_version = "1", .retries = 2)
int reprocess(std::string date, std::string bucket) { return static_cast<int>(date.size() + bucket.size()); }

FLYTE_TASK()
int sum(std::vector<int> counts) {
  int s = 0;
  for (int c : counts) s += c;
  return s;
}

FLYTE_WORKFLOW()
int backfill_partitions(std::string bucket = "s3://events") {
  auto counts = flyte::map_task(flyte::partial(reprocess, "bucket"_a = bucket))(
      "date"_a = std::vector<std::string>{});  // <- mistake: an empty list
  return sum(counts);
}
}  // namespace backfill
