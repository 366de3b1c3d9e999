// Tasks with several outputs: structured bindings and std::get.
#include <flyte/flyte.hpp>

#include <string>
#include <tuple>

FLYTE_TASK()
std::tuple<int, int> divmod(int a, int b) { return {a / b, a % b}; }

FLYTE_TASK()
std::string describe(int q, int r) { return std::to_string(q) + " r " + std::to_string(r); }

FLYTE_WORKFLOW()
std::tuple<std::string, int> division(int a = 17, int b = 5) {
  auto [q, r] = divmod(a, b);
  auto again = divmod(q, 2);
  return {describe(q, r), std::get<1>(again)};
}
