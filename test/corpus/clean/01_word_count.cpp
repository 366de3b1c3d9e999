// Word counting: split a corpus into documents, count words per document with a map task, sum.
#include <flyte/flyte.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace wordcount {
FLYTE_TASK(.cache = true, .cache_version = "1.0", .retries = 2)
int count_words(std::string document) {
  std::istringstream in(document);
  std::string word;
  int n = 0;
  while (in >> word) ++n;
  return n;
}

FLYTE_TASK()
int total(std::vector<int> counts) {
  int sum = 0;
  for (int c : counts) sum += c;
  return sum;
}

FLYTE_WORKFLOW()
int word_count(std::vector<std::string> documents = {"a b c", "d e", "f"}) {
  auto counts = flyte::map_task(count_words)(documents);
  return total(counts);
}
}  // namespace wordcount
