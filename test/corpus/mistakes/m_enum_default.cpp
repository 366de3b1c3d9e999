// A compression level enum whose default was written as a number, not an enumerator.
// EXPECT: 25 error flyte-enum-default
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace archive {
enum class Level { fast, balanced, best };

FLYTE_TASK(.requests = {.cpu = "1"})
flyte::File compress(flyte::File input, Level level) {
  return flyte::File{input.path + (level == Level::best ? ".xz" : ".gz")};
}

FLYTE_TASK()
flyte::Directory collect(std::vector<flyte::File> files) {
  return flyte::Directory{files.empty() ? "out" : files.front().path + ".d"};
}

using namespace flyte::literals;

FLYTE_WORKFLOW()
flyte::Directory compress_all(std::vector<flyte::File> inputs,
                              Level level = static_cast<Level>(3)) {  // <- mistake: no enumerator is 3
  return collect(flyte::map_task(flyte::partial(compress, "level"_a = level))("input"_a = inputs));
}
}  // namespace archive
