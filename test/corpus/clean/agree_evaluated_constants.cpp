// Constants by evaluation, not spelling: constexpr helpers that return values, static_cast, ternaries on
// constants, std::string_view constants, user constexpr std::optional variables, durations from arithmetic.
#include <flyte/flyte.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agree {
using namespace flyte::literals;

constexpr bool kProduction = false;
constexpr std::string_view kRegion = "eu-west-1";
constexpr const char* region_name() { return kProduction ? "us-east-1" : "eu-west-2"; }
constexpr std::string_view view_of(std::string_view s) { return s.substr(0, 2); }
constexpr int retries_for(bool production) { return production ? 5 : 2; }
constexpr std::optional<int> kConcurrency = 4;
constexpr std::optional<double> kThreshold = std::optional<double>(0.5);
constexpr std::optional<std::int64_t> kNoLimit = std::nullopt;
constexpr std::chrono::seconds kTimeout = std::chrono::minutes(2) + std::chrono::seconds(30);
enum class Mode { Fast, Careful };
constexpr Mode pick(bool careful) { return careful ? Mode::Careful : Mode::Fast; }

FLYTE_TASK(.retries = retries_for(kProduction), .timeout = kTimeout)
double score(std::string region, std::optional<double> threshold = kThreshold,
             std::optional<std::int64_t> limit = kNoLimit, Mode mode = pick(!kProduction),
             std::chrono::milliseconds budget = std::chrono::duration_cast<std::chrono::milliseconds>(kTimeout) / 2) {
  return static_cast<double>(region.size()) * threshold.value_or(1.0) + (limit ? 1.0 : 0.0) +
         (mode == Mode::Careful ? 0.5 : 0.0) + static_cast<double>(budget.count()) * 0;
}

FLYTE_TASK()
int weight(int n, std::optional<int> cap) { return cap ? (n < *cap ? n : *cap) : n; }

FLYTE_WORKFLOW()
double regions(std::vector<int> ns = {static_cast<int>(2.9), kProduction ? 10 : 20, retries_for(true)}) {
  auto a = score(std::string(kRegion), kThreshold, std::optional<std::int64_t>(7));
  auto b = score(region_name(), std::make_optional(0.25));
  auto c = score(std::string(view_of(kRegion)));
  auto w = flyte::map_task(flyte::partial(weight, "cap"_a = kConcurrency), {.concurrency = kConcurrency})(ns);
  return b;
}

}  // namespace agree
