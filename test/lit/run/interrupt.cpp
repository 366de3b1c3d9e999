// Ctrl-C (SIGINT) or SIGTERM during flytecc run kills the item processes and workers (they run in process groups
// of their own, out of the terminal's reach) and removes the temporary run directory.
// RUN: rm -rf %t && mkdir -p %t/tmp
// RUN: export TMPDIR=%t/tmp FLAGS="--cache %t/cache/cache.sqlite --no-cache --quiet -- -std=c++20 -I%sdk"
// Build the task executable first (the build is not what is interrupted).
// RUN: %flytecc run %s --workflow slow_map --input 'xs=[]' $FLAGS
//
// Workers: flytecc-task --worker under %t/cache; the process mode: --task interrupttests.sleep_long_x7q.
// RUN: %python %s.py %flytecc %t INT %s --isolation=worker --workflow slow_map --input 'xs=[1,2,3]' $FLAGS
// RUN: %python %s.py %flytecc %t TERM %s --isolation=process --workflow slow_map --input 'xs=[1,2,3]' $FLAGS
#include <flyte/flyte.hpp>

#include <chrono>
#include <thread>
#include <vector>

namespace interrupttests {

FLYTE_TASK()
int sleep_long_x7q(int x) {
  std::this_thread::sleep_for(std::chrono::seconds(120));
  return x;
}

FLYTE_WORKFLOW()
std::vector<int> slow_map(std::vector<int> xs) { return flyte::map_task(sleep_long_x7q)(xs); }

}  // namespace interrupttests
