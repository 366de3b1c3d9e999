// The C++ twin of flytekit-golden-2's features/dataclasses.py (test/data/flytekit-golden-2/dataclasses/): a plain
// C++ aggregate is a flytekit dataclass. A field without a default member initializer is required; `= {}` is
// dataclasses' field(default_factory=...), `= std::nullopt` is `= None`.
#include <flyte/flyte.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace features::dataclasses {

struct Point {
  double x;
  double y;
};

struct Shape {
  std::string name;
  Point origin;                            // nested dataclass
  std::vector<Point> vertices = {};        // list of dataclasses
  std::vector<std::string> tags = {};      // list field
  std::optional<std::string> label = std::nullopt;  // Optional field
  std::map<std::string, double> props = {};         // dict field
};

struct Summary {
  std::string name;
  std::int64_t n_vertices;
  std::optional<double> area = std::nullopt;
};

FLYTE_TASK()
Shape make_shape(std::string name, double side) {
  Point o{0.0, 0.0};
  return Shape{name, o, {o, {side, 0.0}, {side, side}, {0.0, side}}, {"square"}, std::nullopt, {{"side", side}}};
}

FLYTE_TASK()
Summary summarize(Shape shape) {
  auto it = shape.props.find("side");
  double side = it == shape.props.end() ? 0.0 : it->second;
  return Summary{shape.name, static_cast<std::int64_t>(shape.vertices.size()), side * side};
}

FLYTE_TASK()
Point shift(Point p, double dx = 1.0) { return Point{p.x + dx, p.y}; }

FLYTE_TASK()
std::vector<Shape> shapes_of(std::vector<std::string> names) {
  std::vector<Shape> out;
  for (const auto& n : names) out.push_back(Shape{n, Point{0.0, 0.0}});
  return out;
}

FLYTE_WORKFLOW()
Summary shape_wf(std::string name = "square", double side = 2.0) { return summarize(make_shape(name, side)); }

FLYTE_WORKFLOW()
std::vector<Summary> map_shapes_wf(std::vector<std::string> names = {"a", "b"}) {
  return flyte::map_task(summarize)(shapes_of(names));
}

FLYTE_WORKFLOW()
Point default_point_wf(Point p = Point{1.0, 2.0}) { return shift(p); }

}  // namespace features::dataclasses
