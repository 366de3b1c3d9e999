// Image processing: brightness factors come in as integer percentages, but the mapped task takes a double.
// C++ converts each int, Flyte does not convert [int] to [float].
// EXPECT: 31 error flyte-map-binding-type
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

using namespace flyte::literals;

namespace imaging {
FLYTE_TASK(.requests = {.cpu = "500m", .mem = "1Gi"})
flyte::File adjust_brightness(flyte::File image, double factor) {
  return flyte::File{image.path + ".x" + std::to_string(factor)};
}

FLYTE_TASK()
std::vector<int> percentages(int steps) {
  std::vector<int> out;
  for (int i = 1; i <= steps; ++i) out.push_back(i * 100 / steps);
  return out;
}

FLYTE_TASK()
int count(std::vector<flyte::File> images) { return static_cast<int>(images.size()); }

FLYTE_WORKFLOW()
int brightness_ladder(flyte::File image, int steps = 4) {
  auto factors = percentages(steps);
  auto adjusted = flyte::map_task(flyte::partial(adjust_brightness, "image"_a = image))(
      "factor"_a = factors);  // <- mistake: [int] bound to a float input
  return count(adjusted);
}
}  // namespace imaging
