// Mapping a workflow: Flyte's map tasks take tasks only (use a dynamic workflow or map the tasks inside).
// EXPECT: 27 error flyte-not-a-task
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace qc {
FLYTE_TASK()
double read_quality(flyte::File fastq) { return static_cast<double>(fastq.path.size() % 40); }

FLYTE_TASK()
bool passes(double quality, double threshold) { return quality >= threshold; }

FLYTE_WORKFLOW()
bool check_sample(flyte::File fastq) { return passes(read_quality(fastq), 30.0); }

FLYTE_TASK()
int passed(std::vector<bool> results) {
  int n = 0;
  for (bool r : results) n += r;
  return n;
}

FLYTE_WORKFLOW()
int qc_run(std::vector<flyte::File> samples) {
  auto results = flyte::map_task(check_sample)(samples);  // <- mistake: a workflow is mapped
  return passed(results);
}
}  // namespace qc
