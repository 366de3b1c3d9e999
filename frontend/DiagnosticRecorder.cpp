#include "frontend/DiagnosticRecorder.h"

#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>
#include <clang/Tooling/Core/Replacement.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <optional>

#include "support/Files.h"

namespace flytecc::frontend {
using namespace clang;
using support::absolutePath;

static RecordedLocation resolve(const SourceManager& sm, SourceLocation begin, SourceLocation end) {
  RecordedLocation out;
  if (begin.isInvalid()) return out;
  SourceLocation b = sm.getFileLoc(begin);
  PresumedLoc p = sm.getPresumedLoc(b);
  if (p.isInvalid()) return out;
  out.file = absolutePath(p.getFilename());
  out.line = p.getLine();
  out.column = p.getColumn();
  out.offset = sm.getFileOffset(b);
  out.endLine = out.line;
  out.endColumn = out.column;
  if (end.isValid()) {
    PresumedLoc e = sm.getPresumedLoc(sm.getFileLoc(end));
    if (e.isValid() && e.getFilename() == std::string_view(p.getFilename())) {
      out.endLine = e.getLine();
      out.endColumn = e.getColumn();
    }
  }
  return out;
}

void DiagnosticRecorder::BeginSourceFile(const LangOptions& lo, const Preprocessor* pp) {
  langOpts_ = lo;
  if (next_) next_->BeginSourceFile(lo, pp);
}
void DiagnosticRecorder::EndSourceFile() {
  if (next_) next_->EndSourceFile();
}
void DiagnosticRecorder::finish() {
  if (next_) next_->finish();
}

void DiagnosticRecorder::HandleDiagnostic(DiagnosticsEngine::Level level, const Diagnostic& info) {
  DiagnosticConsumer::HandleDiagnostic(level, info);
  if (next_) next_->HandleDiagnostic(level, info);
  if (level == DiagnosticsEngine::Ignored || level == DiagnosticsEngine::Remark) return;
  if (level >= DiagnosticsEngine::Error) ++errors_;

  RecordedDiagnostic d;
  d.level = level == DiagnosticsEngine::Note      ? RecordedDiagnostic::Level::Note
            : level == DiagnosticsEngine::Warning ? RecordedDiagnostic::Level::Warning
                                                  : RecordedDiagnostic::Level::Error;
  llvm::SmallString<256> text;
  info.FormatDiagnostic(text);
  d.message = std::string(text);
  std::optional<analysis::DiagKind> kind;
  if (checks_ && info.getDiags()) kind = checks_->find(info.getDiags()->getDiagnosticIDs().get(), info.getID());
  if (kind) {
    // One of ours: the check comes from the registry; the message loses the suffix the printer shows.
    d.check = std::string(analysis::diagInfo(*kind).name);
    std::string suffix = analysis::checkSuffix(*kind);
    if (!suffix.empty() && llvm::StringRef(d.message).ends_with(suffix)) d.message.resize(d.message.size() - suffix.size());
  } else if (d.level != RecordedDiagnostic::Level::Note) {
    d.check = "clang-diagnostic";
  }
  if (info.hasSourceManager()) {
    const SourceManager& sm = info.getSourceManager();
    SourceLocation end;
    if (info.getNumRanges() > 0) end = info.getRange(0).getEnd();
    d.loc = resolve(sm, info.getLocation(), end);
    for (const FixItHint& fix : info.getFixItHints()) {
      if (fix.RemoveRange.isInvalid()) continue;
      tooling::Replacement r(sm, fix.RemoveRange, fix.CodeToInsert, langOpts_);  // C++ lexing: "x"_a is one token
      d.fixes.push_back({absolutePath(r.getFilePath()), r.getOffset(), r.getLength(), r.getReplacementText().str()});
    }
  }
  if (d.level == RecordedDiagnostic::Level::Note) {
    if (!diags_.empty()) diags_.back().notes.push_back(std::move(d));
    return;
  }
  diags_.push_back(std::move(d));
}

}  // namespace flytecc::frontend
