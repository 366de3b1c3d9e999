// Workflow defaults of every supported kind.
#include <flyte/flyte.hpp>

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

FLYTE_TASK()
std::string report(int n, double x, bool b, std::string s, std::vector<int> v, std::map<std::string, int> m,
                   std::optional<int> o, std::chrono::seconds d) {
  return s + std::to_string(n + v.size() + m.size() + o.value_or(0) + d.count()) + (b ? "y" : "n") + std::to_string(x);
}

FLYTE_WORKFLOW()
std::string defaults(int n = 1, double x = 2.5, bool b = true, std::string s = "s", std::vector<int> v = {1, 2},
                     std::map<std::string, int> m = {{"k", 3}}, std::optional<int> o = 4,
                     std::chrono::seconds d = std::chrono::seconds(9)) {
  return report(n, x, b, s, v, m, o, d);
}
