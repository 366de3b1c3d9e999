// Several workflows sharing tasks in one module.
#include <flyte/flyte.hpp>

#include <vector>

namespace shop {
FLYTE_TASK()
double tax(double amount, double rate) { return amount * rate; }

FLYTE_TASK()
double add(double a, double b) { return a + b; }

FLYTE_WORKFLOW()
double gross(double net = 100.0, double rate = 0.2) { return add(net, tax(net, rate)); }

FLYTE_WORKFLOW()
std::vector<double> gross_all(std::vector<double> nets = {1.0, 2.0}) {
  using namespace flyte::literals;
  return flyte::map_task(flyte::partial(tax, "rate"_a = 0.2))(nets);
}

FLYTE_WORKFLOW()
double twice_gross(double net = 5.0) {
  auto g = gross(net, 0.1);
  return add(g, g);
}
}  // namespace shop
