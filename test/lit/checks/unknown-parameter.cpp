// flyte-unknown-parameter: a name the task does not have, with a "did you mean" fix-it.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/src.cpp
// RUN: %not %flytecc check %t/src.cpp --export-fixes=%t/fixes.yaml -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %FileCheck --check-prefix=YAML %s < %t/fixes.yaml
// RUN: %clang_apply_replacements %t && %FileCheck --check-prefix=FIXED %s < %t/src.cpp
// RUN: %not %flytecc check %t/src.cpp -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck --check-prefix=AFTER %s
// AFTER-NOT: 'quantiti'
// AFTER: error: 'cost' has no parameter named 'pirce'
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// GOOD-NOT: [flyte-
#include <flyte/flyte.hpp>
using namespace flyte::literals;

FLYTE_TASK()
double cost(int quantity, double price) { return quantity * price; }

FLYTE_WORKFLOW()
std::vector<double> wf(std::vector<int> qs = {1, 2}, double p = 2.0) {
#ifdef BAD
  return flyte::map_task(flyte::partial(cost, "price"_a = p))("quantiti"_a = qs);
  // CHECK: src.cpp:[[@LINE-1]]:63: error: 'cost' has no parameter named 'quantiti' [flyte-unknown-parameter]
  // CHECK: note: did you mean 'quantity'?
  // FIXED: return flyte::map_task(flyte::partial(cost, "price"_a = p))("quantity"_a = qs);
#else
  return flyte::map_task(flyte::partial(cost, "price"_a = p))("quantity"_a = qs);
#endif
}
// YAML: DiagnosticName: flyte-unknown-parameter
// YAML: ReplacementText: '"quantity"_a'

// The closest name is already bound by the partial: suggesting it (and its fix-it) would bind it twice, so the
// suggestion is the closest input not bound yet, or none.
FLYTE_WORKFLOW()
std::vector<double> wf2(std::vector<int> qs = {1, 2}, double p = 2.0) {
#ifdef BAD
  return flyte::map_task(flyte::partial(cost, "price"_a = p))("pirce"_a = qs);
  // CHECK: src.cpp:[[@LINE-1]]:63: error: 'cost' has no parameter named 'pirce' [flyte-unknown-parameter]
  // CHECK-NOT: did you mean 'price'
  // FIXED: return flyte::map_task(flyte::partial(cost, "price"_a = p))("pirce"_a = qs);
#else
  return flyte::map_task(flyte::partial(cost, "price"_a = p))("quantity"_a = qs);
#endif
}
