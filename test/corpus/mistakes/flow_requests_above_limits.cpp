// Resource requests above the limits: 4Gi of memory asked for, at most 4G (less) allowed.
// EXPECT: 10 error flyte-requests-above-limits
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

FLYTE_TASK(.retries = 2,
           .requests = {.cpu = "1",
                        .mem = "4Gi"},
           .limits = {.cpu = "2", .mem = "4G"})
std::string resize(std::string image) { return image + ".small"; }

FLYTE_WORKFLOW()
std::vector<std::string> thumbnails(std::vector<std::string> images = {"a.png", "b.png"}) {
  return flyte::map_task(resize)(images);
}
