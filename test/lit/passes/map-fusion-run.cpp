// map-fusion end to end: chained maps give the same results at -O0, -O1 and -O2 under flytecc run (the task
// runtime runs a fused item's tasks one after the other in one process), failures included; the fused
// TaskTemplate names the chain in its container args and asks for the larger resources.
// RUN: rm -rf %t && mkdir -p %t
// RUN: export XDG_CACHE_HOME=%t/cache FLAGS="-- -std=c++20 -I%sdk"
//
// RUN: %flytecc run %s --workflow three -O0 --no-cache --quiet $FLAGS > %t/three-O0.json
// RUN: %flytecc run %s --workflow three -O1 --no-cache --quiet $FLAGS > %t/three-O1.json
// RUN: %flytecc run %s --workflow three -O2 --no-cache --quiet -Rpass=map-fusion $FLAGS > %t/three-O2.json 2> %t/three.err
// RUN: diff %t/three-O0.json %t/three-O2.json
// RUN: diff %t/three-O1.json %t/three-O2.json
// A process per item (runTask, as in a pod) runs the fused item too.
// RUN: %flytecc run %s --workflow three -O2 --isolation=process --no-cache --quiet $FLAGS > %t/three-O2-process.json
// RUN: diff %t/three-O0.json %t/three-O2-process.json
// RUN: %FileCheck %s --check-prefix=THREE < %t/three-O2.json
// THREE:      "o0": [
// THREE-NEXT:   "v0",
// THREE-NEXT:   "v1",
// THREE-NEXT:   "v6",
// THREE-NEXT:   "v13",
// THREE-NEXT:   "v24"
// RUN: %FileCheck %s --check-prefix=FUSED < %t/three.err
// FUSED: map-fusion-run.cpp:[[#@LINE+105]]:{{[0-9]+}}: remark: fused map n1 (@chain.square) into n2 (@chain.scale) in 'chain.three'
// FUSED: map-fusion-run.cpp:[[#@LINE+105]]:{{[0-9]+}}: remark: fused map n2 (@chain.square) into n3 (@chain.label) in 'chain.three'
//
// A failing item of the second task fails the workflow the same way (same node, item and task).
// RUN: %not %flytecc run %s --workflow failing -O0 --no-cache --quiet $FLAGS 2> %t/failing-O0.err
// RUN: %not %flytecc run %s --workflow failing -O2 --no-cache --quiet $FLAGS 2> %t/failing-O2.err
// RUN: %FileCheck %s --check-prefix=FAILING < %t/failing-O0.err
// RUN: %FileCheck %s --check-prefix=FAILING < %t/failing-O2.err
// FAILING: node n2: 1 of 3 items failed
// FAILING: task 'chain.fails_on_three' item 2 failed: three
//
// Partial success on the second map: not fused (a missed remark says why), same nulls.
// RUN: %flytecc run %s --workflow tolerant -O0 --no-cache --quiet $FLAGS > %t/tolerant-O0.json
// RUN: %flytecc run %s --workflow tolerant -O2 --no-cache --quiet -Rpass-missed=map-fusion $FLAGS > %t/tolerant-O2.json 2> %t/tolerant.err
// RUN: diff %t/tolerant-O0.json %t/tolerant-O2.json
// RUN: %FileCheck %s --check-prefix=TOLERANT < %t/tolerant-O2.json
// TOLERANT:      "o0": [
// TOLERANT-NEXT:   2,
// TOLERANT-NEXT:   3,
// TOLERANT-NEXT:   null
// RUN: %FileCheck %s --check-prefix=MISSED < %t/tolerant.err
// MISSED: remark: n2 maps the output of map n1 in 'chain.tolerant' but is not fused: items of '{{.*}}' may fail
//
// The fused TaskTemplate: the chain in the args, the larger of both tasks' requests, one ArrayNode.
// RUN: %flytecc compile %s -O2 --emit=json -o %t/json $FLAGS
// RUN: cat %t/json/chain.map_square__scale__label_*.task.json | %FileCheck %s --check-prefix=JSON
// JSON:      "--task",
// JSON-NEXT: "chain.square",
// JSON-NEXT: "--map-bound-inputs",
// JSON-NEXT: "factor",
// JSON-NEXT: "--then",
// JSON-NEXT: "chain.scale:x",
// JSON-NEXT: "--then",
// JSON-NEXT: "chain.label:y"
// JSON:      "requests": [
// JSON:        "name": "CPU",
// JSON-NEXT:   "value": "500m"
// JSON:        "name": "MEMORY",
// JSON-NEXT:   "value": "2Gi"
// RUN: grep -c arrayNode %t/json/chain.three.workflow.json | %FileCheck %s --check-prefix=ONE
// ONE: 1
//
// Per map: MapOptions{.fuse = true} fuses at -O1 (the default) too, with the same results; maps without it wait
// for -O2 (a missed remark says so).
// RUN: %flytecc run %s --workflow opted -O0 --no-cache --quiet $FLAGS > %t/opted-O0.json
// RUN: %flytecc run %s --workflow opted -O1 --no-cache --quiet -Rpass=map-fusion $FLAGS > %t/opted-O1.json 2> %t/opted.err
// RUN: diff %t/opted-O0.json %t/opted-O1.json
// RUN: %FileCheck %s --check-prefix=OPTED < %t/opted.err
// OPTED: remark: fused map n1 (@chain.plus_one) into n2 (@chain.times_ten) in 'chain.opted'
// RUN: %FileCheck %s --check-prefix=OPTED-OUT < %t/opted-O1.json
// OPTED-OUT:      "o0": [
// OPTED-OUT-NEXT:   10,
// OPTED-OUT-NEXT:   20,
// OPTED-OUT-NEXT:   30
// RUN: %flytecc compile %s -O1 -Rpass-missed=map-fusion -o %t/o1 $FLAGS 2>&1 | %FileCheck %s --check-prefix=NOT-ENABLED
// NOT-ENABLED: remark: n2 maps the output of map n1 in 'chain.three' but is not fused: not enabled (map fusion runs at -O2, or with MapOptions{.fuse = true} on either map)
#include <flyte/flyte.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace chain {

