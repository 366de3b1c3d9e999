// Thumbnails: a GPU task per image, a custom image, limited concurrency.
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

FLYTE_TASK(.retries = 2, .interruptible = true, .requests = {.gpu = "1"}, .limits = {.gpu = "1"},
           .container_image = "ghcr.io/example/thumbs:1.4")
flyte::File thumbnail(flyte::File image, int size) { return flyte::File{image.path + "." + std::to_string(size)}; }

using namespace flyte::literals;

FLYTE_WORKFLOW()
std::vector<flyte::File> thumbnails(std::vector<flyte::File> images, int size = 128) {
  return flyte::map_task(flyte::partial(thumbnail, "size"_a = size), {.concurrency = 8})(images);
}
