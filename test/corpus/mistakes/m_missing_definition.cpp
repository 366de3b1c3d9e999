// The training workflow is declared here and defined in train.cpp, which is not among the inputs.
// EXPECT: 22 error flyte-invalid-graph (not in clang-tidy: a whole-program check)
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace ml {
// Defined in train.cpp.
FLYTE_WORKFLOW()
double train_model(std::string dataset, double learning_rate);

FLYTE_TASK()
std::string pick_dataset(std::string region) { return "s3://datasets/" + region; }

FLYTE_TASK()
bool good_enough(double accuracy) { return accuracy > 0.9; }

FLYTE_WORKFLOW()
bool regional_model(std::string region = "eu-west-1") {
  auto dataset = pick_dataset(region);
  auto accuracy = train_model(dataset, 0.01);  // <- mistake: no input defines 'train_model'
  return good_enough(accuracy);
}
}  // namespace ml
