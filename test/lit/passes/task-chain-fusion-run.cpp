// task-chain-fusion end to end: a workflow opted in with FLYTE_WORKFLOW(.fuse_tasks = true) gives the same results
// with and without fusion under flytecc run (the task runtime runs the chain's tasks one after the other in one
// process, `--chain`), failures included (the same user error, named after the task that threw); without the
// opt-in nothing fuses, even at -O2.
// RUN: rm -rf %t && mkdir -p %t
// RUN: export XDG_CACHE_HOME=%t/cache FLAGS="-- -std=c++20 -I%sdk"
//
// RUN: %flytecc run %s --workflow three -O0 --no-cache --quiet $FLAGS > %t/three-O0.json
// RUN: %flytecc run %s --workflow three -O1 --no-cache --quiet -Rpass=task-chain-fusion $FLAGS > %t/three-O1.json 2> %t/three.err
// RUN: %flytecc run %s --workflow three -O2 --no-cache --quiet $FLAGS > %t/three-O2.json
// RUN: diff %t/three-O0.json %t/three-O1.json
// RUN: diff %t/three-O0.json %t/three-O2.json
// A process per item (runTask, as in a pod) and the in-process runner run the chain too.
// RUN: %flytecc run %s --workflow three -O1 --isolation=process --no-cache --quiet $FLAGS > %t/three-process.json
// RUN: diff %t/three-O0.json %t/three-process.json
// RUN: %flytecc run %s --workflow three -O1 --isolation=none --no-cache --quiet $FLAGS > %t/three-none.json
// RUN: diff %t/three-O0.json %t/three-none.json
// RUN: %FileCheck %s --check-prefix=THREE < %t/three-O1.json
// THREE: "o0": "t:32.000000"
// THREE: "o1": 20
// RUN: %FileCheck %s --check-prefix=FUSED < %t/three.err
// FUSED: task-chain-fusion-run.cpp:[[#@LINE+87]]:{{[0-9]+}}: remark: fused task node n0 (@tc.split) into n1 (@tc.join) in 'tc.three'
// FUSED: task-chain-fusion-run.cpp:[[#@LINE+87]]:{{[0-9]+}}: remark: fused task node n1 (@tc.split, @tc.join) into n2 (@tc.describe) in 'tc.three'
//
// A task of the chain that throws fails the workflow with the same user error, fused or not.
// RUN: %not %flytecc run %s --workflow failing -O0 --no-cache --quiet $FLAGS 2> %t/failing-O0.err
// RUN: %not %flytecc run %s --workflow failing -O1 --no-cache --quiet -Rpass=task-chain-fusion $FLAGS 2> %t/failing-O1.err
// RUN: %not %flytecc run %s --workflow failing -O1 --isolation=process --no-cache --quiet $FLAGS 2> %t/failing-process.err
// RUN: %FileCheck %s --check-prefix=FAILING < %t/failing-O0.err
// RUN: %FileCheck %s --check-prefixes=FAILING,FAILING-FUSED < %t/failing-O1.err
// RUN: %FileCheck %s --check-prefix=FAILING < %t/failing-process.err
// FAILING-FUSED: remark: fused task node n0 (@tc.plus_one) into n1 (@tc.fails_on_four)
// FAILING: USER:std::runtime_error
// FAILING-SAME: task 'tc.fails_on_four' failed: four
//
// The first task of the chain throws: the same error again.
// RUN: %not %flytecc run %s --workflow failing_first -O0 --no-cache --quiet $FLAGS 2> %t/first-O0.err
// RUN: %not %flytecc run %s --workflow failing_first -O1 --no-cache --quiet $FLAGS 2> %t/first-O1.err
// RUN: %FileCheck %s --check-prefix=FIRST < %t/first-O0.err
// RUN: %FileCheck %s --check-prefix=FIRST < %t/first-O1.err
// FIRST: USER:std::runtime_error
// FIRST-SAME: task 'tc.fails_on_four' failed: four
//
// Without the opt-in nothing fuses, even at -O2: a missed remark says so; same outputs.
// RUN: %flytecc run %s --workflow plain -O2 --no-cache --quiet -Rpass-missed=task-chain-fusion $FLAGS > %t/plain-O2.json 2> %t/plain.err
// RUN: %flytecc run %s --workflow plain -O0 --no-cache --quiet $FLAGS > %t/plain-O0.json
// RUN: diff %t/plain-O0.json %t/plain-O2.json
// RUN: %FileCheck %s --check-prefix=PLAIN < %t/plain.err
// PLAIN: remark: n1 reads the output of task node n0 in 'tc.plain' but is not fused: not enabled (FLYTE_WORKFLOW(.fuse_tasks = true) on 'tc.plain')
//
// The fused TaskTemplate: the chain in the args, the larger of both tasks' requests; one task node left.
// RUN: %flytecc compile %s -O1 --emit=json -o %t/json $FLAGS
// RUN: cat %t/json/tc.chain_split__join__describe_*.task.json | %FileCheck %s --check-prefix=JSON
// JSON:      "--task",
// JSON-NEXT: "tc.split",
// JSON-NEXT: "--chain",
// JSON-NEXT: "tc.join:a=out.o0,b=out.o1,sep=in.sep",
// JSON-NEXT: "--chain",
// JSON-NEXT: "tc.describe:s=out.o0,tag=in.tag,n=in.n_2"
// JSON:      "requests": [
// JSON:        "name": "CPU",
// JSON-NEXT:   "value": "500m"
// JSON:        "name": "MEMORY",
// JSON-NEXT:   "value": "2Gi"
// RUN: grep -c '"taskNode"' %t/json/tc.three.workflow.json | %FileCheck %s --check-prefix=NODES
// NODES: 2
//
// task_images (flytecc.yaml) must give the tasks of a chain one image: the fused task runs it; different images
// are an error, and no archive is written.
// RUN: mkdir -p %t/proj && cp %s %t/proj/chain.cpp
// RUN: printf 'image: x\ntask_images:\n  tc.split: example.org/big:3\n  tc.join: example.org/big:3\n  tc.describe: example.org/big:3\n' > %t/proj/flytecc.yaml
// RUN: %flytecc package %t/proj/chain.cpp -o %t/same.tgz $FLAGS
// RUN: %flytecc dump %t/same.tgz --format=text | %FileCheck %s --check-prefix=IMAGE
// IMAGE: === {{[0-9]+}}_tc.chain_split__join__describe_{{.*}}_1.pb
// IMAGE: image: "example.org/big:3"
// RUN: printf 'image: x\ntask_images:\n  tc.join: example.org/big:3\n' > %t/proj/flytecc.yaml
// RUN: %not %flytecc package %t/proj/chain.cpp -o %t/differ.tgz $FLAGS 2>&1 | %FileCheck %s --check-prefix=IMAGES
// IMAGES: flytecc: error: task_images: tasks 'tc.split' and 'tc.join' run in one pod (tc.chain_split__join__describe_{{[0-9a-f]+}}, FLYTE_WORKFLOW(.fuse_tasks = true)) but are given different images; give them one image or drop .fuse_tasks
// RUN: test ! -e %t/differ.tgz
#include <flyte/flyte.hpp>

