// flyte-task-environment: a secret request needs a group and a key; an environment variable needs a name.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck %s
#include <flyte/flyte.hpp>

FLYTE_TASK(.secret_requests = {{.group = "db", .key = "password"}, {.key = "token"}})
int needs_group(int a) { return a; }
// CHECK: task-environment.cpp:[[@LINE-2]]:68: error: a secret request needs a .group and a .key {{.*}}[flyte-task-environment]

FLYTE_TASK(.environment = {{"MODE", "fast"}, {.value = "x"}})
int needs_key(int a) { return a; }
// CHECK: task-environment.cpp:[[@LINE-2]]:46: error: an environment variable needs a .key [flyte-task-environment]
