// A task calls a workflow to reuse its logic; inside the container the workflow runs sequentially, uncached.
// EXPECT: 19 warning flyte-task-calls-task
#include <flyte/flyte.hpp>

#include <string>

namespace features {
FLYTE_TASK()
double normalize(double x, double scale) { return x / scale; }

FLYTE_TASK()
double clip(double x) { return x > 1 ? 1 : x; }

FLYTE_WORKFLOW()
double prepare(double x = 5.0, double scale = 10.0) { return clip(normalize(x, scale)); }

FLYTE_TASK()
std::string describe(double raw, double scale) {
  double v = prepare(raw, scale);  // <- mistake: a workflow called inside a task
  return "value " + std::to_string(v);
}

FLYTE_WORKFLOW()
std::string pipeline(double raw = 3.0) { return describe(raw, 10.0); }
}  // namespace features
