// Names in "name"_a = value must be parameters of the task.
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
std::vector<double> wf(std::vector<int> qs = {1, 2}, double p = 2.0) {
#ifdef BAD
  auto part = flyte::partial(cost, "prize"_a = p);
  // CHECK: unknown-parameter.cpp:[[@LINE-1]]:36: error: 'cost' has no parameter named 'prize' [flyte-unknown-parameter]
  return flyte::map_task(flyte::partial(cost, "price"_a = p))("quantiti"_a = qs);
  // CHECK: unknown-parameter.cpp:[[@LINE-1]]:63: error: 'cost' has no parameter named 'quantiti' [flyte-unknown-parameter]
#else
  return flyte::map_task(flyte::partial(cost, "price"_a = p))("quantity"_a = qs);
#endif
}
