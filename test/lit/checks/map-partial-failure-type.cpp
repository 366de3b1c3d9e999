// flyte-map-partial-failure-type: with min_success_ratio < 1 (or min_successes) failed items are
// empty, so the output must be consumed as a list of optionals; the fix-it changes a workflow's return type, and
// the fixed file compiles with g++ and clang++. A task parameter gets a note, not a fix-it (its body may not
// compile with optionals).
// RUN: rm -rf %t && mkdir -p %t && cp %s %t/src.cpp
// RUN: %not %flytecc check %t/src.cpp --export-fixes=%t/fixes.yaml -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %clang_apply_replacements %t && %FileCheck --check-prefix=FIXED %s < %t/src.cpp
// RUN: %gxx -std=c++20 -fsyntax-only -I%sdk %t/src.cpp
// RUN: %clangxx -std=c++20 -fsyntax-only -I%sdk %t/src.cpp
// RUN: %flytecc check %t/src.cpp -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
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

// Consumed by a task: a note at the task's parameter, no fix-it.
FLYTE_TASK()
int count_true(std::vector<std::optional<bool>> flags) {
  int n = 0;
  for (const auto& f : flags) n += f ? 1 : 0;
  return n;
}

#ifdef BAD
FLYTE_TASK()
int sum_flags(std::vector<bool> flags) {
  // FIXED: int sum_flags(std::vector<bool> flags) {
  int n = 0;
  for (bool f : flags) n += f;
  return n;
}
#endif

#ifdef BAD
FLYTE_WORKFLOW()
int counted(std::vector<int> xs = {1, 2}) {
  return sum_flags(flyte::map_task(positive, {.min_success_ratio = 0.5})(xs));
  // CHECK: src.cpp:[[@LINE-1]]:20: error: with min_success_ratio below 1, failed items of 'positive' are empty{{.*}}[flyte-map-partial-failure-type]
  // CHECK: note: the map task is called here
  // CHECK: src.cpp:{{[0-9]+}}:33: note: make parameter 'flags' of 'sum_flags' a std::vector<std::optional<bool>> and handle the failed (empty) items in its body
}
#endif
