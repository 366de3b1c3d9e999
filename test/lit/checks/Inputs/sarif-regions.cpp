// Regions for test/lit/checks/sarif-regions.test: a config in FLYTE_TASK(...), the same config through a macro of
// our own, and a single token after non-ASCII text on its line.
#include <flyte/flyte.hpp>
using namespace flyte::literals;

#define CACHED_TASK FLYTE_TASK(.cache = true)

FLYTE_TASK(.cache = true)
int direct(int a) { return a; }

CACHED_TASK
int via_macro(int a) { return a; }

FLYTE_TASK()
double cost(int quantity, double price) { return quantity * price; }

FLYTE_WORKFLOW()
std::vector<double> wf(std::vector<int> qs = {1, 2}, double p = 2.0) {
  /* é😀 */ return flyte::map_task(flyte::partial(cost, "price"_a = p))("quantiti"_a = qs);
}
