// The `flytecc` command line: subcommands, options and exit codes.
#pragma once

#include <llvm/Support/raw_ostream.h>
#include <string>
#include <vector>

namespace flytecc::driver {

// Runs `flytecc ARGS...` (args exclude the program name); returns the process exit code.
int runDriver(const std::vector<std::string>& args, llvm::raw_ostream& out, llvm::raw_ostream& errs);

}  // namespace flytecc::driver
