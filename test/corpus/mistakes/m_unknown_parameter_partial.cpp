// Genomics: align reads against a reference; the partial misspells the parameter name.
// EXPECT: 24 error flyte-unknown-parameter
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

using namespace flyte::literals;

namespace genomics {
FLYTE_TASK(.requests = {.cpu = "4", .mem = "16Gi"}, .limits = {.mem = "24Gi"},
           .container_image = "ghcr.io/acme/bwa:0.7.17")
flyte::File align(flyte::File reads, flyte::File reference, int min_quality) {
  return flyte::File{reads.path + "." + std::to_string(min_quality) + ".bam"};
}

FLYTE_TASK()
flyte::File merge_bams(std::vector<flyte::File> bams) {
  return flyte::File{bams.empty() ? "empty.bam" : bams.front().path + ".merged"};
}

FLYTE_WORKFLOW(.name = "genomics.align_samples")
flyte::File align_samples(std::vector<flyte::File> samples, flyte::File reference) {
  auto aligner = flyte::partial(align, "refernce"_a = reference,  // <- mistake: 'refernce'
                                "min_quality"_a = 20);
  auto bams = flyte::map_task(aligner, {.concurrency = 16})("reads"_a = samples);
  return merge_bams(bams);
}
}  // namespace genomics
