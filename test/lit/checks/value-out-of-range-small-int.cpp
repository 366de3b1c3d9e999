// flyte-value-out-of-range for integer types narrower than int64: a constant bound to an std::int8_t, a
// std::uint16_t, ... must fit it. C++ would convert it silently (300 becomes 44 in an int8_t) while Flyte would
// carry 300. Workflow defaults, constants bound on a node and a task's default left unbound are all checked.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck %s
#include <flyte/flyte.hpp>

#include <cstdint>

FLYTE_TASK()
std::int64_t widen(std::int8_t a, std::uint16_t b = 70000) { return a + b; }

FLYTE_WORKFLOW()
std::int64_t bad_default(std::int8_t a = 300) { return widen(a, 1); }
// CHECK-DAG: value-out-of-range-small-int.cpp:[[@LINE-1]]:42: error: the default value of 'a' is out of range: 300 does not fit 'std::int8_t' (-128 to 127); C++ would convert it to another value [flyte-value-out-of-range]

FLYTE_WORKFLOW()
std::int64_t bad_constant() { return widen(-129, 1); }
// CHECK-DAG: value-out-of-range-small-int.cpp:[[@LINE-1]]:44: error: input 'a' of widen is out of range: -129 does not fit 'std::int8_t' (-128 to 127); C++ would convert it to another value [flyte-value-out-of-range]

FLYTE_WORKFLOW()
std::int64_t bad_task_default() { return widen(1); }
// CHECK-DAG: value-out-of-range-small-int.cpp:10:53: error: input 'b' of widen is out of range: 70000 does not fit 'std::uint16_t' (0 to 65535); C++ would convert it to another value [flyte-value-out-of-range]

FLYTE_WORKFLOW()
std::int64_t fine(std::int8_t a = -128, std::uint16_t b = 65535) { return widen(a, b); }
// CHECK-NOT: value-out-of-range-small-int.cpp:[[@LINE-1]]
