// A task reuses another task through a helper function: the inner task runs as a plain function.
// EXPECT: 29 warning flyte-task-calls-task
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace nlp {
FLYTE_TASK(.cache = true, .cache_version = "tok-1")
std::vector<std::string> tokenize(std::string text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text) {
    if (c == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

static int word_count(const std::string& text) { return static_cast<int>(tokenize(text).size()); }

FLYTE_TASK()
int document_length(std::string text) {
  return word_count(text);  // <- mistake: word_count calls the task 'tokenize'
}

FLYTE_WORKFLOW()
std::vector<int> lengths(std::vector<std::string> docs = {"a b c", "d e"}) {
  return flyte::map_task(document_length)(docs);
}
}  // namespace nlp
