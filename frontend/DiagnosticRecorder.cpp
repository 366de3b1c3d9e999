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

// Line (as presumed: #line applies) and 1-based UTF-16 column of a file location.
static void position(const SourceManager& sm, SourceLocation l, unsigned& line, unsigned& column) {
  PresumedLoc p = sm.getPresumedLoc(l);
  line = p.isValid() ? p.getLine() : 0;
  column = p.isValid() ? p.getColumn() : 0;
  auto [fid, offset] = sm.getDecomposedLoc(l);
  bool invalid = false;
  llvm::StringRef buffer = sm.getBufferData(fid, &invalid);
  if (invalid || offset > buffer.size()) return;
  size_t newline = buffer.substr(0, offset).rfind('\n');
  size_t lineStart = newline == llvm::StringRef::npos ? 0 : newline + 1;
  unsigned units = 0;
  for (unsigned char ch : buffer.substr(lineStart, offset - lineStart))
    if ((ch & 0xC0) != 0x80) units += ch >= 0xF0 ? 2 : 1;  // a UTF-8 lead byte; 4-byte sequences are surrogate pairs
  column = units + 1;
}

// The end of the token at a file location (the location itself when no token starts there).
static SourceLocation endOfToken(const SourceManager& sm, const LangOptions& lo, SourceLocation l) {
  SourceLocation e = Lexer::getLocForEndOfToken(l, 0, sm, lo);
  return e.isValid() ? e : l;
}

// The diagnostic's region: its first range as a file character range, or else the token at its location.
static RecordedLocation resolve(const SourceManager& sm, const LangOptions& lo, SourceLocation caret,
                                CharSourceRange range) {
  RecordedLocation out;
  if (caret.isInvalid() && range.isValid()) caret = range.getBegin();
  if (caret.isInvalid()) return out;
  SourceLocation c = sm.getFileLoc(caret);
  PresumedLoc p = sm.getPresumedLoc(c);
  if (p.isInvalid()) return out;
  out.file = absolutePath(p.getFilename());
  out.offset = sm.getFileOffset(c);
  SourceLocation begin, end;
  if (range.isValid()) {
    // Both ends in the same macro argument: where it is written; otherwise where the macro is expanded
    // (both ends: mixing spelling and expansion locations gives regions that end before they start).
    CharSourceRange r = Lexer::makeFileCharRange(range, sm, lo);
    if (r.isInvalid()) {
      CharSourceRange x = sm.getExpansionRange(range);
      r = CharSourceRange::getCharRange(
          sm.getFileLoc(x.getBegin()),
          x.isTokenRange() ? endOfToken(sm, lo, sm.getFileLoc(x.getEnd())) : sm.getFileLoc(x.getEnd()));
    }
    auto [bFile, bOffset] = sm.getDecomposedLoc(r.getBegin());
    auto [eFile, eOffset] = sm.getDecomposedLoc(r.getEnd());
    if (r.getBegin().isFileID() && r.getEnd().isFileID() && bFile == eFile && bFile == sm.getFileID(c) &&
        bOffset <= eOffset) {
      begin = r.getBegin();
      end = r.getEnd();
    }
  }
  if (begin.isInvalid()) {
    begin = c;
    end = endOfToken(sm, lo, c);
  }
  position(sm, begin, out.line, out.column);
  position(sm, end, out.endLine, out.endColumn);
  if (out.endLine < out.line || (out.endLine == out.line && out.endColumn < out.column)) {  // #line in between
    out.endLine = out.line;
    out.endColumn = out.column;
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
    d.loc = resolve(sm, langOpts_, info.getLocation(), info.getNumRanges() > 0 ? info.getRange(0) : CharSourceRange());
    for (const FixItHint& fix : info.getFixItHints()) {
      if (fix.RemoveRange.isInvalid()) continue;
      tooling::Replacement r(sm, fix.RemoveRange, fix.CodeToInsert, langOpts_);  // C++ lexing: "x"_a is one token
      RecordedFix f{absolutePath(r.getFilePath()), r.getOffset(), r.getLength(), r.getReplacementText().str()};
      FileID fid = sm.getFileID(sm.getSpellingLoc(fix.RemoveRange.getBegin()));
      if (fid.isValid() && r.getOffset() + r.getLength() <= sm.getBufferData(fid).size()) {
        position(sm, sm.getComposedLoc(fid, r.getOffset()), f.line, f.column);
        position(sm, sm.getComposedLoc(fid, r.getOffset() + r.getLength()), f.endLine, f.endColumn);
      }
      d.fixes.push_back(std::move(f));
    }
  }
  if (d.level == RecordedDiagnostic::Level::Note) {
    if (!diags_.empty()) diags_.back().notes.push_back(std::move(d));
    return;
  }
  diags_.push_back(std::move(d));
}

}  // namespace flytecc::frontend
