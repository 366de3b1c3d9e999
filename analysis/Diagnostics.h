// The diagnostic registry (Diagnostics.def) and the Reporter the checks talk to. A Reporter hands out
// clang::DiagnosticBuilders, so checks stream arguments, ranges and FixItHints the same way whether
// they run inside flytecc (DiagnosticsEngine) or inside clang-tidy (ClangTidyCheck::diag).
#pragma once

#include <clang/Basic/Diagnostic.h>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace flytecc::analysis {

enum class DiagKind {
#define FLYTE_DIAG(Kind, Level, Name, Text) Kind,
#define FLYTE_NOTE(Kind, Text) Kind,
#include "analysis/Diagnostics.def"
};

enum class DiagLevel { Note, Warning, Error };

struct DiagInfo {
  std::string_view name;  // check name, e.g. "flyte-map-binding-type"; empty for notes
  DiagLevel level;
  std::string_view text;  // DiagnosticsEngine format, %0..%N
};

const DiagInfo& diagInfo(DiagKind kind);
// Every check name, in registry order.
std::vector<std::string_view> checkNames();

class Reporter {
 public:
  virtual ~Reporter() = default;
  // Starts a diagnostic (or a note attached to the last one) at `loc`.
  virtual clang::DiagnosticBuilder report(clang::SourceLocation loc, DiagKind kind) = 0;
};

// -W switches: -Werror, -Wno-NAME, -Werror=NAME.
struct CheckSwitches {
  bool warningsAsErrors = false;
  std::set<std::string> disabled;
  std::set<std::string> errors;
  // Parses one -W... argument; false when it names no check or form flytecc knows.
  bool parse(std::string_view arg, std::string* error);
};

// Reports through a DiagnosticsEngine, appending " [check-name]" to the message.
class EngineReporter : public Reporter {
 public:
  EngineReporter(clang::DiagnosticsEngine& diags, CheckSwitches switches = {});
  clang::DiagnosticBuilder report(clang::SourceLocation loc, DiagKind kind) override;

 private:
  unsigned idFor(DiagKind kind);
  clang::DiagnosticsEngine& diags_;
  CheckSwitches switches_;
  std::map<DiagKind, unsigned> ids_;
};

}  // namespace flytecc::analysis
