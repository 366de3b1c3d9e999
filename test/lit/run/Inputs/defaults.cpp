// Defaults flytekit allows: blobs at a URI, time points, small integer types (docs/sdk.md, "More defaults").
#include <flyte/flyte.hpp>

#include <chrono>
#include <cstdint>
#include <string>

namespace features::defaults {
using namespace std::chrono;

FLYTE_TASK()
std::string where(flyte::File data, flyte::Directory images) { return data.path + " " + images.path; }

FLYTE_TASK()
std::int64_t seconds_since(system_clock::time_point since, std::int8_t level, std::uint16_t port) {
  return duration_cast<seconds>(since.time_since_epoch()).count() + level + port;
}

FLYTE_WORKFLOW()
std::string blobs_wf(flyte::File data = flyte::File{"s3://bucket/data/input.csv"},
                     flyte::Directory images = flyte::Directory{.path = "s3://bucket/images/"}) {
  return where(data, images);
}

FLYTE_WORKFLOW()
std::int64_t time_wf(system_clock::time_point since = sys_days{2024y / January / 1} + 12h + 30min + 250ms,
                     std::int8_t level = -3, std::uint16_t port = 8080) {
  return seconds_since(since, level, port);
}

FLYTE_WORKFLOW()
std::int64_t bound_wf() { return seconds_since(sys_days{1969y / December / 31}, 127, 65535); }

}  // namespace features::defaults
