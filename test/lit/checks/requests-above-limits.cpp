// flyte-requests-above-limits: a resource request above its limit (compared as Kubernetes quantities, exactly),
// in a task's config or in a node's overrides (which replace the task's values resource by resource).
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// GOOD-NOT: [flyte-
#include <flyte/flyte.hpp>

#ifdef BAD
FLYTE_TASK(.requests = {.cpu = "2", .mem = "4Gi"}, .limits = {.cpu = "1500m", .mem = "4G"})
int greedy(int a) { return a; }
// CHECK: requests-above-limits.cpp:[[@LINE-2]]:32: error: the cpu request (2) is above its limit (1500m): Kubernetes rejects a pod whose request exceeds its limit, and Flyte lowers the request to the limit, so the task does not get what it asks for [flyte-requests-above-limits]
// CHECK: requests-above-limits.cpp:[[@LINE-3]]:70: note: the cpu limit is set here
// CHECK: requests-above-limits.cpp:[[@LINE-4]]:44: error: the mem request (4Gi) is above its limit (4G)
// CHECK: requests-above-limits.cpp:[[@LINE-5]]:86: note: the mem limit is set here
#endif

FLYTE_TASK(.requests = {.cpu = "500m", .mem = "1Gi"}, .limits = {.cpu = "0.5", .mem = "1024Mi"})
int snug(int a) { return a; }

FLYTE_WORKFLOW()
std::vector<int> wf(std::vector<int> xs = {1}) {
#ifdef BAD
  auto big = flyte::map_task(snug)(xs).with_overrides({.requests = {.mem = "2Gi"}});
  // CHECK: requests-above-limits.cpp:[[@LINE-1]]:76: error: the mem request (2Gi) is above its limit (1024Mi){{.*}}[flyte-requests-above-limits]
  auto low = flyte::with_overrides(snug(1), {.limits = {.cpu = "100m"}});
  // CHECK: requests-above-limits.cpp:[[@LINE-1]]:64: error: the cpu request (500m) is above its limit (100m)
#endif
  // Overrides that raise both, or only the limit: fine.
  auto more = flyte::map_task(snug)(xs).with_overrides({.requests = {.cpu = "2"}, .limits = {.cpu = "2"}});
  return flyte::map_task(snug)(more).with_overrides({.limits = {.mem = "8Gi"}});
}
// CHECK-NOT: error:
