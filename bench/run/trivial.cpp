// The benchmark workflow of bench/run/bench.sh: a map over a trivial task, its input list made by a task.
#include <flyte/flyte.hpp>

#include <vector>

namespace bench {

FLYTE_TASK()
std::vector<int> make_list(int n) {
  std::vector<int> out(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) out[static_cast<size_t>(i)] = i;
  return out;
}

FLYTE_TASK()
int inc(int x) { return x + 1; }

FLYTE_WORKFLOW()
std::vector<int> map_inc(int n = 1000) { return flyte::map_task(inc)(make_list(n)); }

}  // namespace bench
