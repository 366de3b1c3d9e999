// The C++ twin of flytekit-golden-2's features/overrides.py (test/data/flytekit-golden-2/overrides/overrides.py):
// `.with_overrides` on a task node, a sub-workflow node and a map node.
#include <flyte/flyte.hpp>

namespace features::overrides {

FLYTE_TASK(.retries = 1, .requests = {.cpu = "1", .mem = "1Gi"}, .limits = {.cpu = "2", .mem = "2Gi"})
int train(int x) { return x * 2; }

FLYTE_TASK()
int square(int x) { return x * x; }

FLYTE_WORKFLOW()
int sub_wf(int x) { return train(x); }

FLYTE_WORKFLOW()
std::vector<int> overrides_wf(int x = 3, std::vector<int> xs = {1, 2, 3}) {
  // plain task node: every override
  int a = flyte::with_overrides(train(x), {.requests = {.cpu = "2", .mem = "4Gi"},
                                           .limits = {.cpu = "4", .mem = "8Gi"},
                                           .container_image = "ghcr.io/example/train:2.0",
                                           .name = "train-big-display",
                                           .node_name = "Train Big",
                                           .retries = 3,
                                           .timeout = std::chrono::minutes(30),
                                           .interruptible = true,
                                           .cache = true,
                                           .cache_version = "v2",
                                           .cache_serialize = true});
  // sub-workflow node: node metadata only (flytekit drops requests and images there)
  int b = flyte::with_overrides(sub_wf(a), {.name = "sub-display",
                                            .node_name = "sub",
                                            .retries = 2,
                                            .timeout = std::chrono::seconds(600),
                                            .interruptible = false});
  // map node: the overrides go to the ArrayNode's sub-node
  std::vector<int> sq = flyte::map_task(square)(xs).with_overrides({.requests = {.mem = "1Gi"},
                                                                    .limits = {.mem = "2Gi"},
                                                                    .container_image = "ghcr.io/example/square:3",
                                                                    .name = "square-all-display",
                                                                    .node_name = "square-all",
                                                                    .retries = 4,
                                                                    .timeout = std::chrono::seconds(90),
                                                                    .interruptible = true,
                                                                    .cache = true,
                                                                    .cache_version = "1.0"});
  train(b);
  return sq;
}

// flytekit's `resources=Resources(cpu=("1", "2"), mem=("2Gi", "4Gi"), gpu=1)` is requests and limits; GPU is
// requested only. `accelerator=T4` is the device name.
FLYTE_WORKFLOW()
int resources_wf(int x = 1) {
  return flyte::with_overrides(train(x), {.requests = {.cpu = "1", .mem = "2Gi", .gpu = "1"},
                                          .limits = {.cpu = "2", .mem = "4Gi"},
                                          .accelerator = "nvidia-tesla-t4",
                                          .shared_memory = "1Gi"});
}

}  // namespace features::overrides
