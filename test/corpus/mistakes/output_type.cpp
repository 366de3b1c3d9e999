// A workflow output of the wrong type is called an output.
// EXPECT: 9 error flyte-map-binding-type
#include <flyte/flyte.hpp>

FLYTE_TASK()
int count() { return 3; }

FLYTE_WORKFLOW()
double wrong() { return count(); }
