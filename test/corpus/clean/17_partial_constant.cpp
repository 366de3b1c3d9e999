// A partial binding constants of several spellings.
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

using namespace flyte::literals;
using namespace std::string_literals;

FLYTE_TASK()
std::string format_row(std::string sep, std::string prefix, int value) { return prefix + sep + std::to_string(value); }

FLYTE_WORKFLOW()
std::vector<std::string> rows(std::vector<int> values = {1, 2, 3}) {
  auto fmt = flyte::partial(format_row, "sep"_a = std::string(","), "prefix"_a = "row"s);
  return flyte::map_task(fmt)(values);
}
