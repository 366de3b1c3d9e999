// Defaults and configs must be constants flytecc can read.
// RUN: rm -rf %t && %not %flytecc compile %s -o %t -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: test ! -e %t
// RUN: %flytecc compile %s -o %t.ok -- -std=c++20 -I%sdk 2>&1 | %FileCheck --check-prefix=GOOD %s
// GOOD-NOT: error:
// GOOD: flytecc: wrote
#include <flyte/flyte.hpp>

FLYTE_TASK()
int twice(int a) { return 2 * a; }

std::vector<int> make() { return {1, 2}; }
int runtime_value();

#ifdef BAD
FLYTE_WORKFLOW()
std::vector<int> wf(std::vector<int> xs = make()) { return flyte::map_task(twice)(xs); }
// CHECK: config-not-constant.cpp:[[@LINE-1]]:43: error: the default value of 'xs' must be a constant expression that flytecc can read [flyte-config-not-constant]

FLYTE_WORKFLOW()
std::vector<int> wf2(std::vector<int> xs) {
  return flyte::map_task(twice, {.concurrency = static_cast<unsigned>(runtime_value())})(xs);
  // CHECK: config-not-constant.cpp:[[@LINE-1]]:49: error: 'concurrency' must be a constant expression
}
#endif

constexpr unsigned kConcurrency = 4;
FLYTE_WORKFLOW()
std::vector<int> ok(std::vector<int> xs = {1, 2, 3}) { return flyte::map_task(twice, {.concurrency = kConcurrency})(xs); }
