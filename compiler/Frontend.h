// The Clang front door: parses the sources with LibTooling and lowers every TU to one IR Module.
#pragma once

#include <llvm/Support/raw_ostream.h>
#include <optional>
#include <string>
#include <vector>

#include "ir/Module.h"

namespace flytecc::compiler {

struct FrontendOptions {
  std::vector<std::string> sources;
  std::string buildDir;                    // -p: where compile_commands.json is
  std::vector<std::string> compilerFlags;  // after `--`
  bool haveFlags = false;                  // `--` was given (even with no flags)
};

// The module of all tasks, map tasks and workflows, or nullopt after an error (already reported on
// `errs`, with locations). The returned module has passed the IR verifier.
std::optional<ir::Module> runFrontend(const FrontendOptions& options, llvm::raw_ostream& errs);

// Clang's resource directory for the libclang-cpp this tool runs with (found at run time).
std::string clangResourceDir();

}  // namespace flytecc::compiler
