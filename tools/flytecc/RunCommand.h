// `flytecc run` (execute a workflow's emitted flyteidl locally) and `flytecc cache` (the run cache).
#pragma once

#include <llvm/Support/raw_ostream.h>
#include <string>
#include <vector>

namespace flytecc::driver {

void printRunHelp(llvm::raw_ostream& out);
int runRunCommand(const std::vector<std::string>& args, llvm::raw_ostream& out, llvm::raw_ostream& errs);
int runCacheCommand(const std::vector<std::string>& args, llvm::raw_ostream& out, llvm::raw_ostream& errs);

}  // namespace flytecc::driver
