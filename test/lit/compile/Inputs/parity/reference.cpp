// C++ twin of test/data/flytekit-golden-2/reference/reference.py: a reference task and a reference launch plan
// (registered elsewhere, by Python) called as nodes and mapped over.
#include <flyte/flyte.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace features::reference {

FLYTE_REFERENCE_TASK("flytesnacks", "development", "shared.text.normalize", "v1")
std::string normalize(std::string text);

FLYTE_REFERENCE_LAUNCH_PLAN("flytesnacks", "development", "shared.scoring.score_lp", "v7")
double score_lp(std::int64_t x, double scale);

FLYTE_WORKFLOW()
double ref_nodes_wf(std::string text = "Hello", std::int64_t x = 4) {
  normalize(text);
  return score_lp(x, 0.5);
}

FLYTE_WORKFLOW()
std::vector<std::string> map_ref_task_wf(std::vector<std::string> texts = {"A", "b"}) {
  return flyte::map_task(normalize)(texts);  // ArrayNode over a reference task
}

FLYTE_WORKFLOW()
std::vector<double> map_ref_lp_wf(std::vector<std::int64_t> xs = {1, 2}, std::vector<double> scales = {1.0, 2.0}) {
  return flyte::map_task(score_lp, {.concurrency = 4})(xs, scales);  // ArrayNode over a reference launch plan
}

}  // namespace features::reference
