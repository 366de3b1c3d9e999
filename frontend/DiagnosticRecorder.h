// Keeps every diagnostic (with notes, ranges and fix-its resolved to files and offsets) while the
// text printer shows it, so that SARIF logs and clang-apply-replacements YAML can be written after
// the translation units are gone.
#pragma once

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/LangOptions.h>
#include <llvm/Support/raw_ostream.h>
#include <string>
#include <vector>

#include "analysis/Diagnostics.h"

namespace flytecc::frontend {

// A region of a file. Lines are 1-based; columns are 1-based in UTF-16 code units (SARIF's default
// columnKind), and the end column is the one just after the region's last character, so a one-token
// region `abc` at column 5 is 5..8. The region never ends before it starts: ranges through macros are
// taken where they are written (a macro argument) or where the macro is expanded, both ends alike.
struct RecordedLocation {
  std::string file;  // absolute path; empty when the diagnostic has no location
  unsigned line = 0, column = 0, endLine = 0, endColumn = 0;
  unsigned offset = 0;  // byte offset of the diagnostic's own location (its caret)
};

struct RecordedFix {
  std::string file;
  unsigned offset = 0, length = 0;  // bytes
  std::string text;
  unsigned line = 0, column = 0, endLine = 0, endColumn = 0;  // the replaced bytes, as in RecordedLocation
};

struct RecordedDiagnostic {
  enum class Level { Note, Warning, Error };
  Level level = Level::Error;
  std::string check;    // e.g. flyte-unknown-parameter; "clang-diagnostic" for the compiler's own
  std::string message;  // without the trailing [check]
  RecordedLocation loc;
  std::vector<RecordedFix> fixes;
  std::vector<RecordedDiagnostic> notes;
};

class DiagnosticRecorder : public clang::DiagnosticConsumer {
 public:
  // `next` prints (may be null); the recorder forwards every call to it. `checks` tells which diagnostics
  // are flytecc's and of which check (without it, every warning and error is a "clang-diagnostic").
  explicit DiagnosticRecorder(clang::DiagnosticConsumer* next, const analysis::CheckRegistry* checks = nullptr)
      : next_(next), checks_(checks) {}
  void BeginSourceFile(const clang::LangOptions& lo, const clang::Preprocessor* pp) override;
  void EndSourceFile() override;
  void finish() override;
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic& info) override;

  const std::vector<RecordedDiagnostic>& diagnostics() const { return diags_; }
  unsigned errors() const { return errors_; }

 private:
  clang::DiagnosticConsumer* next_;
  const analysis::CheckRegistry* checks_;
  clang::LangOptions langOpts_;
  std::vector<RecordedDiagnostic> diags_;
  unsigned errors_ = 0;
};

}  // namespace flytecc::frontend
