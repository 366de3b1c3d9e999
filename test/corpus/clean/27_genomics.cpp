// Genomics: align reads per sample with a map task, then call variants.
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace genomics {
using namespace flyte::literals;

FLYTE_TASK(.cache = true, .cache_version = "bwa-0.7", .requests = {.cpu = "4", .mem = "8Gi"},
           .limits = {.cpu = "8", .mem = "16Gi"})
flyte::File align(flyte::File reads, flyte::File reference) { return flyte::File{reads.path + ".bam"}; }

FLYTE_TASK(.requests = {.cpu = "2", .mem = "4Gi"})
flyte::File call_variants(std::vector<flyte::File> alignments) { return flyte::File{"variants.vcf"}; }

FLYTE_WORKFLOW()
flyte::File variants(std::vector<flyte::File> samples, flyte::File reference) {
  auto aligned = flyte::map_task(flyte::partial(align, "reference"_a = reference), {.concurrency = 16})(samples);
  return call_variants(aligned);
}
}  // namespace genomics
