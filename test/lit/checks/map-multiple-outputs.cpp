// flyte-map-multiple-outputs: only tasks with one output can be mapped.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// GOOD-NOT: [flyte-
#include <flyte/flyte.hpp>
#include <tuple>

FLYTE_TASK()
std::tuple<int, int> divmod(int a) { return {a / 3, a % 3}; }

FLYTE_TASK()
int third(int a) { return a / 3; }

FLYTE_WORKFLOW()
std::vector<int> wf(std::vector<int> xs = {1}) {
#ifdef BAD
  auto pairs = flyte::map_task(divmod)(xs);
  // CHECK: map-multiple-outputs.cpp:[[@LINE-1]]:16: error: only tasks with a single output can be mapped: 'divmod' has 2 outputs [flyte-map-multiple-outputs]
#endif
  return flyte::map_task(third)(xs);
}
