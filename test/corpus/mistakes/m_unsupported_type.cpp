// Geometry: a task takes a user-defined struct, which has no Flyte type.
// EXPECT: 15 error flyte-unsupported-type
#include <flyte/flyte.hpp>

#include <cmath>
#include <vector>

namespace geo {
struct Point {
  double lat;
  double lon;
};

FLYTE_TASK()
double distance_km(Point a, double lat, double lon) {  // <- mistake: Point has no Flyte type
  return std::hypot(a.lat - lat, a.lon - lon) * 111.0;
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
