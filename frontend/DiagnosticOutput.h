// Diagnostics output after the analysis: SARIF logs and clang-apply-replacements YAML, from the
// diagnostics a DiagnosticRecorder kept.
#pragma once

#include <llvm/Support/raw_ostream.h>
#include <string>
#include <vector>

#include "frontend/DiagnosticRecorder.h"

namespace flytecc::frontend {

struct SarifOptions {
  // Files under this directory get URIs relative to `%SRCROOT%` (originalUriBaseIds: this directory), others
  // absolute file:// URIs. Empty: the current directory.
  std::string root;
  std::string toolVersion;  // tool.driver.version
  // Where the documentation lives (a URI, no trailing '/'): the rules' helpUri is DOCS/checks.md#CHECK and
  // the tool's informationUri DOCS/checks.md. Empty: no links.
  std::string docsUri;
};

// SARIF 2.1.0: one run, a rule per check (with its description and help), results with locations, related
// locations (notes) and fixes. URIs are percent-encoded; columns are UTF-16 code units.
void writeSarif(const std::vector<RecordedDiagnostic>& diags, const SarifOptions& options, llvm::raw_ostream& out);

// RFC 3986 percent-encoding of a path for a URI: every byte but letters, digits, '-', '.', '_', '~' and '/'.
std::string percentEncodePath(llvm::StringRef path);

// clang-apply-replacements YAML (tooling::TranslationUnitDiagnostics) of the diagnostics that carry fixes.
void writeFixesYaml(const std::vector<RecordedDiagnostic>& diags, const std::string& mainFile, llvm::raw_ostream& out);

}  // namespace flytecc::frontend
