// Tasks for the task executable's failure and blob paths (test/runtime/ContractTest.cpp).
#include <flyte/flyte.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace runtime_test {

FLYTE_TASK()
int fails(int x) {
  if (x > 0) throw std::invalid_argument("x must not be positive, got " + std::to_string(x));
  return -x;
}

// Writes `text` to a new local file: the runtime uploads it under the raw output data prefix.
FLYTE_TASK()
flyte::File write_file(std::string text) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("runtime-test-" + std::to_string(std::rand()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "greeting.txt") << text;
  return flyte::File{(dir / "greeting.txt").string()};
}

// Reads a file input (downloaded for the task when it is remote) and a directory of parts.
FLYTE_TASK()
std::string read_blobs(flyte::File f, flyte::Directory d) {
  std::ifstream in(f.path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::recursive_directory_iterator(d.path))
    if (e.is_regular_file()) names.push_back(std::filesystem::relative(e.path(), d.path).string());
  std::sort(names.begin(), names.end());
  for (const auto& n : names) text += "|" + n;
  return text;
}

// Sums a (possibly offloaded) list.
FLYTE_TASK()
std::int64_t total(std::vector<std::int64_t> xs) {
  std::int64_t s = 0;
  for (auto x : xs) s += x;
  return s;
}

FLYTE_TASK()
std::tuple<std::optional<int>, std::vector<std::string>> several(std::optional<int> maybe, std::string word) {
  return {maybe, {word, word}};
}

// Dies without a word: only the exit status tells propeller.
FLYTE_TASK()
int crashes(int x) {
  if (x > 0) std::abort();
  return x;
}

}  // namespace runtime_test
