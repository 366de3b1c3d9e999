// flytecc run on sources: the task executable is built from them; items crash, fail, time out and are cached.
// RUN: rm -rf %t && mkdir -p %t/counts
// RUN: export XDG_CACHE_HOME=%t/cache COUNT_DIR=%t/counts FLAGS="-- -std=c++20 -I%sdk"
//
// Partial success: items 3 (segfault), 4 (abort) and 6 (exception) fail; 5 of 8 succeed, 0.6 needs 5.
// RUN: %flytecc run %s --workflow tolerant --input 'xs=[1,2,3,4,5,6,7,8]' --no-cache $FLAGS 2>%t/tolerant.err \
// RUN:   | %FileCheck %s --check-prefix=TOLERANT
// TOLERANT:      "o0": [
// TOLERANT-NEXT:   2,
// TOLERANT-NEXT:   4,
// TOLERANT-NEXT:   null,
// TOLERANT-NEXT:   null,
// TOLERANT-NEXT:   10,
// TOLERANT-NEXT:   null,
// TOLERANT-NEXT:   14,
// TOLERANT-NEXT:   16
// RUN: %FileCheck %s --check-prefix=LOG < %t/tolerant.err
// LOG: flytecc: building the task executable
// LOG: flytecc: n0 started: runtests.map_twice_{{[0-9a-f]+}}-arraynode (8 items)
// LOG: flytecc: n0 succeeded: 5/8 done, 3 failed, 0 cached, 0 running
//
// Below the threshold: the workflow fails naming the node, the item, the attempt and the reason.
// RUN: %not %flytecc run %s --workflow strict --input 'xs=[1,2,3]' --no-cache --quiet $FLAGS 2>&1 \
// RUN:   | %FileCheck %s --check-prefix=STRICT
// STRICT: flytecc: error: workflow runtests.strict failed: node n0: 1 of 3 items failed; 2 succeeded, 3 needed
// STRICT-NEXT: first failure: node n0 item 2 (attempt 1 of 1): killed by signal SIGSEGV (Segmentation fault)
//
// A plain task node's exception: its error.pb message.
// RUN: %not %flytecc run %s --workflow single --input x=6 --no-cache --quiet $FLAGS 2>&1 | %FileCheck %s --check-prefix=SINGLE
// SINGLE: flytecc: error: workflow runtests.single failed: node n0 (attempt 1 of 1): USER:std::invalid_argument: task 'runtests.twice' failed: six is not allowed
//
// Timeouts fail the hanging item only.
// RUN: %flytecc run %s --workflow patient --input 'xs=[0,1]' --no-cache --quiet $FLAGS | %FileCheck %s --check-prefix=PATIENT
// PATIENT: "o0": [
// PATIENT-NEXT: 0,
// PATIENT-NEXT: null
//
// Cache: the second run executes nothing; changing one item re-runs that item alone.
// RUN: %flytecc run %s --workflow cached --input 'xs=[1,2,3]' --quiet $FLAGS
// RUN: %flytecc run %s --workflow cached --input 'xs=[1,2,3]' --quiet $FLAGS
// RUN: %flytecc run %s --workflow cached --input 'xs=[1,2,9]' --quiet $FLAGS | %FileCheck %s --check-prefix=CACHED
// CACHED: "o0": [
// CACHED-NEXT: 2,
// CACHED-NEXT: 3,
// CACHED-NEXT: 10
// RUN: cat %t/counts/* | wc -l | %FileCheck %s --check-prefix=RUNS
// RUNS: 4
// RUN: %flytecc cache list | %FileCheck %s --check-prefix=LIST
// LIST: cache.sqlite: 4 cached results
// LIST-NEXT: runtests.map_counted_{{[0-9a-f]+}}-arraynode (version "1"): 4 results
//
// Two runs at once on one cache file.
// RUN: sh -c "%flytecc run %s --workflow cached --input xs=[20,21,22,23,24,25] --quiet $FLAGS > %t/a.json & \
// RUN:   %flytecc run %s --workflow cached --input xs=[20,21,22,23,24,25] --quiet $FLAGS > %t/b.json; wait"
// RUN: diff %t/a.json %t/b.json
// RUN: %flytecc cache list | %FileCheck %s --check-prefix=LIST2
// LIST2: 10 cached results
// RUN: %flytecc cache clear | %FileCheck %s --check-prefix=CLEARED
// CLEARED: removed 10 cached results from {{.*}}cache.sqlite
// RUN: %flytecc cache list | %FileCheck %s --check-prefix=EMPTY
// EMPTY: cache.sqlite: 0 cached results
//
// A corrupt cache file is reported and bypassed.
// RUN: %python -c "open('%t/cache/flytecc/cache.sqlite', 'wb').write(b'garbage' * 1000)"
// RUN: rm -f %t/cache/flytecc/cache.sqlite-wal %t/cache/flytecc/cache.sqlite-shm
// RUN: %flytecc run %s --workflow cached --input 'xs=[1]' --quiet $FLAGS 2>&1 | %FileCheck %s --check-prefix=CORRUPT
// CORRUPT: flytecc: warning: cache: {{.*}}cache.sqlite: file is not a database (the cache is bypassed)
// CORRUPT: "o0": [
// RUN: %not %flytecc cache clear 2>&1 | %FileCheck %s --check-prefix=CLEAR
// CLEAR: flytecc: error: cache: {{.*}}file is not a database
#include <flyte/flyte.hpp>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace runtests {

FLYTE_TASK()
int twice(int x) {
  if (x == 3) std::raise(SIGSEGV);
  if (x == 4) std::abort();
  if (x == 6) throw std::invalid_argument("six is not allowed");
  return 2 * x;
}

FLYTE_WORKFLOW()
std::vector<std::optional<int>> tolerant(std::vector<int> xs) {
  return flyte::map_task(twice, {.min_success_ratio = 0.6})(xs);
}

FLYTE_WORKFLOW()
std::vector<int> strict(std::vector<int> xs) { return flyte::map_task(twice)(xs); }

FLYTE_WORKFLOW()
int single(int x) { return twice(x); }

FLYTE_TASK(.timeout = std::chrono::seconds(1))
int sleepy(int x) {
  if (x == 1) std::this_thread::sleep_for(std::chrono::seconds(60));
  return x;
}

FLYTE_WORKFLOW()
std::vector<std::optional<int>> patient(std::vector<int> xs) {
  return flyte::map_task(sleepy, {.min_success_ratio = 0.5})(xs);
}

// Counts its executions in files under $COUNT_DIR.
FLYTE_TASK(.cache = true, .cache_version = "1")
int counted(int x) {
  std::ofstream(std::string(std::getenv("COUNT_DIR")) + "/runs-" + std::to_string(x), std::ios::app) << "run\n";
  return x + 1;
}

FLYTE_WORKFLOW()
std::vector<int> cached(std::vector<int> xs) { return flyte::map_task(counted)(xs); }

}  // namespace runtests
