#include "tools/flytecc/TaskLibrary.h"

#include <dlfcn.h>

#include "flyteidl/TaskContract.h"

namespace flytecc::driver {

// runtime::InProcessItemFn (runtime/ItemRunner.h); the tool does not include the runtime's headers.
using ItemFn = int (*)(const std::vector<std::string>* args,
                       const std::vector<std::pair<std::string, std::string>>* env,
                       flyteidl::core::LiteralMap* outputs);

llvm::Expected<executor::InProcessEntry> loadTaskLibrary(const std::string& path) {
  void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) return llvm::createStringError("cannot load the task library: " + std::string(::dlerror()));
  void* sym = ::dlsym(handle, contract::kInProcessEntrySymbol);
  if (!sym)
    return llvm::createStringError("'" + path + "' is not a flytecc task library (no " +
                                   contract::kInProcessEntrySymbol + ")");
  auto fn = reinterpret_cast<ItemFn>(sym);
  return executor::InProcessEntry([fn](const std::vector<std::string>& args,
                                       const std::vector<std::pair<std::string, std::string>>& env,
                                       flyteidl::core::LiteralMap* outputs) { return fn(&args, &env, outputs); });
}

}  // namespace flytecc::driver
