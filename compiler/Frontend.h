// The Clang front door: parses the sources with LibTooling and lowers every TU to one IR Module.
#pragma once

#include <llvm/Support/raw_ostream.h>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analysis/Diagnostics.h"
#include "compiler/DiagnosticRecorder.h"
#include "ir/Module.h"

namespace flytecc::compiler {

struct FrontendOptions {
  std::vector<std::string> sources;
  std::string buildDir;                    // -p: where compile_commands.json is
  std::vector<std::string> compilerFlags;  // after `--`
  bool haveFlags = false;                  // `--` was given (even with no flags)
  analysis::CheckSwitches switches;        // -Werror, -Wno-CHECK, ...
};

struct FrontendResult {
  std::optional<ir::Module> module;  // set when no error was reported
  std::vector<RecordedDiagnostic> diagnostics;
  std::set<std::string> dependencies;  // every file the sources read (for build-system depfiles)
};

// Parses and analyzes the sources, printing diagnostics to `errs` as clang does. The module (of all
// tasks, map tasks and workflows, verified) is set only when no error was reported; the recorded
// diagnostics are there either way.
FrontendResult runFrontend(const FrontendOptions& options, llvm::raw_ostream& errs);

// Clang's resource directory for the libclang-cpp this tool runs with (found at run time).
std::string clangResourceDir();

}  // namespace flytecc::compiler
