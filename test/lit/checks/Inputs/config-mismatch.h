// Declarations of the tasks config-mismatch.cpp defines.
#pragma once
#include <flyte/flyte.hpp>

FLYTE_TASK(.cache = true, .cache_version = "v1", .retries = 2, .requests = {.mem = "1Gi"})
int train(int epochs);

FLYTE_TASK(.retries = 2)
int evaluate(int model);

FLYTE_TASK(.retries = 2, .limits = {.cpu = "2"})
int same(int a);
