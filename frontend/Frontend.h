// The Clang front door: parses the sources with LibTooling and lowers every TU to one IR Module.
#pragma once

#include <clang/Basic/Diagnostic.h>
#include <llvm/Support/Error.h>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analysis/Diagnostics.h"
#include "frontend/DiagnosticRecorder.h"
#include "ir/Module.h"

namespace flytecc::frontend {

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
  // With a compilation database (-p): the flags that build the sources (include paths, macros, language and
  // code-generation options, with relative paths made absolute), merged over the sources in order, without
  // duplicates. What `flytecc run -p BUILD_DIR` compiles the task executable with.
  std::vector<std::string> buildFlags;
};

// Parses and analyzes the sources. Every diagnostic (Clang's, the analysis', the verifier's) goes to
// `consumer` (e.g. a TextDiagnosticPrinter; may be null) and is recorded in the result. The module (of
// all tasks, map tasks and workflows, verified) is set only when no error was reported. An error comes
// back only when the analysis cannot start (no compilation database, a missing source); nothing prints.
llvm::Expected<FrontendResult> runFrontend(const FrontendOptions& options, clang::DiagnosticConsumer* consumer);

// Clang's resource directory for the libclang-cpp this tool runs with (found at run time).
std::string clangResourceDir();

}  // namespace flytecc::frontend
