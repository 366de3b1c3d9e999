#include <flyte/flyte.hpp>

FLYTE_TASK()
int twice(int a) { return 2 * a; }

FLYTE_WORKFLOW()
int wf(int a = 1) { return twice(a); }
