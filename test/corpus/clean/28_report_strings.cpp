// A reporting pipeline with string constants spelled many ways, including in a map call.
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

using namespace std::string_literals;
using namespace flyte::literals;

FLYTE_TASK()
std::string render(std::string tmpl, std::string value) { return tmpl + value; }

FLYTE_WORKFLOW()
std::vector<std::string> rendered(std::vector<std::string> values = {"1", "2"}) {
  auto header = render("Title: "s, std::string("Report"));
  auto renderer = flyte::partial(render, "tmpl"_a = std::string{"- "});
  return flyte::map_task(renderer)(values);
}
