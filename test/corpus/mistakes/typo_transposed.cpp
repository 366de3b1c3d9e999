// A transposed parameter name in a map call: did-you-mean finds it.
// EXPECT: 16 error flyte-unknown-parameter
#include <flyte/flyte.hpp>

#include <vector>

using namespace flyte::literals;

FLYTE_TASK()
double cost(int quantity, double price) { return quantity * price; }

FLYTE_WORKFLOW()
std::vector<double> costs(std::vector<int> qs, std::vector<double> ps) {
  return flyte::map_task(cost)(
      "quantity"_a = qs,
      "pirce"_a = ps);
}
