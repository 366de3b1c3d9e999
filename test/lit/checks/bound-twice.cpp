// A parameter is bound at most once, across the partial and the map call.
// RUN: rm -rf %t && %not %flytecc compile %s -o %t -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: test ! -e %t
// RUN: %flytecc compile %s -o %t.ok -- -std=c++20 -I%sdk 2>&1 | %FileCheck --check-prefix=GOOD %s
// GOOD-NOT: error:
// GOOD: flytecc: wrote
#include <flyte/flyte.hpp>
using namespace flyte::literals;

FLYTE_TASK()
double cost(int quantity, double price) { return quantity * price; }

FLYTE_WORKFLOW()
std::vector<double> wf(std::vector<int> qs = {1, 2}, std::vector<double> ps = {1.0, 2.0}, double p = 2.0) {
#ifdef BAD
  auto part = flyte::partial(cost, "price"_a = p);
  return flyte::map_task(part)("quantity"_a = qs, "price"_a = ps);
  // CHECK: bound-twice.cpp:[[@LINE-1]]:51: error: input 'price' of 'cost' is bound more than once [flyte-bound-twice]
#else
  return flyte::map_task(cost)("quantity"_a = qs, "price"_a = ps);
#endif
}
