// A hyperparameter sweep: train per learning rate, pick the best.
#include <flyte/flyte.hpp>

#include <string>
#include <tuple>
#include <vector>

using namespace flyte::literals;

FLYTE_TASK(.retries = 1, .timeout = std::chrono::minutes(30))
double train(double learning_rate, int epochs, std::string dataset) {
  return learning_rate * epochs + static_cast<double>(dataset.size());
}

FLYTE_TASK()
std::tuple<int, double> best(std::vector<double> scores) {
  int at = 0;
  for (int i = 1; i < static_cast<int>(scores.size()); ++i)
    if (scores[i] > scores[at]) at = i;
  return {at, scores.empty() ? 0.0 : scores[at]};
}

FLYTE_WORKFLOW()
std::tuple<int, double> sweep(std::vector<double> rates = {0.1, 0.01, 0.001}, int epochs = 10,
                              std::string dataset = "mnist") {
  auto trainer = flyte::partial(train, "epochs"_a = epochs, "dataset"_a = dataset);
  auto scores = flyte::map_task(trainer, {.concurrency = 3})(rates);
  auto [index, score] = best(scores);
  return {index, score};
}
