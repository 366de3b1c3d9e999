// Diagnostics output after the analysis: SARIF logs and clang-apply-replacements YAML, from the
// diagnostics a DiagnosticRecorder kept.
#pragma once

#include <llvm/Support/raw_ostream.h>
#include <string>
#include <vector>

#include "frontend/DiagnosticRecorder.h"

namespace flytecc::frontend {

// SARIF 2.1.0: one run, a rule per check, results with locations, related locations (notes) and fixes.
void writeSarif(const std::vector<RecordedDiagnostic>& diags, llvm::raw_ostream& out);

// clang-apply-replacements YAML (tooling::TranslationUnitDiagnostics) of the diagnostics that carry fixes.
void writeFixesYaml(const std::vector<RecordedDiagnostic>& diags, const std::string& mainFile, llvm::raw_ostream& out);

}  // namespace flytecc::frontend
