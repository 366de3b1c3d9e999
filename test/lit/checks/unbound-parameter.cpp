// flyte-unbound-parameter: every input of a mapped task is bound (optional ones too: they become lists).
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// GOOD-NOT: [flyte-
#include <flyte/flyte.hpp>
using namespace flyte::literals;

FLYTE_TASK()
double cost(int quantity, double price, double shipping) { return quantity * price * shipping; }

FLYTE_TASK()
int opt(int a, std::optional<int> b) { return a + b.value_or(0); }

#ifdef BAD
FLYTE_WORKFLOW()
std::vector<double> unbound(std::vector<int> qs = {1, 2}, double p = 2.0) {
  return flyte::map_task(flyte::partial(cost, "price"_a = p))(qs);
  // CHECK: unbound-parameter.cpp:[[@LINE-1]]:65: error: input 'shipping' of 'cost' is not bound (Flyte: Parameter not bound [shipping].) [flyte-unbound-parameter]
}
#endif

FLYTE_WORKFLOW()
std::vector<int> all_bound(std::vector<int> xs = {1, 2}, std::vector<std::optional<int>> ys = {1, std::nullopt}) {
  return flyte::map_task(opt)(xs, ys);
}
