// flyte-invalid-graph: what only the whole program shows, after every file is analyzed: a workflow
// that calls a workflow no input defines.
// RUN: rm -rf %t && %not %flytecc compile %s -o %t -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: test ! -e %t
// RUN: %flytecc compile %s %S/Inputs/subworkflow.cpp -o %t.ok -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck --check-prefix=GOOD %s
// GOOD-NOT: error:
// GOOD: flytecc: wrote
#include <flyte/flyte.hpp>

// Defined in Inputs/subworkflow.cpp.
FLYTE_WORKFLOW()
int sub(int a);

FLYTE_WORKFLOW()
int top(int a = 1) { return sub(a); }
// CHECK: invalid-graph.cpp:[[@LINE-1]]:{{[0-9]+}}: error: workflow 'top' calls workflow 'sub' (node n0), which none of the inputs defines; give the file that defines it too [flyte-invalid-graph]
