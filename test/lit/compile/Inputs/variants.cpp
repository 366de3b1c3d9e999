// std::variant beyond the parity twin: Optional[Union[...]] flattened, std::monostate as none, a default-constructed
// variant (its first alternative), a promise bound to a union input, unions inside lists.
#include <flyte/flyte.hpp>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace features::variants {
using IntOrStr = std::variant<std::int64_t, std::string>;

FLYTE_TASK()
std::int64_t count(std::optional<IntOrStr> v = std::nullopt, std::vector<std::variant<double, bool>> xs = {}) {
  return (v ? 1 : 0) + static_cast<std::int64_t>(xs.size());
}

FLYTE_TASK()
std::variant<std::monostate, double> maybe_half(std::int64_t n) {
  if (n == 0) return std::monostate{};
  return n / 2.0;
}

FLYTE_WORKFLOW()
std::int64_t defaults_wf(std::optional<IntOrStr> v = "x", std::variant<std::monostate, double> d = {},
                         IntOrStr first = {}, std::int64_t n = 4) {
  maybe_half(n);
  return count(n, {1.5, true});
}

FLYTE_WORKFLOW()
std::int64_t unbound_wf() { return count(); }
}  // namespace features::variants
