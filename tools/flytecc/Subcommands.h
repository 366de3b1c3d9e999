// The subcommands of `flytecc`, one file each, and what the analysing ones share. These are the only
// functions that print: errors from the libraries arrive as llvm::Error or diagnostics and are shown here.
#pragma once

#include <llvm/Support/Error.h>
#include <llvm/Support/raw_ostream.h>
#include <set>
#include <string>
#include <vector>

#include "frontend/Frontend.h"
#include "tools/flytecc/Options.h"

namespace flytecc::driver {

// Exit codes: 0 success, 1 the input has errors (or an output could not be written), 2 a bad command line.
int runCompile(const ParsedArgs& args, llvm::raw_ostream& out, llvm::raw_ostream& errs);
int runCheck(const ParsedArgs& args, llvm::raw_ostream& out, llvm::raw_ostream& errs);
int runPackage(const ParsedArgs& args, llvm::raw_ostream& out, llvm::raw_ostream& errs);
int runDump(const ParsedArgs& args, llvm::raw_ostream& out, llvm::raw_ostream& errs);
int runIr(const ParsedArgs& args, llvm::raw_ostream& out, llvm::raw_ostream& errs);

// Prints an error the libraries returned, once, as "flytecc: error: ...".
void report(llvm::Error error, llvm::raw_ostream& errs);
void reportError(const llvm::Twine& message, llvm::raw_ostream& errs);

// What compile, check and package share: sources, -p, -W..., --format, --export-fixes, `-- FLAGS`.
struct AnalysisArgs {
  frontend::FrontendOptions frontend;
  bool sarif = false;
  std::string sarifRoot;  // --sarif-root; empty: the current directory
  std::string exportFixes;
};
// False after reporting a bad value or a missing input file.
bool readAnalysisArgs(const ParsedArgs& args, AnalysisArgs& a, llvm::raw_ostream& errs);
// Runs the front end, printing its diagnostics to `errs` as clang does; after a setup error (reported
// here) the result has no module and no diagnostics.
frontend::FrontendResult analyze(const frontend::FrontendOptions& options, llvm::raw_ostream& errs);
// SARIF to standard output and fixes to --export-fixes, after the analysis.
bool writeReports(const AnalysisArgs& a, const frontend::FrontendResult& r, llvm::raw_ostream& out,
                  llvm::raw_ostream& errs);

// The optimizer's options (-O0/-O1/-O2, --passes, --print-*, --stats, -Rpass*) and the pipeline they select,
// run on `module` in place; printed IR goes to `out`, remarks and statistics to `errs`. False after an error.
std::vector<OptionSpec> optimizerOptions();
bool optimize(const ParsedArgs& args, ir::Module& module, llvm::raw_ostream& out, llvm::raw_ostream& errs,
              unsigned defaultLevel = 1);

// A Make-style dependency file: `target` depends on every file in `deps` (written all or nothing).
llvm::Error writeDepfile(const std::string& path, const std::string& target, const std::set<std::string>& deps);

// The message for an image that is not a container image reference (ir::isValidImageReference).
std::string imageError(const std::string& what, const std::string& image);

}  // namespace flytecc::driver
