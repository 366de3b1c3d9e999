// flyte-map-partial-failure-type: with min_success_ratio < 1 (or min_successes) failed items are
// empty, so the output must be consumed as a list of optionals; the fix-it changes the return type.
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/src.cpp
// RUN: %not %flytecc check %t/src.cpp --export-fixes=%t/fixes.yaml -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %clang_apply_replacements %t && %FileCheck --check-prefix=FIXED %s < %t/src.cpp
// RUN: %flytecc check %t/src.cpp -- -std=c++20 -I%sdk -DBAD
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// GOOD-NOT: [flyte-
#include <flyte/flyte.hpp>

FLYTE_TASK()
bool positive(int x) { return x > 0; }

#ifdef BAD
FLYTE_WORKFLOW()
std::vector<bool> lossy(std::vector<int> xs = {1, 2}) {
  return flyte::map_task(positive, {.min_success_ratio = 0.5})(xs);
  // CHECK: src.cpp:[[@LINE-1]]:10: error: with min_success_ratio below 1, failed items of 'positive' are empty: its output is [bool?], which cannot be consumed as [bool] [flyte-map-partial-failure-type]
  // CHECK: note: the map task is called here
}
// FIXED: std::vector<std::optional<bool>> lossy(std::vector<int> xs = {1, 2}) {
#endif

FLYTE_WORKFLOW()
std::vector<std::optional<bool>> tolerant(std::vector<int> xs = {1, 2}) {
  return flyte::map_task(positive, {.min_successes = 1})(xs);
}

// Consumed by a task: the fix-it goes to the task's parameter.
FLYTE_TASK()
#ifdef BAD
int count_true(std::vector<bool> flags) {
// FIXED: int count_true(std::vector<std::optional<bool>> flags) {
#else
int count_true(std::vector<std::optional<bool>> flags) {
#endif
  int n = 0;
  for (const auto& f : flags) n += f ? 1 : 0;
  return n;
}

FLYTE_WORKFLOW()
int counted(std::vector<int> xs = {1, 2}) {
  return count_true(flyte::map_task(positive, {.min_success_ratio = 0.5})(xs));
  // CHECK: src.cpp:[[@LINE-1]]:21: error: with min_success_ratio below 1, failed items of 'positive' are empty{{.*}}[flyte-map-partial-failure-type]
}
