// Two loaders copied from each other keep the same explicit Flyte name.
// EXPECT: 11 error flyte-duplicate-name
#include <flyte/flyte.hpp>

#include <string>

namespace warehouse {
FLYTE_TASK(.name = "warehouse.load", .retries = 2)
int load_orders(std::string path) { return static_cast<int>(path.size()); }

FLYTE_TASK(.name = "warehouse.load", .retries = 2)
int load_customers(std::string path) {  // <- mistake: the name copied above is already used
  return static_cast<int>(path.size()) * 2;
}

FLYTE_TASK()
int combine(int orders, int customers) { return orders + customers; }

FLYTE_WORKFLOW(.name = "warehouse.daily_load")
int daily_load(std::string orders = "s3://dw/orders", std::string customers = "s3://dw/customers") {
  return combine(load_orders(orders), load_customers(customers));
}
}  // namespace warehouse
