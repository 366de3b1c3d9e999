// Files and directories flow between tasks.
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

FLYTE_TASK(.requests = {.ephemeral_storage = "1Gi"})
flyte::File download(std::string url) { return flyte::File{"/tmp/" + std::to_string(url.size())}; }

FLYTE_TASK()
flyte::Directory unpack(flyte::File archive) { return flyte::Directory{archive.path + ".d"}; }

FLYTE_TASK()
int count_files(flyte::Directory dir) { return static_cast<int>(dir.path.size()); }

FLYTE_WORKFLOW()
int fetch_and_count(std::string url = "https://example.org/data.tar") {
  auto archive = download(url);
  auto dir = unpack(archive);
  return count_files(dir);
}

FLYTE_WORKFLOW()
std::vector<flyte::File> download_all(std::vector<std::string> urls = {"a", "b"}) {
  return flyte::map_task(download)(urls);
}
