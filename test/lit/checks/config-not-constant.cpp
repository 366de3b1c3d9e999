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

// A std::string cannot leave Clang's evaluator (C++20 transient allocation): a constexpr function returning one is
// not read (docs/checks.md: return a std::string_view or const char* instead).
constexpr std::string label() { return "x"; }
FLYTE_TASK()
int tag(std::string s) { return static_cast<int>(s.size()); }
FLYTE_WORKFLOW()
int wf3(std::string s = label()) { return tag(s); }
// CHECK: config-not-constant.cpp:[[@LINE-1]]:25: error: the default value of 's' must be a constant expression that flytecc can read [flyte-config-not-constant]

FLYTE_WORKFLOW()
std::vector<int> wf2(std::vector<int> xs) {
  return flyte::map_task(twice, {.concurrency = static_cast<unsigned>(runtime_value())})(xs);
  // CHECK: config-not-constant.cpp:[[@LINE-1]]:49: error: 'concurrency' must be a constant expression
}

#endif

constexpr unsigned kConcurrency = 4;
FLYTE_WORKFLOW()
std::vector<int> ok(std::vector<int> xs = {1, 2, 3}) { return flyte::map_task(twice, {.concurrency = kConcurrency})(xs); }

// Read by evaluation, whatever the spelling: a constexpr std::optional, a ternary, a constexpr function.
constexpr std::optional<int> kOptional = 2;
constexpr bool kBig = false;
constexpr double ratio(int n) { return 1.0 / n; }
FLYTE_WORKFLOW()
std::vector<std::optional<int>> ok2(std::vector<int> xs = {static_cast<int>(1.5), kBig ? 100 : 2}) {
  return flyte::map_task(twice, {.concurrency = kOptional, .min_success_ratio = kBig ? 1.0 : ratio(2)})(xs);
}
