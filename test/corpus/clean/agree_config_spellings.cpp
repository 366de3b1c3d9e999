// Settings and bindings spelled through constexpr code: ternaries choosing strings, static_cast counts, constexpr
// optionals in overrides, durations from constexpr functions, string_view substrings as names.
#include <flyte/flyte.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agree_config {

constexpr bool kGpu = false;
constexpr std::string_view kTeam = "vision-team";
constexpr const char* image() { return kGpu ? "ghcr.io/acme/train:gpu" : "ghcr.io/acme/train:cpu"; }
constexpr std::chrono::seconds minutes(int n) { return std::chrono::seconds(60 * n); }
constexpr std::optional<int> kRetries = kGpu ? 5 : 3;
constexpr std::optional<bool> kInterruptible = true;
constexpr double kLimitScale = 1.5;

FLYTE_TASK(.name = "agree_config.prepare", .cache = !kGpu, .cache_version = kGpu ? "gpu-1" : "cpu-1",
           .retries = static_cast<int>(kLimitScale * 2), .timeout = minutes(10), .requests = {.cpu = kGpu ? "4" : "2"},
           .container_image = image())
std::vector<float> prepare(std::string team, int batch) { return std::vector<float>(batch, team.empty() ? 0.f : 1.f); }

FLYTE_WORKFLOW()
std::vector<float> pipeline(int batch = static_cast<int>(kLimitScale * 10)) {
  return flyte::with_overrides(prepare(std::string(kTeam.substr(0, 6)), batch),
                               {.retries = kRetries, .timeout = std::optional<std::chrono::seconds>(minutes(3)),
                                .interruptible = kInterruptible});
}

}  // namespace agree_config
