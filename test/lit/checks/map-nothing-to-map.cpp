// flyte-map-nothing-to-map: a map task needs at least one input that the partial leaves to the lists.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// GOOD-NOT: [flyte-
#include <flyte/flyte.hpp>
using namespace flyte::literals;

FLYTE_TASK()
double cost(int quantity, double price, double shipping) { return quantity * price * shipping; }

#ifdef BAD
FLYTE_WORKFLOW()
std::vector<double> nothing(int q = 1, double p = 2.0, double s = 3.0) {
  return flyte::map_task(flyte::partial(cost, "quantity"_a = q, "price"_a = p, "shipping"_a = s))();
  // CHECK: map-nothing-to-map.cpp:[[@LINE-1]]:10: error: map_task over 'cost' has no list to map over: every input is bound by the partial [flyte-map-nothing-to-map]
}
#endif

FLYTE_WORKFLOW()
std::vector<double> one_list(std::vector<int> qs = {1, 2}, double p = 2.0, double s = 3.0) {
  return flyte::map_task(flyte::partial(cost, "price"_a = p, "shipping"_a = s))(qs);
}
