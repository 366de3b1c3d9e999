// Tuples, optionals, maps, durations, subworkflows, configs, lists built from promises.
// RUN: %flytecc compile %s --emit=ir -o - -- -std=c++20 -I%sdk | %FileCheck %s
// RUN: rm -rf %t && %flytecc compile %s -o %t -- -std=c++20 -I%sdk
// RUN: %python %scripts/decode_all.py %protoc %protos %t | %FileCheck --check-prefix=PB %s
#include <flyte/flyte.hpp>
#include <tuple>

namespace pkg {
FLYTE_TASK(.timeout = std::chrono::minutes(2), .interruptible = true, .limits = {.cpu = "1", .gpu = "1"},
           .container_image = "example.org/gpu:1")
std::tuple<int, std::string> split(int a, std::optional<int> b = std::nullopt) { return {a + b.value_or(0), "x"}; }
// CHECK: task @pkg.split(a: int, b: int?) -> (o0: int, o1: str) { timeout=120s interruptible limits={cpu=1 gpu=1} image="example.org/gpu:1" }

FLYTE_TASK()
int sum(std::vector<int> xs) {
  int s = 0;
  for (int x : xs) s += x;
  return s;
}

FLYTE_WORKFLOW()
int sub(int a = 3) { return sum({a, 2, 3}); }
// CHECK-LABEL: workflow @pkg.sub(a: int = 3) -> (o0: int) {
// CHECK-NEXT:   n0 = task @pkg.sum(xs = [$a, 2, 3])

FLYTE_WORKFLOW(.name = "pkg.renamed")
std::tuple<int, int> top(int a = 1, std::map<std::string, int> m = {{"k", 1}}, std::chrono::seconds d = std::chrono::seconds(5)) {
  auto s = sub(a);
  auto t = sum({1, 2});
  return {s, t};
}
// CHECK-LABEL: workflow @pkg.renamed(a: int = 1, m: {str: int} = {"k": 1}, d: duration = 5000000000ns) -> (o0: int, o1: int) {
// CHECK-NEXT:   n0 = workflow @pkg.sub(a = $a)
// CHECK-NEXT:   n1 = task @pkg.sum(xs = [1, 2])
// CHECK-NEXT:   return o0 = n0.o0
// CHECK-NEXT:   return o1 = n1.o0
// PB: === pkg.renamed.launchplan.pb
// PB: duration {
// PB-NEXT: seconds: 5
// PB: === pkg.renamed.workflow.pb
// PB: sub_workflow_ref {
// PB: === pkg.split.task.pb
// PB: timeout {
// PB-NEXT: seconds: 120
// PB: interruptible: true
// PB: image: "example.org/gpu:1"
// The outputs of a task with several: structured bindings and std::get.
FLYTE_TASK()
int add(int a, int b) { return a + b; }

FLYTE_WORKFLOW()
int unpack(int a = 1) {
  auto [n, s] = split(a);
  auto both = split(n);
  return add(std::get<0>(both), sum({n}));
}
// CHECK-LABEL: workflow @pkg.unpack(a: int = 1) -> (o0: int) {
// CHECK-NEXT:   n0 = task @pkg.split(a = $a, b = none)
// CHECK-NEXT:   n1 = task @pkg.split(a = n0.o0, b = none)
// CHECK-NEXT:   n2 = task @pkg.sum(xs = [n0.o0])
// CHECK-NEXT:   n3 = task @pkg.add(a = n1.o0, b = n2.o0)
// CHECK-NEXT:   return o0 = n3.o0
}  // namespace pkg
