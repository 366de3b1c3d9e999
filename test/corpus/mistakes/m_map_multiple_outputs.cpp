// Train/test split per dataset: the mapped task returns two outputs, which map tasks cannot collect.
// EXPECT: 23 error flyte-map-multiple-outputs
#include <flyte/flyte.hpp>

#include <string>
#include <tuple>
#include <vector>

namespace prep {
FLYTE_TASK(.cache = true, .cache_version = "v1")
std::tuple<flyte::File, flyte::File> split(flyte::File dataset, double test_fraction) {
  return {flyte::File{dataset.path + ".train"}, flyte::File{dataset.path + ".test" + std::to_string(test_fraction)}};
}

using namespace flyte::literals;

FLYTE_TASK()
int count_rows(flyte::File dataset) { return static_cast<int>(dataset.path.size()); }

FLYTE_WORKFLOW()
void split_all(std::vector<flyte::File> datasets) {
  flyte::map_task(count_rows)(datasets);
  flyte::map_task(flyte::partial(split, "test_fraction"_a = 0.2))(datasets);  // <- mistake: two outputs
}
}  // namespace prep
