// `flytecc run` (execute a workflow's emitted flyteidl locally) and `flytecc cache` (the run cache).
#pragma once

#include <llvm/Support/raw_ostream.h>

#include "tools/flytecc/Options.h"

namespace flytecc::driver {

// Their options are in the table of tools/flytecc/Options.cpp, like every subcommand's.
int runRunCommand(const ParsedArgs& args, llvm::raw_ostream& out, llvm::raw_ostream& errs);
int runCacheCommand(const ParsedArgs& args, llvm::raw_ostream& out, llvm::raw_ostream& errs);

}  // namespace flytecc::driver
