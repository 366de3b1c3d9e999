// Bindings are type-checked with Flyte's rules, after lowering: INTEGER does not flow into FLOAT,
// and a map task with min_success_ratio < 1 yields optional items.
// RUN: rm -rf %t && %not %flytecc compile %s -o %t -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: test ! -e %t
// RUN: %flytecc compile %s -o %t.ok -- -std=c++20 -I%sdk 2>&1 | %FileCheck --check-prefix=GOOD %s
// GOOD-NOT: error:
// GOOD: flytecc: wrote
#include <flyte/flyte.hpp>

FLYTE_TASK()
double half(double x) { return x / 2; }

FLYTE_TASK()
bool positive(int x) { return x > 0; }

#ifdef BAD
FLYTE_WORKFLOW()
std::vector<double> ints_into_floats(std::vector<int> xs = {1, 2}) { return flyte::map_task(half)(xs); }
// CHECK-DAG: invalid-graph.cpp:[[@LINE-1]]:{{[0-9]+}}: error: input 'x' of node 'n0': type mismatch: [int] cannot be bound to [float] [flyte-invalid-graph]

FLYTE_WORKFLOW()
std::vector<bool> lossy(std::vector<int> xs = {1, 2}) {
  return flyte::map_task(positive, {.min_success_ratio = 0.5})(xs);
}
// CHECK-DAG: error: output 'o0' of workflow 'lossy': type mismatch: [bool?] cannot be bound to [bool] [flyte-invalid-graph]
#endif

FLYTE_WORKFLOW()
std::vector<std::optional<bool>> tolerant(std::vector<int> xs = {1, 2}) {
  return flyte::map_task(positive, {.min_success_ratio = 0.5})(xs);
}
