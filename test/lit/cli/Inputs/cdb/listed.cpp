// The one file compile_commands.json lists (compile-commands-inferred.test).
#ifndef FROM_DATABASE
#error the flags of compile_commands.json were not used
#endif
#include <flyte/flyte.hpp>

FLYTE_TASK()
int twice(int x) { return 2 * x; }
