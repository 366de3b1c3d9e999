// flyte-unsupported-entity: tasks are free functions or static member functions, not methods or templates.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %flytecc compile %s --emit=ir -o - -- -std=c++20 -I%sdk 2>&1 | %FileCheck --check-prefix=GOOD %s
// GOOD-NOT: error:
// GOOD: task @pkg.Scaler.twice(a: int) -> (o0: int)
// GOOD: n0 = task @pkg.Scaler.twice(a = $a)
#include <flyte/flyte.hpp>

namespace pkg {
struct Scaler {
  FLYTE_TASK()
  static int twice(int a) { return 2 * a; }
#ifdef BAD
  FLYTE_TASK()
  int scale(int a) const { return factor * a; }
  // CHECK: unsupported-entity.cpp:[[@LINE-1]]:7: error: 'scale' cannot be a Flyte task: a non-static member function needs an object, which Flyte cannot pass; make it a free or static function [flyte-unsupported-entity]
#endif
  int factor = 3;
};

#ifdef BAD
template <class T>
FLYTE_TASK()
T identity(T a) { return a; }
// CHECK: unsupported-entity.cpp:[[@LINE-1]]:3: error: 'identity' cannot be a Flyte task: a function template has no single interface; declare one task per type [flyte-unsupported-entity]

FLYTE_WORKFLOW()
int uses_template(int a = 1) { return identity(a); }
// CHECK-NOT: uses_template

// Functions the task executable could not call: C varargs and consteval (g++ and clang++ compile both).
FLYTE_TASK()
int with_varargs(int a, ...) { return a; }
// CHECK: unsupported-entity.cpp:[[@LINE-1]]:5: error: 'with_varargs' cannot be a Flyte task: a C variadic function ('...') has no fixed interface; declare every parameter [flyte-unsupported-entity]
FLYTE_TASK()
consteval int at_compile_time(int a) { return a; }
// CHECK: unsupported-entity.cpp:[[@LINE-1]]:15: error: 'at_compile_time' cannot be a Flyte task: a consteval function runs only while compiling, and the task executable calls it at run time; make it constexpr or an ordinary function [flyte-unsupported-entity]
FLYTE_WORKFLOW()
int uses_varargs(int a = 1) { return with_varargs(a); }
// CHECK-NOT: uses_varargs
#endif

FLYTE_WORKFLOW()
int wf(int a = 1) { return Scaler::twice(a); }
}  // namespace pkg
