// Caching enabled without a cache version.
// EXPECT: 6 error flyte-config
#include <flyte/flyte.hpp>

FLYTE_TASK(.cache = true)
int cached(int x) { return x; }
