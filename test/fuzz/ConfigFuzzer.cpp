// Fuzz target: the flytecc.yaml reader.
#include <cstddef>
#include <cstdint>

#include "flyteidl/Package.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  llvm::StringRef text(reinterpret_cast<const char*>(data), size);
  auto settings = flytecc::idl::parsePackageConfig(text, "flytecc.yaml");
  if (!settings) llvm::consumeError(settings.takeError());
  return 0;
}
