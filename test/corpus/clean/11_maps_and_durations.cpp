// Dictionaries and durations as inputs, defaults and constants.
#include <flyte/flyte.hpp>

#include <chrono>
#include <map>
#include <string>

using namespace std::chrono_literals;

FLYTE_TASK(.timeout = std::chrono::seconds(30))
int lookup(std::map<std::string, int> table, std::string key) {
  auto it = table.find(key);
  return it == table.end() ? -1 : it->second;
}

FLYTE_TASK()
std::chrono::seconds backoff(std::chrono::seconds base, int attempt) { return base * attempt; }

FLYTE_WORKFLOW()
int find_key(std::map<std::string, int> table = {{"a", 1}, {"b", 2}}, std::string key = "a") {
  auto x = lookup(table, key);
  auto y = lookup({{"z", 26}}, "z");
  auto wait = backoff(5s, 3);
  auto wait2 = backoff(std::chrono::minutes(1), 2);
  return lookup({{"x", 0}}, std::string("x"));
}
