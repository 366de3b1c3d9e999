// Helpers for task-calls-task-cross-tu.cpp.
#include <flyte/flyte.hpp>

FLYTE_TASK()
int normalize(int x) { return x % 100; }

int rescale(int x) { return normalize(x) * 2; }
