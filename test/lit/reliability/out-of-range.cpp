// Values that evaluate but are no Flyte value: an integer beyond int64, a duration beyond int64 nanoseconds
// (about 292 years). Never a wrapped, negative value with exit 0.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck %s
#include <flyte/flyte.hpp>

#include <chrono>
#include <cstdint>

FLYTE_TASK()
int twice(int a) { return 2 * a; }

FLYTE_WORKFLOW()
int big_default(std::uint64_t n = 18446744073709551615ull) { return twice(1); }
// CHECK-DAG: out-of-range.cpp:[[@LINE-1]]:35: error: the default value of 'n' is out of range: Flyte integers are int64; 18446744073709551615 is larger than 9223372036854775807 [flyte-value-out-of-range]

FLYTE_WORKFLOW()
int long_default(std::chrono::hours h = std::chrono::hours(24 * 365 * 300)) { return twice(1); }
// CHECK-DAG: out-of-range.cpp:[[@LINE-1]]:41: error: the default value of 'h' is out of range: a Flyte duration is int64 nanoseconds, about 292 years at most [flyte-value-out-of-range]

FLYTE_TASK(.timeout = std::chrono::hours(24 * 365 * 300))
int long_timeout(int a) { return a; }
// CHECK-DAG: out-of-range.cpp:[[@LINE-2]]:{{[0-9]+}}: error: 'timeout' is out of range: a Flyte duration is int64 nanoseconds, about 292 years at most [flyte-value-out-of-range]
