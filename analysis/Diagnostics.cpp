#include "analysis/Diagnostics.h"

namespace flytecc::analysis {

std::string_view checkName(DiagKind kind) {
  switch (kind) {
#define FLYTE_DIAG(Kind, Level, Name, Text) \
  case DiagKind::Kind: return Name;
#include "analysis/Diagnostics.def"
#undef FLYTE_DIAG
  }
  return "";
}

clang::DiagnosticBuilder report(clang::DiagnosticsEngine& diags, clang::SourceLocation loc, DiagKind kind) {
  unsigned id = 0;
  switch (kind) {
#define FLYTE_DIAG(Kind, Level, Name, Text)                                                    \
  case DiagKind::Kind:                                                                         \
    id = diags.getCustomDiagID(clang::DiagnosticsEngine::Level, Text " [" Name "]");          \
    break;
#include "analysis/Diagnostics.def"
#undef FLYTE_DIAG
  }
  return diags.Report(loc, id);
}

}  // namespace flytecc::analysis
