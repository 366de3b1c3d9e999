// A preprocessing class whose method is annotated as a task: Flyte cannot pass the object.
// EXPECT: 11 error flyte-unsupported-entity
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace text {
struct Normalizer {
  FLYTE_TASK()
  std::string normalize(std::string s) const {  // <- mistake: a non-static member function
    for (auto& c : s)
      if (lowercase && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
  }
  bool lowercase = true;

  FLYTE_TASK()
  static int length(std::string s) { return static_cast<int>(s.size()); }
};

FLYTE_TASK()
int longest(std::vector<int> lengths) {
  int b = 0;
  for (int l : lengths) b = l > b ? l : b;
  return b;
}

FLYTE_WORKFLOW()
int longest_token(std::vector<std::string> tokens = {"Alpha", "beta"}) {
  return longest(flyte::map_task(Normalizer::length)(tokens));
}
}  // namespace text
