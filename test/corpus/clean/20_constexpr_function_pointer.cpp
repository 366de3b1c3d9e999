// A task named through a namespace-scope constexpr function pointer, from a workflow.
#include <flyte/flyte.hpp>

#include <vector>

FLYTE_TASK()
int halve(int x) { return x / 2; }

constexpr auto kStep = &halve;

FLYTE_WORKFLOW()
int halve_twice(int x = 40) { return kStep(kStep(x)); }

FLYTE_WORKFLOW()
std::vector<int> halve_all(std::vector<int> xs = {2, 4}) { return flyte::map_task(kStep)(xs); }
