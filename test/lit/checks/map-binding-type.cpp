// flyte-map-binding-type: bindings follow Flyte's typing rules, not C++'s conversions.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// GOOD-NOT: [flyte-
#include <flyte/flyte.hpp>
using namespace flyte::literals;

FLYTE_TASK()
double half(double x) { return x / 2; }

FLYTE_TASK()
double cost(int quantity, double price) { return quantity * price; }

#ifdef BAD
FLYTE_WORKFLOW()
std::vector<double> ints_onto_floats(std::vector<int> xs = {1, 2}) { return flyte::map_task(half)(xs); }
// CHECK: map-binding-type.cpp:[[@LINE-1]]:99: error: mapped input 'x' of 'half' is [float], but [int] is bound to it: Flyte does not convert [int] to [float] [flyte-map-binding-type]

FLYTE_WORKFLOW()
std::vector<double> scalar_for_list(int q = 3, std::vector<double> ps = {1.0}) {
  return flyte::map_task(cost)("quantity"_a = q, "price"_a = ps);
  // CHECK: map-binding-type.cpp:[[@LINE-1]]:47: error: mapped input 'quantity' of 'cost' needs a list of int, but int is a single value; bind it with flyte::partial to pass it whole to every item [flyte-map-binding-type]
}

FLYTE_WORKFLOW()
double task_call(int x = 3) { return half(x); }
// CHECK: map-binding-type.cpp:[[@LINE-1]]:43: error: input 'x' of 'half' is float, but int is bound to it: Flyte does not convert int to float [flyte-map-binding-type]

FLYTE_TASK()
int total(std::vector<int> xs) { return int(xs.size()); }

FLYTE_TASK()
int first(int x) { return x; }

// A constant bound by name to a mapped input is a constant: the error says what is wrong with it.
FLYTE_WORKFLOW()
std::vector<double> constant_for_list(std::vector<int> qs = {1, 2}) { return flyte::map_task(cost)(qs, "price"_a = 2.5); }
// CHECK: map-binding-type.cpp:[[@LINE-1]]:116: error: mapped input 'price' of 'cost' needs a list of float, but float is a single value; bind it with flyte::partial to pass it whole to every item [flyte-map-binding-type]
// CHECK-NOT: only task, workflow and map_task calls

// Lists of lists, both ways round: the expected type first, the bound one second.
FLYTE_WORKFLOW()
std::vector<int> flat_for_nested(std::vector<int> xs = {1}) { return flyte::map_task(total)(xs); }
// CHECK: map-binding-type.cpp:[[@LINE-1]]:93: error: mapped input 'xs' of 'total' is {{\[\[int\]\]}}, but [int] is bound to it: Flyte does not convert [int] to {{\[\[int\]\]}} [flyte-map-binding-type]
FLYTE_WORKFLOW()
std::vector<int> nested_for_flat(std::vector<std::vector<int>> xss = {{1}}) { return flyte::map_task(first)(xss); }
// CHECK: map-binding-type.cpp:[[@LINE-1]]:109: error: mapped input 'x' of 'first' is [int], but {{\[\[int\]\]}} is bound to it: Flyte does not convert {{\[\[int\]\]}} to [int] [flyte-map-binding-type]
FLYTE_WORKFLOW()
std::vector<int> flat_constant_for_nested() { return flyte::map_task(total)(std::vector<int>{1, 2}); }
// CHECK: map-binding-type.cpp:[[@LINE-1]]:77: error: mapped input 'xs' of 'total' is {{\[\[int\]\]}}, but [int] is bound to it: Flyte does not convert [int] to {{\[\[int\]\]}} [flyte-map-binding-type]
FLYTE_WORKFLOW()
std::vector<int> nested_constant_for_flat() { return flyte::map_task(first)(std::vector<std::vector<int>>{{1}}); }
// CHECK: map-binding-type.cpp:[[@LINE-1]]:77: error: mapped input 'x' of 'first' is [int], but {{\[\[int\]\]}} is bound to it: Flyte does not convert {{\[\[int\]\]}} to [int] [flyte-map-binding-type]
// A list assembled from promises has the type of its items: [[int]] from {xs}, [int] from {x}.
FLYTE_WORKFLOW()
std::vector<int> assembled_nested_for_flat(std::vector<int> xs = {1}) {
  return flyte::map_task(first)(std::vector<std::vector<int>>{xs});
  // CHECK: map-binding-type.cpp:[[@LINE-1]]:33: error: mapped input 'x' of 'first' is [int], but {{\[\[int\]\]}} is bound to it: Flyte does not convert {{\[\[int\]\]}} to [int] [flyte-map-binding-type]
}
FLYTE_WORKFLOW()
std::vector<int> assembled_flat_for_nested(int x = 1) {
  return flyte::map_task(total)(std::vector<int>{x});
  // CHECK: map-binding-type.cpp:[[@LINE-1]]:33: error: mapped input 'xs' of 'total' is {{\[\[int\]\]}}, but [int] is bound to it: Flyte does not convert [int] to {{\[\[int\]\]}} [flyte-map-binding-type]
}
#endif

FLYTE_WORKFLOW()
std::vector<double> fine(std::vector<double> xs = {1.0, 2.0}, std::vector<int> qs = {1, 2}, double p = 2.0) {
  auto h = half(p);
  auto halves = flyte::map_task(half)(xs);
  return flyte::map_task(flyte::partial(cost, "price"_a = h))(qs);
}
