// flyte-resource-quantity: requests, limits and overrides must be Kubernetes quantities.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// GOOD-NOT: [flyte-
#include <flyte/flyte.hpp>

#ifdef BAD
FLYTE_TASK(.requests = {.mem = "2 GB"})
int big(int a) { return a; }
// CHECK: resource-quantity.cpp:[[@LINE-2]]:32: error: '2 GB' is not a Kubernetes resource quantity {{.*}}[flyte-resource-quantity]

FLYTE_WORKFLOW()
std::vector<int> wf(std::vector<int> xs = {1}) {
  return flyte::map_task(big)(xs).with_overrides({.limits = {.cpu = "two"}});
  // CHECK: resource-quantity.cpp:[[@LINE-1]]:69: error: 'two' is not a Kubernetes resource quantity
}
#endif

FLYTE_TASK(.requests = {.cpu = "500m", .mem = "2Gi", .gpu = "1", .ephemeral_storage = "1.5G"}, .limits = {.mem = "3e9"})
int fine(int a) { return a; }
