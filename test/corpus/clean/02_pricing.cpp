// Order pricing: a partial binds the shipping fee, the map runs over quantities and prices together.
#include <flyte/flyte.hpp>

#include <vector>

using namespace flyte::literals;

FLYTE_TASK(.requests = {.cpu = "500m", .mem = "256Mi"}, .limits = {.cpu = "1", .mem = "512Mi"})
double cost(int quantity, double price, double shipping) { return quantity * price + shipping; }

FLYTE_TASK()
double invoice_total(std::vector<double> lines) {
  double t = 0;
  for (double l : lines) t += l;
  return t;
}

FLYTE_WORKFLOW()
double price_orders(std::vector<int> quantities, std::vector<double> prices, double shipping = 4.5) {
  auto with_shipping = flyte::partial(cost, "shipping"_a = shipping);
  auto lines = flyte::map_task(with_shipping, {.concurrency = 4})("quantity"_a = quantities, "price"_a = prices);
  return invoice_total(lines);
}