FLYTE_TASK()
std::vector<int> make(int n) {
  std::vector<int> v;
  for (int i = 0; i < n; ++i) v.push_back(i);
  return v;
}

FLYTE_TASK(.requests = {.mem = "1Gi"})
int square(int x) { return x * x; }

FLYTE_TASK(.requests = {.cpu = "500m", .mem = "2Gi"})
double scale(int x, double factor) { return x * factor; }

FLYTE_TASK()
std::string label(double y) { return "v" + std::to_string(static_cast<int>(y)); }

FLYTE_TASK()
int fails_on_three(int x) {
  if (x == 3) throw std::runtime_error("three");
  return x + 1;
}

FLYTE_TASK()
int plus_one(int x) { return x + 1; }

FLYTE_TASK()
int times_ten(int x) { return 10 * x; }

FLYTE_WORKFLOW()
std::vector<int> opted(int n = 3) {
  auto xs = make(n);
  std::vector<int> ys = flyte::map_task(plus_one)(xs);
  return flyte::map_task(times_ten, {.fuse = true})(ys);
}

FLYTE_WORKFLOW()
std::vector<std::string> three(int n = 5, double f = 1.5) {
  using namespace flyte::literals;
  auto xs = make(n);
  std::vector<int> squares = flyte::map_task(square)(xs);
  std::vector<double> scaled = flyte::map_task(flyte::partial(scale, "factor"_a = f))(squares);
  return flyte::map_task(label)(scaled);
}

FLYTE_WORKFLOW()
std::vector<int> failing(int n = 3) {
  auto xs = make(n);
  std::vector<int> ys = flyte::map_task(plus_one)(xs);
  return flyte::map_task(fails_on_three)(ys);
}

FLYTE_WORKFLOW()
std::vector<std::optional<int>> tolerant(int n = 3) {
  auto xs = make(n);
  std::vector<int> ys = flyte::map_task(plus_one)(xs);
  return flyte::map_task(fails_on_three, {.min_success_ratio = 0.5})(ys);
}

}  // namespace chain
