// Geometry: a task takes a std::pair, which has no Flyte type (a struct of named fields would be a dataclass).
// EXPECT: 13 error flyte-unsupported-type
#include <flyte/flyte.hpp>

#include <cmath>
#include <utility>
#include <vector>

namespace geo {
using Point = std::pair<double, double>;  // lat, lon

FLYTE_TASK()
double distance_km(Point a, double lat, double lon) {  // <- mistake: std::pair has no Flyte type
  return std::hypot(a.first - lat, a.second - lon) * 111.0;
}

FLYTE_TASK()
double nearest(std::vector<double> distances) {
  double b = distances.empty() ? 0 : distances[0];
  for (double d : distances) b = d < b ? d : b;
  return b;
}

FLYTE_TASK()
double to_km(double degrees) { return degrees * 111.0; }

FLYTE_WORKFLOW()
double closest_depot(std::vector<double> offsets = {0.5, 0.2, 1.3}) {
  return nearest(flyte::map_task(to_km)(offsets));
}
}  // namespace geo
