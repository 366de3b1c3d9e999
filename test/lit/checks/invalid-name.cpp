// flyte-invalid-name: entity names become file names and Flyte ids (one rule: ir::isValidEntityName).
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %flytecc compile %s --emit=ir -o - -- -std=c++20 -I%sdk 2>&1 | %FileCheck --check-prefix=GOOD %s
// GOOD-NOT: error:
// GOOD: task @ok-name.v2(a: int) -> (o0: int)
#include <flyte/flyte.hpp>

#ifdef BAD
FLYTE_TASK(.name = "../../escaped")
int escaped(int a) { return a; }
// CHECK: invalid-name.cpp:[[@LINE-2]]:20: error: '../../escaped' is not a valid Flyte entity name {{.*}}[flyte-invalid-name]

FLYTE_TASK(.name = "-dash")
int dashed(int a) { return a; }
// CHECK: invalid-name.cpp:[[@LINE-2]]:20: error: '-dash' is not a valid Flyte entity name (letters, digits, '_', '-' and '.', not starting with '.' or '-'){{.*}}[flyte-invalid-name]

namespace {
FLYTE_TASK()
int hidden(int a) { return a; }
// CHECK: invalid-name.cpp:[[@LINE-1]]:5: error: '(anonymous namespace).hidden' is not a valid Flyte entity name {{.*}}[flyte-invalid-name]
}  // namespace
#endif

FLYTE_TASK(.name = "ok-name.v2")
int renamed(int a) { return a; }
