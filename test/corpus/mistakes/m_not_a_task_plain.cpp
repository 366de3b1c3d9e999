// A helper function mapped without FLYTE_TASK(): only tasks can be mapped.
// EXPECT: 25 error flyte-not-a-task
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace dna {
std::string reverse_complement(std::string seq) {
  std::string out(seq.rbegin(), seq.rend());
  for (auto& c : out) c = c == 'A' ? 'T' : c == 'T' ? 'A' : c == 'C' ? 'G' : 'C';
  return out;
}

FLYTE_TASK()
int gc_content(std::vector<std::string> seqs) {
  int gc = 0;
  for (const auto& s : seqs)
    for (char c : s) gc += c == 'G' || c == 'C';
  return gc;
}

FLYTE_WORKFLOW()
int gc_of_complements(std::vector<std::string> seqs = {"ACGT", "GGCA"}) {
  auto rc = flyte::map_task(reverse_complement)(seqs);  // <- mistake: not annotated as a task
  return gc_content(rc);
}
}  // namespace dna
