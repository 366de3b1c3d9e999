// Named outputs (FLYTE_NAMED_OUTPUTS) in workflows: fields of a call's result are its outputs; a workflow returning
// named outputs sets every field from outputs, inputs or constants.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk > %t 2>&1
// RUN: %FileCheck %s < %t
// RUN: %FileCheck --check-prefix=FINE %s < %t
#include <flyte/flyte.hpp>

#include <cstdint>
#include <string>

struct Stats {
  FLYTE_NAMED_OUTPUTS;
  double mean = 0;
  std::int64_t count = 0;
};

FLYTE_TASK()
Stats stats(std::int64_t n) { return {.mean = 1.0, .count = n}; }

FLYTE_TASK()
double half(double x) { return x / 2; }

FLYTE_WORKFLOW()
Stats missing_field(std::int64_t n = 1) {
  auto s = stats(n);
  return {.mean = half(s.mean)};
}
// CHECK-DAG: named-outputs.cpp:[[@LINE-2]]:10: error: {{.*}}set every field of the named outputs ('count' is not set) [flyte-workflow-expression]

FLYTE_WORKFLOW()
Stats passed_on(std::int64_t n = 1) { return stats(n); }
// FINE-NOT: named-outputs.cpp:[[@LINE-1]]

FLYTE_WORKFLOW()
Stats local_value(std::int64_t n = 1) {
  Stats s;
  return s;
}
// CHECK-DAG: named-outputs.cpp:[[@LINE-3]]:9: error: cannot lower this expression in workflow 'local_value': only task, workflow and map_task calls, their outputs, workflow inputs and constants can appear in a workflow [flyte-workflow-expression]

// A struct that is only a result type: as a parameter it has no Flyte type.
FLYTE_TASK()
double mean_of(Stats s) { return s.mean; }
// CHECK-DAG: named-outputs.cpp:[[@LINE-1]]:22: error: {{.*}}[flyte-unsupported-type]
