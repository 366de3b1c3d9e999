// Embeddings: the map task overrides the metadata to turn caching on, but forgets the cache version.
// EXPECT: 20 error flyte-config
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace embed {
FLYTE_TASK(.requests = {.cpu = "1", .mem = "2Gi", .gpu = "1"})
std::vector<double> embed_text(std::string text) { return {static_cast<double>(text.size()), 1.0}; }

FLYTE_TASK()
int dimensions(std::vector<std::vector<double>> vectors) {
  return vectors.empty() ? 0 : static_cast<int>(vectors.front().size());
}

FLYTE_WORKFLOW()
int embed_corpus(std::vector<std::string> docs = {"alpha", "beta", "gamma"}) {
  auto vectors = flyte::map_task(embed_text, {.concurrency = 4,
                                              .metadata = {.cache = true, .retries = 2}})(docs);  // <- mistake
  return dimensions(vectors);
}
}  // namespace embed
