// The Flyte map-task guide's examples (flytesnacks advanced_composition/map_task.py), in C++.
// The namespace plays the role of the Python module, so entity names match flytekit's.
#include <flyte/flyte.hpp>

#include <optional>
#include <string>
#include <vector>

namespace advanced_composition::map_task {

constexpr int threshold = 11;

FLYTE_TASK()
bool detect_anomalies(int data_point) { return data_point > threshold; }

FLYTE_WORKFLOW()
std::vector<bool> map_workflow(std::vector<int> data = {10, 12, 11, 10, 13, 12, 100, 11, 12, 10}) {
  // Apply the anomaly detection task to each data point.
  return flyte::map_task(detect_anomalies)(data);
}

FLYTE_WORKFLOW()
std::vector<bool> map_workflow_with_resource_overrides(std::vector<int> data = {10, 12, 11, 10, 13, 12, 100, 11, 12,
                                                                               10}) {
  using namespace flyte::literals;
  return flyte::map_task(detect_anomalies)("data_point"_a = data).with_overrides({.requests = {.mem = "2Gi"}});
}

FLYTE_WORKFLOW()
std::vector<bool> map_workflow_with_metadata(std::vector<int> data = {10, 12, 11, 10, 13, 12, 100, 11, 12, 10}) {
  using namespace flyte::literals;
  return flyte::map_task(detect_anomalies,
                         {.metadata = flyte::TaskMetadata{.cache = true, .cache_version = "0.1", .retries = 1}})(
      "data_point"_a = data);
}

// With min_success_ratio below 1, failed items come back empty: the output is a list of optionals
// (the guide's `list[bool]` is rejected by recent flytekit, and by flytecc).
FLYTE_WORKFLOW()
std::vector<std::optional<bool>> map_workflow_with_additional_params(std::vector<int> data = {10, 12, 11, 10, 13, 12,
                                                                                              100, 11, 12, 10}) {
  using namespace flyte::literals;
  return flyte::map_task(detect_anomalies, {.concurrency = 1, .min_success_ratio = 0.75})("data_point"_a = data);
}

FLYTE_TASK()
int upperhalf(int a) { return a / 2 + 1; }

// Calls another task from inside a task: runs, but Flyte cannot give it the performance of a map task.
FLYTE_TASK()
std::string suboptimal_mappable_task(int a) {
  int inc = upperhalf(a);
  return std::to_string(inc);
}

FLYTE_TASK()
double multi_input_task(int quantity, double price, double shipping) { return quantity * price * shipping; }

FLYTE_WORKFLOW()
std::vector<double> multiple_inputs_map_workflow(std::vector<int> list_q = {1, 2, 3, 4, 5}, double p = 6.0,
                                                 double s = 7.0) {
  using namespace flyte::literals;
  auto partial_task = flyte::partial(multi_input_task, "price"_a = p, "shipping"_a = s);
  return flyte::map_task(partial_task)("quantity"_a = list_q);
}

FLYTE_TASK()
double get_price() { return 7.0; }

FLYTE_WORKFLOW()
std::vector<double> map_workflow_partial_with_task_output(std::vector<int> list_q = {1, 2, 3, 4, 5}, double s = 6.0) {
  using namespace flyte::literals;
  auto p = get_price();
  auto partial_task = flyte::partial(multi_input_task, "price"_a = p, "shipping"_a = s);
  return flyte::map_task(partial_task)("quantity"_a = list_q);
}

FLYTE_WORKFLOW()
std::vector<double> map_workflow_with_lists(std::vector<int> list_q = {1, 2, 3, 4, 5},
                                            std::vector<double> list_p = {6.0, 9.0, 8.7, 6.5, 1.2}, double s = 6.0) {
  using namespace flyte::literals;
  auto partial_task = flyte::partial(multi_input_task, "shipping"_a = s);
  return flyte::map_task(partial_task)("quantity"_a = list_q, "price"_a = list_p);
}

}  // namespace advanced_composition::map_task