#include <stdexcept>
#include <string>
#include <tuple>

namespace tc {

FLYTE_TASK(.requests = {.mem = "1Gi"})
std::tuple<int, int> split(int n) { return {n / 2, n - n / 2}; }

FLYTE_TASK(.requests = {.cpu = "500m", .mem = "2Gi"})
double join(int a, int b, double sep) { return a * 10 + b + sep; }

FLYTE_TASK()
std::string describe(double s, std::string tag, int n) { return tag + ":" + std::to_string(s - n); }

FLYTE_TASK()
int plus_one(int x) { return x + 1; }

FLYTE_TASK()
int fails_on_four(int x) {
  if (x == 4) throw std::runtime_error("four");
  return x * 2;
}

FLYTE_WORKFLOW(.fuse_tasks = true)
std::tuple<std::string, int> three(int n = 7, std::string tag = "t", double sep = 0.0) {
  auto [a, b] = split(n);
  double joined = join(a, b, sep);
  return {describe(joined, tag, 2), plus_one(19)};
}

FLYTE_WORKFLOW(.fuse_tasks = true)
int failing(int n = 3) { return fails_on_four(plus_one(n)); }

FLYTE_WORKFLOW(.fuse_tasks = true)
int failing_first(int n = 4) { return plus_one(fails_on_four(n)); }

FLYTE_WORKFLOW()
int plain(int n = 2) { return fails_on_four(plus_one(n)); }

}  // namespace tc
