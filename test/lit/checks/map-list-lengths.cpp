// flyte-map-list-lengths: literal lists mapped together must have the same length.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// GOOD-NOT: [flyte-
#include <flyte/flyte.hpp>
using namespace flyte::literals;

FLYTE_TASK()
double cost(int quantity, double price) { return quantity * price; }

#ifdef BAD
FLYTE_WORKFLOW()
std::vector<double> uneven() {
  return flyte::map_task(cost)(std::vector<int>{1, 2, 3}, "price"_a = std::vector<double>{1.0, 2.0});
  // CHECK: map-list-lengths.cpp:[[@LINE-1]]:59: error: lists mapped together must have the same length: 'quantity' has 3 items, 'price' has 2 {{.*}}[flyte-map-list-lengths]
}
#endif

FLYTE_WORKFLOW()
std::vector<double> even() { return flyte::map_task(cost)(std::vector<int>{1, 2}, std::vector<double>{1.0, 2.0}); }
