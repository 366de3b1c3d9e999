// A second translation unit for the cross-file tests.
#include <flyte/flyte.hpp>

FLYTE_TASK(.name = "shared.name")
int third(int a) { return a; }
