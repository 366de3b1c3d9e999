// Map calls mixing positional and named lists.
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

using namespace flyte::literals;

FLYTE_TASK()
std::string tag(std::string name, int version) { return name + "@" + std::to_string(version); }

FLYTE_WORKFLOW()
std::vector<std::string> tags(std::vector<std::string> names = {"a", "b"}, std::vector<int> versions = {1, 2}) {
  auto first = flyte::map_task(tag)(names, versions);
  auto second = flyte::map_task(tag)("version"_a = versions, "name"_a = names);
  return second;
}
