// The C++ twin of flytekit-golden-2's features/enums.py (test/data/flytekit-golden-2/enums/): a C++ enum is Flyte's
// EnumType of its enumerators' names (Python's `Color.RED = "red"` is `red` here).
#include <flyte/flyte.hpp>

#include <cstdint>

namespace features::enums {

enum class Color { red, green, blue };

FLYTE_TASK()
std::string paint(Color color = Color::green, std::int64_t times = 1) {
  const char* names[] = {"red", "green", "blue"};
  return std::string(names[static_cast<int>(color)]) + " x" + std::to_string(times);
}

FLYTE_TASK()
Color complement(Color color) {
  switch (color) {
    case Color::red: return Color::green;
    case Color::green: return Color::red;
    case Color::blue: return Color::blue;
  }
  return color;
}

FLYTE_WORKFLOW()
std::string paint_wf(Color color = Color::red) { return paint(complement(color)); }

FLYTE_WORKFLOW()
std::string paint_default_wf() { return paint(); }  // the task's own default (green) is used

}  // namespace features::enums
