// flyte-config-mismatch: the declarations of a task (a header's and the definition, or two) give different
// FLYTE_TASK(...) configs: an error at the definition (or the later declaration), a note at the other.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// GOOD-NOT: [flyte-
#include "Inputs/config-mismatch.h"

#ifdef BAD
FLYTE_TASK(.cache = true, .cache_version = "v2", .retries = 3)
int train(int epochs) { return epochs; }
// CHECK: config-mismatch.cpp:[[@LINE-2]]:1: error: the FLYTE_TASK config of 'train' differs from its declaration: .cache_version is "v2" here, "v1" there; .requests.mem is unset here, "1Gi" there; .retries is 3 here, 2 there (the definition's config is registered, files that see only a declaration use its; give them the same config, or FLYTE_TASK(...) on one of them only) [flyte-config-mismatch]
// CHECK: config-mismatch.h:5:1: note: declared here

// Declared twice, defined in another file: the later declaration is the one reported.
FLYTE_TASK(.interruptible = true)
int deploy(int model);
FLYTE_TASK(.timeout = std::chrono::minutes(5), .interruptible = false)
int deploy(int model);
// CHECK: config-mismatch.cpp:[[@LINE-2]]:1: error: the FLYTE_TASK config of 'deploy' differs from an earlier declaration: .interruptible is unset here, true there; .timeout is 300s here, unset there {{.*}}[flyte-config-mismatch]
// CHECK: config-mismatch.cpp:[[@LINE-5]]:1: note: declared first here
#else
FLYTE_TASK(.cache = true, .cache_version = "v1", .retries = 2, .requests = {.mem = "1Gi"})
int train(int epochs) { return epochs; }
#endif
// CHECK-NOT: error:

// The same config spelled differently, a default spelled out, or FLYTE_TASK on one declaration only: one config.
FLYTE_TASK(.cache = false, .retries = 1 + 1, .limits = {.cpu = "2"})
int same(int a) { return a; }

int evaluate(int model) { return model; }

FLYTE_WORKFLOW()
int pipeline(int epochs = 3) { return evaluate(same(train(epochs))); }

// Workflows too: FLYTE_WORKFLOW(...) on a declaration and on the definition.
FLYTE_WORKFLOW(.name = "train.pipeline")
int trained(int epochs);
#ifdef BAD
FLYTE_WORKFLOW(.name = "train.pipeline2", .fuse_tasks = true)
int trained(int epochs = 2) { return train(epochs); }
// CHECK: config-mismatch.cpp:[[@LINE-2]]:1: error: the FLYTE_WORKFLOW config of 'trained' differs from its declaration: .fuse_tasks is true here, unset there; .name is "train.pipeline2" here, "train.pipeline" there {{.*}}or FLYTE_WORKFLOW(...) on one of them only) [flyte-config-mismatch]
// CHECK: config-mismatch.cpp:[[@LINE-6]]:1: note: declared here
#else
FLYTE_WORKFLOW(.name = "train.pipeline")
int trained(int epochs = 2) { return train(epochs); }
#endif
