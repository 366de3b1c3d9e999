// Video transcoding: memory written the way a cloud console shows it, "8 GB", not as a Kubernetes quantity.
// EXPECT: 9 error flyte-resource-quantity
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace video {
FLYTE_TASK(.requests = {.cpu = "4", .mem = "8 GB"},  // <- mistake: not a Kubernetes quantity
           .limits = {.cpu = "8", .mem = "12Gi"})
flyte::File transcode(flyte::File source, std::string codec) { return flyte::File{source.path + "." + codec}; }

FLYTE_TASK()
flyte::Directory playlist(std::vector<flyte::File> renditions) {
  return flyte::Directory{renditions.empty() ? "hls" : renditions.front().path + ".hls"};
}

using namespace flyte::literals;

FLYTE_WORKFLOW()
flyte::Directory publish(flyte::File source, std::vector<std::string> codecs = {"h264", "vp9", "av1"}) {
  auto renditions = flyte::map_task(flyte::partial(transcode, "source"_a = source))("codec"_a = codecs);
  return playlist(renditions);
}
}  // namespace video
