// ML inference: the map call forgets the model input; in C++ the item gets a default-constructed File.
// EXPECT: 29 error flyte-unbound-parameter
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

using namespace flyte::literals;

namespace inference {
FLYTE_TASK(.requests = {.cpu = "1", .mem = "2Gi", .gpu = "1"})
double predict(flyte::File model, std::string features) {
  return static_cast<double>(model.path.size() + features.size());
}

FLYTE_TASK()
flyte::File latest_model(std::string registry) { return flyte::File{registry + "/model.onnx"}; }

FLYTE_TASK()
double mean(std::vector<double> xs) {
  double s = 0;
  for (double x : xs) s += x;
  return xs.empty() ? 0 : s / xs.size();
}

FLYTE_WORKFLOW()
double batch_predict(std::vector<std::string> rows = {"a=1", "b=2"}, std::string registry = "s3://models") {
  auto model = latest_model(registry);
  auto scores = flyte::map_task(predict)("features"_a = rows);  // <- mistake: 'model' is not bound
  return mean(scores);
}
}  // namespace inference
