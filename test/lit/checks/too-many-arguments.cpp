// More lists than unbound parameters.
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
  return flyte::map_task(flyte::partial(cost, "price"_a = p))(qs, qs);
  // CHECK: too-many-arguments.cpp:[[@LINE-1]]:67: error: too many arguments for 'cost' [flyte-too-many-arguments]
#else
  return flyte::map_task(flyte::partial(cost, "price"_a = p))(qs);
#endif
}
