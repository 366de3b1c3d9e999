// Thumbnails: the map call passes a list of sizes, although the partial already fixed the size.
// EXPECT: 24 error flyte-too-many-arguments
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

using namespace flyte::literals;

namespace thumbs {
FLYTE_TASK(.interruptible = true, .requests = {.cpu = "250m", .mem = "512Mi"})
flyte::File thumbnail(flyte::File image, int size) {
  return flyte::File{image.path + "." + std::to_string(size) + ".jpg"};
}

FLYTE_TASK()
flyte::Directory gallery(std::vector<flyte::File> thumbs) {
  return flyte::Directory{thumbs.empty() ? "gallery" : thumbs.front().path + ".gallery"};
}

FLYTE_WORKFLOW()
flyte::Directory make_gallery(std::vector<flyte::File> images, std::vector<int> sizes = {128, 128}) {
  auto small = flyte::partial(thumbnail, "size"_a = 128);
  auto thumbs = flyte::map_task(small)(images, sizes);  // <- mistake: 'size' is already bound
  return gallery(thumbs);
}
}  // namespace thumbs
