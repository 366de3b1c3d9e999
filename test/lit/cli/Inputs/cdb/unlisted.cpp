// Not in compile_commands.json: flytecc borrows the flags of listed.cpp (compile-commands-inferred.test).
#ifndef FROM_DATABASE
#error the flags of compile_commands.json were not inferred
#endif
#include <flyte/flyte.hpp>
using namespace flyte::literals;

FLYTE_TASK()
double cost(int quantity, double price) { return quantity * price; }

FLYTE_WORKFLOW()
std::vector<double> wf(std::vector<int> qs = {1, 2}, double p = 2.0) {
  return flyte::map_task(flyte::partial(cost, "price"_a = p))("quantity"_a = qs);
}
