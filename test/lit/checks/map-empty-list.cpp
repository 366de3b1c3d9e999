// flyte-map-empty-list (warning): mapping over a literal empty list runs nothing; -Werror makes it an error.
// RUN: %flytecc check %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %not %flytecc check -Werror=flyte-map-empty-list %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck --check-prefix=ERROR %s
// ERROR: map-empty-list.cpp:{{[0-9]+}}:63: error: mapping over an empty list{{.*}}[flyte-map-empty-list]
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// GOOD-NOT: [flyte-
#include <flyte/flyte.hpp>
using namespace flyte::literals;

FLYTE_TASK()
double cost(int quantity, double price) { return quantity * price; }

#ifdef BAD
FLYTE_WORKFLOW()
std::vector<double> empty(double p = 1.0) {
  return flyte::map_task(flyte::partial(cost, "price"_a = p))(std::vector<int>{});
  // CHECK: map-empty-list.cpp:[[@LINE-1]]:63: warning: mapping over an empty list: the map task runs no item and returns an empty list [flyte-map-empty-list]
}
#endif

FLYTE_WORKFLOW()
std::vector<double> some(double p = 1.0) { return flyte::map_task(flyte::partial(cost, "price"_a = p))(std::vector<int>{1}); }
