// flytecc run --isolation=none loads the tasks built as a shared library into flytecc and gives the same results
// as a worker process per item and a process per item; a failing item fails the same way.
// RUN: rm -rf %t && mkdir -p %t
// RUN: export FLAGS="--cache %t/cache/cache.sqlite --no-cache -- -std=c++20 -I%sdk"
// RUN: %flytecc run %s --workflow squares --input 'xs=[1,2,3,4,5]' --isolation=none $FLAGS > %t/none.json 2>%t/none.err
// RUN: %FileCheck %s --check-prefix=BUILD < %t/none.err
// BUILD: flytecc: building the task library ({{.*}}flytecc-task.so)
// RUN: %flytecc run %s --workflow squares --input 'xs=[1,2,3,4,5]' --isolation=worker --quiet $FLAGS > %t/worker.json
// RUN: %flytecc run %s --workflow squares --input 'xs=[1,2,3,4,5]' --isolation=process --quiet $FLAGS > %t/process.json
// RUN: diff %t/none.json %t/worker.json
// RUN: diff %t/none.json %t/process.json
// RUN: %FileCheck %s --check-prefix=SQUARES < %t/none.json
// SQUARES:      "o0": [
// SQUARES-NEXT:   "1-1",
// SQUARES-NEXT:   "2-4",
// SQUARES-NEXT:   "3-9",
// SQUARES-NEXT:   "4-16",
// SQUARES-NEXT:   "5-25"
// SQUARES:      "o1": 55
//
// The library is built once and reused.
// RUN: %flytecc run %s --workflow squares --input 'xs=[7]' --isolation=none $FLAGS 2>&1 | %FileCheck %s --check-prefix=REUSE
// REUSE-NOT: building
// REUSE: "7-49"
//
// A task's exception fails its item in process as it does in a worker.
// RUN: %not %flytecc run %s --workflow squares --input 'xs=[1,13]' --isolation=none --quiet $FLAGS 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=FAIL
// FAIL: flytecc: error: workflow isotests.squares failed: node n0: 1 of 2 items failed; 1 succeeded, 2 needed
// FAIL-NEXT: first failure: node n0 item 1 (attempt 1 of 1): USER:std::domain_error: task 'isotests.square' item 1 failed: unlucky
//
// In process needs the sources.
// RUN: %flytecc compile %s -o %t/pb -- -std=c++20 -I%sdk
// RUN: %not %flytecc run %t/pb --task-executable /bin/true --isolation=none 2>&1 | %FileCheck %s --check-prefix=PREBUILT
// PREBUILT: flytecc: error: --isolation=none needs the sources
// RUN: %not %flytecc run %s --isolation=thread $FLAGS 2>&1 | %FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: flytecc: error: unknown --isolation 'thread' (expected worker, process or none)
#include <flyte/flyte.hpp>

#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace isotests {

FLYTE_TASK()
std::string square(int x) {
  if (x == 13) throw std::domain_error("unlucky");
  return std::to_string(x) + "-" + std::to_string(x * x);
}

FLYTE_TASK()
int sum_squares(std::vector<int> xs) {
  int s = 0;
  for (int x : xs) s += x * x;
  return s;
}

FLYTE_WORKFLOW()
std::tuple<std::vector<std::string>, int> squares(std::vector<int> xs) {
  return {flyte::map_task(square)(xs), sum_squares(xs)};
}

}  // namespace isotests
