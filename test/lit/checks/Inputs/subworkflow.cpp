// The other half of errors/invalid-graph.cpp.
#include <flyte/flyte.hpp>

FLYTE_TASK()
int inc(int a) { return a + 1; }

FLYTE_WORKFLOW()
int sub(int a) { return inc(a); }
