// Task signatures that C++ allows and flytecc accepts also build into the task executable and run: const and
// (deprecated) volatile results, references in and out, rvalue-reference parameters, noexcept, deduced and
// trailing return types, small and wide integers, long double; and tasks named like C library functions (`read`,
// `time`), which the task executable sees next to POSIX read and time: it takes their addresses with their types.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %flytecc run %s --workflow signatures --cache %t/cache.sqlite --quiet -- -std=c++20 -I%sdk -Wno-deprecated-volatile 2>&1 \
// RUN:   | %FileCheck %s
// CHECK: "o0": 42
// CHECK: "o1": "abc!"
#include <flyte/flyte.hpp>

#include <cstdint>
#include <string>
#include <tuple>

FLYTE_TASK()
const int constant_result(const int x) { return x + 1; }

FLYTE_TASK()
volatile int volatile_result(volatile int x) { return x + 1; }

FLYTE_TASK()
const std::string& reference_result(const std::string& s) {
  static std::string kept;
  kept = s + "!";
  return kept;
}

FLYTE_TASK()
int from_rvalue(int&& x) noexcept { return x + 1; }

FLYTE_TASK()
auto deduced(std::uint8_t small, long double wide) { return int(small) + int(wide); }

FLYTE_TASK()
auto trailing(unsigned long long x) -> decltype(auto) { return static_cast<int>(x) + 1; }

FLYTE_TASK()
int read(int x) { return x + 1; }

FLYTE_TASK()
int time(int x) { return x + 1; }

FLYTE_WORKFLOW()
std::tuple<int, std::string> signatures(std::string s = "abc") {
  auto a = deduced(std::uint8_t{30}, 5.0L);       // 35
  auto b = constant_result(volatile_result(a));   // 37
  auto c = from_rvalue(3);                        // 4
  auto d = trailing(37ULL);                       // 38
  return {flyte::with_overrides(constant_result(time(read(39))), {}), reference_result(s)};
}
