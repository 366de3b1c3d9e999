// The diagnostic registry (Diagnostics.def) on top of Clang's DiagnosticsEngine.
#pragma once

#include <clang/Basic/Diagnostic.h>
#include <string_view>

namespace flytecc::analysis {

enum class DiagKind {
#define FLYTE_DIAG(Kind, Level, Name, Text) Kind,
#include "analysis/Diagnostics.def"
#undef FLYTE_DIAG
};

// The stable check name, e.g. "flyte-unsupported-type".
std::string_view checkName(DiagKind kind);

// Starts a diagnostic of `kind` at `loc`; stream the %N arguments into the result.
clang::DiagnosticBuilder report(clang::DiagnosticsEngine& diags, clang::SourceLocation loc, DiagKind kind);

}  // namespace flytecc::analysis
