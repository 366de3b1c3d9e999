// The task takes a whole list, so mapping it needs a list of lists; a flat list is given.
// EXPECT: 17 error flyte-map-binding-type
#include <flyte/flyte.hpp>

#include <vector>

FLYTE_TASK()
double average(std::vector<double> values) {
  double sum = 0;
  for (double v : values) sum += v;
  return values.empty() ? 0 : sum / values.size();
}

FLYTE_WORKFLOW()
std::vector<double> averages(std::vector<double> readings = {1.0, 2.0, 3.0}) {
  return flyte::map_task(average)(
      readings);
}
