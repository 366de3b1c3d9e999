// Two tasks registered under the same name: one error, the duplicate; the call of the second one is not
// checked against the first one's interface (its o1 is an int, not a float).
// EXPECT: 15 error flyte-duplicate-name
#include <flyte/flyte.hpp>

#include <tuple>
#include <vector>

FLYTE_TASK(.name = "stats.split")
std::tuple<int, int> split_counts(std::vector<int> xs) {
  return {int(xs.size()) / 2, int(xs.size()) - int(xs.size()) / 2};
}

// Copied from split_counts, renamed in C++ but not in Flyte.
FLYTE_TASK(.name = "stats.split")
std::tuple<int, double> split_ratio(std::vector<int> xs) {
  return {int(xs.size()), xs.empty() ? 0.0 : 0.5};
}

FLYTE_WORKFLOW()
double ratio(std::vector<int> xs = {1, 2, 3}) {
  auto [n, r] = split_ratio(xs);
  return r;
}
