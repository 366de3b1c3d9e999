#include <flyte/flyte.hpp>

FLYTE_TASK()
int twice(int a) { return 2 * ; }
