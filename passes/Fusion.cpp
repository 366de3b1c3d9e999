#include "passes/Fusion.h"

#include <fmt/format.h>

#include "ir/Rules.h"

namespace flytecc::passes {

std::string whyNotFusable(const ir::Task& t) {
  if (t.reference) return fmt::format("'{}' is a reference task: it runs its own registered template", t.name);
  return "";
}

std::string whyNotOneContainer(const ir::Task& a, const ir::Task& b) {
  if (a.image != b.image)
    return fmt::format("the tasks run in different images ('{}' and '{}')", a.image.empty() ? "default" : a.image,
                       b.image.empty() ? "default" : b.image);
  if (a.secrets != b.secrets) return "the tasks request different secrets";
  if (a.environment != b.environment) return "the tasks set different environment variables";
  if (!ir::largerResources(a.requests, b.requests) || !ir::largerResources(a.limits, b.limits))
    return "the tasks' resources do not compare";
  return "";
}

std::string whyNotOneRun(const ir::Metadata& a, const std::string& aName, const ir::Metadata& b,
                         const std::string& bName, const char* unit) {
  for (const auto& [md, name] : {std::pair{&a, &aName}, std::pair{&b, &bName}}) {
    if (md->cache) return fmt::format("'{}' is cached: its results are cache entries per task", *name);
    if (md->cacheSerialize) return fmt::format("'{}' sets cache_serialize", *name);
  }
  if (a.retries != b.retries) return fmt::format("retries differ ({} and {})", a.retries, b.retries);
  if (a.interruptible != b.interruptible) return "interruptibility differs";
  if ((a.timeoutSeconds == 0) != (b.timeoutSeconds == 0))
    return fmt::format("one {} has a timeout and the other has none", unit);
  return "";
}

std::string whyNotNode(const ir::Node& n) {
  if (!n.overrideRequests.empty() || !n.overrideLimits.empty() || !n.overrideImage.empty() ||
      !n.overrideMetadata.empty() || n.overrideMetadata.cacheSerialize || !n.overrideAccelerator.empty() ||
      !n.overrideSharedMemory.empty() || n.displayName != ir::defaultNodeName(n.kind, n.target))
    return fmt::format("node {} has overrides (with_overrides)", n.id);
  return "";
}

}  // namespace flytecc::passes
