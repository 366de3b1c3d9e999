// Product catalog: quantities and prices as literal lists, one price missing.
// EXPECT: 24 error flyte-map-list-lengths
#include <flyte/flyte.hpp>

#include <vector>

using namespace flyte::literals;

namespace catalog {
FLYTE_TASK()
double line_total(int quantity, double price, double tax_rate) { return quantity * price * (1 + tax_rate); }

FLYTE_TASK()
double order_total(std::vector<double> lines) {
  double s = 0;
  for (double l : lines) s += l;
  return s;
}

FLYTE_WORKFLOW()
double demo_order(double tax_rate = 0.19) {
  auto lines = flyte::map_task(flyte::partial(line_total, "tax_rate"_a = tax_rate))(
      "quantity"_a = std::vector<int>{2, 1, 5},
      "price"_a = std::vector<double>{9.99, 24.50});  // <- mistake: 3 quantities, 2 prices
  return order_total(lines);
}
}  // namespace catalog
