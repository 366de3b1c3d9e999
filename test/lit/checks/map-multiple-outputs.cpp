// flyte-map-multiple-outputs: only tasks with one output can be mapped, whatever the outputs' types (a task
// whose outputs also have no Flyte type gets both errors: two mistakes, each named).
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// GOOD-NOT: [flyte-
#include <flyte/flyte.hpp>
#include <complex>
#include <tuple>
using namespace flyte::literals;

FLYTE_TASK()
std::tuple<int, int> divmod(int a) { return {a / 3, a % 3}; }

FLYTE_TASK()
int third(int a) { return a / 3; }

#ifdef BAD
using Point = std::complex<int>;  // no Flyte type



FLYTE_TASK()
std::tuple<Point, Point> corners(int size, int offset) { return {}; }
// CHECK: map-multiple-outputs.cpp:[[@LINE-1]]:1: error: result 'o0' of 'corners' has type 'std::complex<int>', which has no Flyte type {{.*}}[flyte-unsupported-type]
// CHECK-NOT: result 'o1'
#endif

FLYTE_WORKFLOW()
std::vector<int> wf(std::vector<int> xs = {1}) {
#ifdef BAD
  auto pairs = flyte::map_task(divmod)(xs);
  // CHECK: map-multiple-outputs.cpp:[[@LINE-1]]:16: error: only tasks with a single output can be mapped: 'divmod' has 2 outputs [flyte-map-multiple-outputs]
  auto boxes = flyte::map_task(corners)(xs, "offset"_a = xs);
  // CHECK: map-multiple-outputs.cpp:[[@LINE-1]]:16: error: only tasks with a single output can be mapped: 'corners' has 2 outputs [flyte-map-multiple-outputs]
  auto moved = flyte::map_task(flyte::partial(corners, "offset"_a = 1))(xs);
  // CHECK: map-multiple-outputs.cpp:[[@LINE-1]]:16: error: only tasks with a single output can be mapped: 'corners' has 2 outputs [flyte-map-multiple-outputs]
  auto mapper = flyte::map_task(divmod);
  // CHECK: map-multiple-outputs.cpp:[[@LINE-1]]:17: error: only tasks with a single output can be mapped: 'divmod' has 2 outputs [flyte-map-multiple-outputs]
  auto again = mapper(xs);
  // CHECK-NOT: error:
#endif
  return flyte::map_task(third)(xs);
}
