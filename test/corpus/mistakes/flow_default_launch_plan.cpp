// The workflow's defaults (what its default launch plan runs) give the two mapped lists different lengths.
// EXPECT: 19 warning flyte-map-default-inputs
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

using namespace flyte::literals;

FLYTE_TASK()
double invoice(int quantity, double unit_price) { return quantity * unit_price; }

FLYTE_WORKFLOW()
std::vector<double> invoices(std::vector<int> quantities = {3, 1, 4, 1},
                             std::vector<double> prices = {9.99, 4.50, 12.00}) {
  // Someone added a fourth quantity to the defaults and forgot the price: `flytectl create execution` with the
  // default launch plan fails on the cluster.
  return flyte::map_task(invoice)(
      "quantity"_a = quantities, "unit_price"_a = prices);
}
