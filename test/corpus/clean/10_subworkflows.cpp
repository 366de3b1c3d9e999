// Workflows calling workflows.
#include <flyte/flyte.hpp>

#include <vector>

FLYTE_TASK()
int add(int a, int b) { return a + b; }

FLYTE_TASK()
int sum(std::vector<int> xs) {
  int s = 0;
  for (int x : xs) s += x;
  return s;
}

FLYTE_WORKFLOW()
int add_three(int a, int b, int c) { return add(add(a, b), c); }

FLYTE_WORKFLOW()
int pipeline(int x = 1) {
  auto first = add_three(x, 2, 3);
  auto second = add_three(first, first, x);
  return sum({first, second, 10});
}
