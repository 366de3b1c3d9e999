// flyte-map-default-inputs (warning): the lists the default launch plan passes (the workflow inputs' defaults)
// reach a map with different lengths, or empty. Launches with other inputs work, so it is not an error; constant
// lists in the body stay errors (flyte-map-list-lengths).
// RUN: %flytecc check %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %not %flytecc check -Werror=flyte-map-default-inputs %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck --check-prefix=ERROR %s
// ERROR: error: the default launch plan fails{{.*}}[flyte-map-default-inputs]
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DCONSTANT 2>&1 | %FileCheck --check-prefix=CONSTANT %s
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// GOOD-NOT: [flyte-
#include <flyte/flyte.hpp>
using namespace flyte::literals;

FLYTE_TASK()
double cost(int quantity, double price) { return quantity * price; }

#ifdef BAD
FLYTE_WORKFLOW()
std::vector<double> uneven(std::vector<int> qs = {1, 2, 3}, std::vector<double> ps = {1.0, 2.0}) {
  return flyte::map_task(cost)(qs, "price"_a = ps);
  // CHECK: map-default-inputs.cpp:[[@LINE-1]]:36: warning: the default launch plan fails: lists mapped together must have the same length, but with the workflow's defaults 'quantity' has 3 items and 'price' has 2 (Flyte fails the node at run time; launches with lists of the same length work) [flyte-map-default-inputs]
  // CHECK: map-default-inputs.cpp:[[@LINE-3]]:48: note: the default of 'qs' (3 items) is here
  // CHECK: map-default-inputs.cpp:[[@LINE-4]]:84: note: the default of 'ps' (2 items) is here
}

// A default and a constant list: still only the default launch plan (another qs may have 2 items).
FLYTE_WORKFLOW()
std::vector<double> mixed(std::vector<int> qs = {1, 2, 3}) {
  auto given = qs;  // through a local, too
  return flyte::map_task(cost)(given, std::vector<double>{1.0, 2.0});
  // CHECK: map-default-inputs.cpp:[[@LINE-1]]:39: warning: the default launch plan fails: {{.*}}'quantity' has 3 items and 'price' has 2 {{.*}}[flyte-map-default-inputs]
  // CHECK: map-default-inputs.cpp:[[@LINE-4]]:47: note: the default of 'qs' (3 items) is here
  // CHECK-NOT: map-default-inputs.cpp:[[@LINE-3]]{{.*}}note
}

FLYTE_WORKFLOW()
std::vector<double> nothing(std::vector<int> qs = {}, double p = 1.0) {
  return flyte::map_task(flyte::partial(cost, "price"_a = p))(qs);
  // CHECK: map-default-inputs.cpp:[[@LINE-1]]:63: warning: the default launch plan maps over an empty list: the default of workflow input 'qs' is empty, so the map task runs no item and returns an empty list [flyte-map-default-inputs]
  // CHECK: map-default-inputs.cpp:[[@LINE-3]]:49: note: the default of 'qs' (0 items) is here
}
// CHECK-NOT: warning:
#endif

#ifdef CONSTANT
// Constant lists in the body: an error on every launch, not this warning.
FLYTE_WORKFLOW()
std::vector<double> constant() {
  return flyte::map_task(cost)(std::vector<int>{1, 2, 3}, std::vector<double>{1.0, 2.0});
  // CONSTANT: map-default-inputs.cpp:[[@LINE-1]]:59: error: lists mapped together must have the same length{{.*}}[flyte-map-list-lengths]
  // CONSTANT-NOT: flyte-map-default-inputs
}
#endif

// Defaults of the same length, defaults that are not lists, inputs without defaults: nothing to say.
FLYTE_WORKFLOW()
std::vector<double> even(std::vector<int> qs = {1, 2}, std::vector<double> ps = {1.0, 2.0}) {
  return flyte::map_task(cost)(qs, ps);
}

FLYTE_WORKFLOW()
std::vector<double> required(std::vector<int> qs, std::vector<double> ps = {1.0}) {
  return flyte::map_task(cost)(qs, ps);
}

FLYTE_WORKFLOW()
std::vector<double> same_input_twice(std::vector<int> qs = {1, 2}, double p = 2.0) {
  auto first = flyte::map_task(flyte::partial(cost, "price"_a = p))(qs);
  return flyte::map_task(cost)(qs, first);
}
