// Lists assembled from task outputs and constants.
#include <flyte/flyte.hpp>

#include <vector>

FLYTE_TASK()
int measure(int seed) { return seed * 7 % 11; }

FLYTE_TASK()
int maximum(std::vector<int> xs) {
  int m = xs.empty() ? 0 : xs[0];
  for (int x : xs) m = x > m ? x : m;
  return m;
}

FLYTE_WORKFLOW()
int best_of_three(int seed = 3) {
  auto a = measure(seed);
  auto b = measure(a);
  auto c = measure(b);
  return maximum({a, b, c, 0});
}
