// Builds the task executable (flytecc-task, docs/task-contract.md) of the sources `flytecc run` was given:
// the generated dispatch (emitTaskMain) compiled with the C++ compiler against the flytecc runtime of this build.
#pragma once

#include <llvm/Support/raw_ostream.h>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ir/Module.h"

namespace flytecc::driver {

struct TaskBuildOptions {
  std::vector<std::string> sources;
  std::vector<std::string> flags;         // the sources' compiler flags (after `--`)
  std::set<std::string> dependencies;     // every file the sources read: a change rebuilds
  std::string cacheDir;                   // builds are kept in cacheDir/tasks/<hash>/flytecc-task
  // A task library (cacheDir/tasks/<hash>/flytecc-task.so) for in-process runs instead of the executable: the
  // generated main with -DFLYTECC_TASK_SHARED_OBJECT, exporting contract::kInProcessEntrySymbol. It leaves the
  // flyteidl protos undefined: the flytecc tool that loads it provides them (one descriptor pool per process).
  bool sharedObject = false;
};

// The path of the executable, rebuilt only when the generated code, the flags or a dependency changed.
// The compiler's errors go to `errs`; nullopt when the build failed.
std::optional<std::string> buildTaskExecutable(const ir::Module& module, const TaskBuildOptions& options,
                                               llvm::raw_ostream& errs);

}  // namespace flytecc::driver
