// Constants computed at compile time: constexpr variables, functions and arithmetic.
#include <flyte/flyte.hpp>

#include <cstdint>
#include <vector>

constexpr int kBatch = 8;
constexpr int twice(int x) { return 2 * x; }
constexpr double kRate = 0.25;

FLYTE_TASK()
double scaled(int n, double rate, bool verbose) { return verbose ? n * rate : n * rate * 2; }

FLYTE_TASK()
std::int64_t widen(std::int64_t v) { return v * 1000; }

FLYTE_WORKFLOW()
double compute() {
  auto a = scaled(kBatch, kRate, true);
  auto b = scaled(twice(kBatch) + 1, 1.0 / 8, !false);
  auto c = widen(std::int64_t{1} << 40);
  auto d = scaled(static_cast<int>(sizeof(int)), kRate * 2, kBatch > 4);
  return scaled(int{3}, double(2), bool(1));
}
