// Helpers kept in an anonymous namespace "to avoid ODR clashes": the derived Flyte name is not valid.
// EXPECT: 10 error flyte-invalid-name
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace {
FLYTE_TASK()
std::string clean_line(std::string line) {  // <- mistake: '(anonymous namespace).clean_line'
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line;
}
}  // namespace

namespace ingest {
FLYTE_TASK()
int count_nonempty(std::vector<std::string> lines) {
  int n = 0;
  for (const auto& l : lines) n += !l.empty();
  return n;
}

FLYTE_WORKFLOW()
int ingest_lines(std::vector<std::string> lines = {"a ", "", "b"}) {
  return count_nonempty(flyte::map_task(clean_line)(lines));
}
}  // namespace ingest
