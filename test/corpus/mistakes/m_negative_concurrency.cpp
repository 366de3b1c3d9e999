// Parallel downloads with concurrency -1 meaning "unlimited" (in Flyte, 0 is unlimited).
// EXPECT: 19 error flyte-config
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace mirror {
FLYTE_TASK(.retries = 5, .requests = {.ephemeral_storage = "10Gi"})
flyte::File download(std::string url) { return flyte::File{"/data/" + std::to_string(url.size())}; }

FLYTE_TASK()
flyte::Directory bundle(std::vector<flyte::File> files) {
  return flyte::Directory{files.empty() ? "bundle" : files.back().path + ".bundle"};
}

FLYTE_WORKFLOW()
flyte::Directory mirror_all(std::vector<std::string> urls = {"https://x/1", "https://x/2"}) {
  auto files = flyte::map_task(download, {.concurrency = -1})(urls);  // <- mistake: use 0 for unlimited
  return bundle(files);
}
}  // namespace mirror
