// Optional inputs: plain values, constants and nullopt bound to std::optional parameters.
#include <flyte/flyte.hpp>

#include <optional>
#include <string>

using namespace std::string_literals;

FLYTE_TASK()
std::string label(std::string name, std::optional<std::string> title, std::optional<int> rank) {
  std::string out = title ? *title + " " + name : name;
  if (rank) out += " #" + std::to_string(*rank);
  return out;
}

FLYTE_TASK()
int rank_of(std::string name) { return static_cast<int>(name.size()); }

FLYTE_WORKFLOW()
std::string labels(std::string name = "ada", std::optional<std::string> title = std::nullopt) {
  auto r = rank_of(name);
  auto a = label(name, title, r);
  auto b = label(a, std::optional<std::string>("Dr."), std::nullopt);
  auto c = label(b, std::make_optional(std::string("Prof.")), 3);
  auto d = label(c, "Sir"s, std::optional<int>(7));
  return label(d, name, std::make_optional(1));
}
