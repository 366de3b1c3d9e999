// The C++ twin of flytekit-golden-2's features/unions.py (test/data/flytekit-golden-2/unions/unions.py):
// std::optional inputs and outputs with std::nullopt defaults, and `Union[int, str]` as a std::variant.
#include <flyte/flyte.hpp>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <variant>

namespace features::unions {

using IntOrStr = std::variant<std::int64_t, std::string>;

FLYTE_TASK()
IntOrStr describe(IntOrStr v) {
  if (auto* i = std::get_if<std::int64_t>(&v)) return *i * 2;
  std::string s = std::get<std::string>(v);
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

FLYTE_TASK()
std::int64_t total(std::optional<std::vector<std::int64_t>> xs = std::nullopt,
                   std::optional<std::map<std::string, std::int64_t>> weights = std::nullopt) {
  std::int64_t sum = 0;
  for (auto x : xs.value_or(std::vector<std::int64_t>{})) sum += x;
  if (weights)
    for (const auto& [k, v] : *weights) sum += v;
  return sum;
}

FLYTE_TASK()
std::optional<std::vector<std::int64_t>> maybe_list(std::int64_t n) {
  if (n <= 0) return std::nullopt;
  std::vector<std::int64_t> out;
  for (std::int64_t i = 0; i < n; ++i) out.push_back(i);
  return out;
}

FLYTE_TASK()
std::optional<std::map<std::string, std::int64_t>> maybe_dict(std::vector<std::string> keys) {
  if (keys.empty()) return std::nullopt;
  std::map<std::string, std::int64_t> out;
  for (std::size_t i = 0; i < keys.size(); ++i) out[keys[i]] = static_cast<std::int64_t>(i);
  return out;
}

FLYTE_TASK()
std::optional<std::int64_t> opt_int(std::optional<std::int64_t> x = std::nullopt) {
  if (!x) return std::nullopt;
  return *x + 1;
}

FLYTE_WORKFLOW()
std::int64_t union_wf(IntOrStr v = 3, std::int64_t n = 3) {
  describe(v);
  return total(maybe_list(n), maybe_dict({"a", "b"}));
}

FLYTE_WORKFLOW()
std::optional<std::int64_t> none_defaults_wf(std::optional<std::vector<std::int64_t>> xs = std::nullopt,
                                             std::optional<std::map<std::string, std::int64_t>> weights = std::nullopt,
                                             std::optional<std::int64_t> x = std::nullopt, IntOrStr v = "hi") {
  total(xs, weights);
  describe(v);
  return opt_int(x);
}

FLYTE_WORKFLOW()
std::int64_t task_default_wf() { return total(); }  // both optional inputs left unbound: the task's defaults apply

}  // namespace features::unions
