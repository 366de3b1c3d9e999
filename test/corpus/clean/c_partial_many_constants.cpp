// A partial binding several constants of different types and spellings, plus a promise, then mapped.
#include <flyte/flyte.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

using namespace flyte::literals;
using namespace std::string_literals;

namespace resample {
constexpr std::string_view kMethod = "lanczos";
constexpr int quality() { return 85; }

FLYTE_TASK(.requests = {.cpu = "500m", .mem = "1Gi"})
flyte::File resample(flyte::File image, int width, int height, std::string method, double sharpen, bool keep_exif,
                     std::optional<std::string> watermark, std::chrono::seconds budget, int jpeg_quality) {
  return flyte::File{image.path + "." + std::to_string(width) + "x" + std::to_string(height) + "." + method +
                     (keep_exif ? ".exif" : "") + (watermark ? "." + *watermark : "") + "." +
                     std::to_string(jpeg_quality + static_cast<int>(sharpen) + static_cast<int>(budget.count()))};
}

FLYTE_TASK()
std::string suffix(std::string campaign) { return campaign + "-wm"; }

FLYTE_WORKFLOW()
std::vector<flyte::File> thumbnails(std::vector<flyte::File> images, std::string campaign = "spring") {
  auto mark = suffix(campaign);
  auto small = flyte::partial(resample, "width"_a = 320, "height"_a = 240, "method"_a = std::string(kMethod),
                              "sharpen"_a = 0.5, "keep_exif"_a = false, "watermark"_a = mark,
                              "budget"_a = std::chrono::seconds(30), "jpeg_quality"_a = quality());
  return flyte::map_task(small, {.concurrency = 10})("image"_a = images);
}

FLYTE_WORKFLOW()
std::vector<flyte::File> originals(std::vector<flyte::File> images) {
  return flyte::map_task(flyte::partial(resample, "width"_a = 4000, "height"_a = 3000, "method"_a = "nearest"s,
                                        "sharpen"_a = 0.0, "keep_exif"_a = true,
                                        "watermark"_a = std::optional<std::string>(),
                                        "budget"_a = std::chrono::minutes(2), "jpeg_quality"_a = 100))(images);
}
}  // namespace resample
