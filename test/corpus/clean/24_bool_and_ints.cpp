// Booleans and integer widths.
#include <flyte/flyte.hpp>

#include <cstdint>
#include <vector>

FLYTE_TASK()
bool is_even(std::int64_t x) { return x % 2 == 0; }

FLYTE_TASK()
int count_true(std::vector<bool> flags) {
  int n = 0;
  for (bool f : flags) n += f;
  return n;
}

FLYTE_WORKFLOW()
int evens(std::vector<std::int64_t> xs = {1, 2, 3, 4}) {
  auto flags = flyte::map_task(is_even)(xs);
  return count_true(flags);
}
