// A for loop over the workflow input, calling a task per item: that is what map_task is for.
// EXPECT: 18 error flyte-workflow-statement
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace resize {
FLYTE_TASK(.requests = {.cpu = "500m", .mem = "256Mi"})
flyte::File shrink(flyte::File image) { return flyte::File{image.path + ".small"}; }

FLYTE_TASK()
int count(std::vector<flyte::File> images) { return static_cast<int>(images.size()); }

FLYTE_WORKFLOW()
int shrink_all(std::vector<flyte::File> images) {
  std::vector<flyte::File> small;
  for (const auto& image : images) small.push_back(shrink(image));  // <- mistake: use flyte::map_task
  return count(small);
}
}  // namespace resize
