// `flytecc run --isolation=none`: loads the task library TaskBuild made (the generated task main as a shared object)
// into this process and calls its items directly. The executor stays free of loading code: it gets an
// executor::InProcessEntry.
#pragma once

#include <llvm/Support/Error.h>
#include <string>

#include "executor/Launcher.h"

namespace flytecc::driver {

// dlopen()s `path` (never unloaded) and returns its contract::kInProcessEntrySymbol as an in-process entry.
llvm::Expected<executor::InProcessEntry> loadTaskLibrary(const std::string& path);

}  // namespace flytecc::driver
