// A constexpr function returning std::string is not a constant Clang can evaluate with this machine's standard
// library (libstdc++ 12; clang++ rejects `static_assert(joined("a", "b").size() == 3)` too). flytecc reports the
// error where the value is used and a note with the constant evaluator's reason and the remedy; the remedy
// (std::string_view or const char*) is read. With a standard library whose std::string Clang evaluates
// (libstdc++ 13+, libc++), flytecc reads the string through size() and data() in one evaluation.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck %s
// RUN: %flytecc compile %s --emit=ir -o - -- -std=c++20 -I%sdk -DGOOD 2>&1 | %FileCheck --check-prefix=GOOD %s
// RUN: %gxx -std=c++20 -fsyntax-only -Wall -Wextra -Werror -I%sdk -DGOOD %s
// RUN: %clangxx -std=c++20 -fsyntax-only -Wall -Wextra -Werror -I%sdk -DGOOD %s
#include <flyte/flyte.hpp>

#include <string>
#include <string_view>
#include <vector>

FLYTE_TASK()
std::string label(std::string env, std::string region) { return env + "/" + region; }

FLYTE_TASK()
std::size_t count(std::vector<std::string> regions) { return regions.size(); }

#ifndef GOOD
constexpr std::string env_name(bool production) { return production ? "production" : "staging"; }
constexpr std::string joined(std::string_view a, std::string_view b) {
  std::string s(a);
  s += '-';
  s += b;
  return s;
}

FLYTE_WORKFLOW()
std::string by_default(std::string env = env_name(false)) { return label(env, "eu"); }
// CHECK: constexpr-string.cpp:[[@LINE-1]]:42: error: the default value of 'env' must be a constant expression that flytecc can read [flyte-config-not-constant]
// CHECK: constexpr-string.cpp:[[@LINE-2]]:42: note: Clang cannot evaluate this std::string at compile time ({{.+}}); a constexpr function can return std::string_view or const char* instead

FLYTE_WORKFLOW()
std::size_t in_a_list(std::vector<std::string> regions = {"us-east", joined("eu", "west")}) { return count(regions); }
// CHECK: constexpr-string.cpp:[[@LINE-1]]:56: error: the default value of 'regions' must be a constant expression that flytecc can read [flyte-config-not-constant]
// CHECK: constexpr-string.cpp:[[@LINE-2]]:70: note: Clang cannot evaluate this std::string at compile time

FLYTE_WORKFLOW()
std::string bound(std::string env = "staging") { return label(env, joined("eu", "north")); }
// CHECK: constexpr-string.cpp:[[@LINE-1]]:68: error: cannot lower this expression in workflow 'bound'{{.*}}[flyte-workflow-expression]
// CHECK: constexpr-string.cpp:[[@LINE-2]]:68: note: Clang cannot evaluate this std::string at compile time
#else
// The remedy: views and pointers are constants.
constexpr std::string_view env_name(bool production) { return production ? "production" : "staging"; }
constexpr const char* region_of(bool europe) { return europe ? "eu-west" : "us-east"; }

FLYTE_WORKFLOW()
std::string by_default(std::string env = std::string(env_name(false))) { return label(env, region_of(true)); }
// GOOD: workflow @by_default(env: str = "staging") -> (o0: str) {
// GOOD-NEXT: n0 = task @label(env = $env, region = "eu-west")
#endif
