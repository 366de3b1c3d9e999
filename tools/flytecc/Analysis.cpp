// What the analysing subcommands (compile, check, package) share.
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Process.h>

#include "frontend/DiagnosticOutput.h"
#include "support/Files.h"
#include "tools/flytecc/Subcommands.h"

#ifndef FLYTECC_VERSION
#define FLYTECC_VERSION "0.0.0"
#endif
#ifndef FLYTECC_DOCS_URL
#define FLYTECC_DOCS_URL ""
#endif

namespace flytecc::driver {

void report(llvm::Error error, llvm::raw_ostream& errs) {
  llvm::handleAllErrors(std::move(error),
                        [&](const llvm::ErrorInfoBase& e) { errs << "flytecc: error: " << e.message() << "\n"; });
}

void reportError(const llvm::Twine& message, llvm::raw_ostream& errs) { errs << "flytecc: error: " << message << "\n"; }

bool readAnalysisArgs(const ParsedArgs& args, AnalysisArgs& a, llvm::raw_ostream& errs) {
  for (const auto& w : args.checkSwitches) {
    std::string error;
    if (!a.frontend.switches.parse(w, &error)) {
      reportError(error + " (see flytecc check --list-checks)", errs);
      return false;
    }
  }
  if (const std::string* format = args.value("--format")) {
    if (*format == "sarif") {
      a.sarif = true;
    } else if (*format != "text") {
      reportError("unknown --format '" + *format + "' (expected text or sarif)", errs);
      return false;
    }
  }
  if (const std::string* root = args.value("--sarif-root")) {
    if (!llvm::sys::fs::is_directory(*root)) {
      reportError("--sarif-root '" + *root + "' is not a directory", errs);
      return false;
    }
    a.sarifRoot = *root;
  }
  if (const std::string* fixes = args.value("--export-fixes")) a.exportFixes = *fixes;
  if (const std::string* p = args.value("-p")) a.frontend.buildDir = *p;
  a.frontend.haveFlags = args.haveDashDash;
  a.frontend.compilerFlags = args.afterDashDash;
  a.frontend.sources = args.positionals;
  if (a.frontend.sources.empty()) {
    reportError("no input files", errs);
    return false;
  }
  return true;
}

frontend::FrontendResult analyze(const frontend::FrontendOptions& options, llvm::raw_ostream& errs) {
  clang::DiagnosticOptions diagOpts;
  diagOpts.ShowColors = llvm::sys::Process::StandardErrHasColors();
  clang::TextDiagnosticPrinter printer(errs, diagOpts);
  auto result = frontend::runFrontend(options, &printer);
  if (!result) {
    report(result.takeError(), errs);
    return {};
  }
  return std::move(*result);
}

bool writeReports(const AnalysisArgs& a, const frontend::FrontendResult& r, llvm::raw_ostream& out,
                  llvm::raw_ostream& errs) {
  if (a.sarif) frontend::writeSarif(r.diagnostics, {a.sarifRoot, FLYTECC_VERSION, FLYTECC_DOCS_URL}, out);
  if (!a.exportFixes.empty()) {
    std::string text;
    llvm::raw_string_ostream yaml(text);
    frontend::writeFixesYaml(r.diagnostics, a.frontend.sources.front(), yaml);
    if (auto error = support::writeFile(a.exportFixes, text)) {
      report(std::move(error), errs);
      return false;
    }
  }
  return true;
}

}  // namespace flytecc::driver
