// Batch OCR: both min_successes and min_success_ratio are set; Flyte takes one or the other.
// EXPECT: 23 error flyte-config
#include <flyte/flyte.hpp>

#include <optional>
#include <string>
#include <vector>

namespace ocr {
FLYTE_TASK(.requests = {.cpu = "1", .mem = "1Gi"})
std::string recognize(flyte::File scan) { return "text of " + scan.path; }

FLYTE_TASK()
int recognized(std::vector<std::optional<std::string>> texts) {
  int n = 0;
  for (const auto& t : texts) n += t.has_value();
  return n;
}

FLYTE_WORKFLOW()
int ocr_batch(std::vector<flyte::File> scans) {
  auto texts = flyte::map_task(recognize, {.min_success_ratio = 0.9,
                                           .min_successes = 100})(scans);  // <- mistake: both are set
  return recognized(texts);
}
}  // namespace ocr
