#include "compiler/DiagnosticRecorder.h"

#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>
#include <clang/Tooling/Core/Diagnostic.h>
#include <clang/Tooling/DiagnosticsYaml.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/Path.h>
#include <map>

namespace flytecc::compiler {
using namespace clang;

static std::string absolutePath(llvm::StringRef path) {
  llvm::SmallString<256> p(path);
  llvm::sys::fs::make_absolute(p);
  llvm::sys::path::remove_dots(p, true);
  return std::string(p);
}

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
  if (auto open = d.message.rfind(" [flyte-"); open != std::string::npos && d.message.back() == ']') {
    d.check = d.message.substr(open + 2, d.message.size() - open - 3);
    d.message.resize(open);
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

static const char* sarifLevel(RecordedDiagnostic::Level l) {
  switch (l) {
    case RecordedDiagnostic::Level::Note: return "note";
    case RecordedDiagnostic::Level::Warning: return "warning";
    case RecordedDiagnostic::Level::Error: return "error";
  }
  return "none";
}

static std::string fileUri(const std::string& path) { return "file://" + path; }

static llvm::json::Object physicalLocation(const RecordedLocation& l) {
  return llvm::json::Object{
      {"artifactLocation", llvm::json::Object{{"uri", fileUri(l.file)}}},
      {"region", llvm::json::Object{{"startLine", l.line},
                                    {"startColumn", l.column},
                                    {"endLine", l.endLine},
                                    {"endColumn", l.endColumn}}}};
}

void writeSarif(const std::vector<RecordedDiagnostic>& diags, llvm::raw_ostream& out) {
  std::vector<std::string> ruleIds;
  std::map<std::string, size_t> ruleIndex;
  for (const auto& d : diags)
    if (!ruleIndex.count(d.check)) {
      ruleIndex[d.check] = ruleIds.size();
      ruleIds.push_back(d.check);
    }
  llvm::json::Array rules;
  for (const auto& id : ruleIds)
    rules.push_back(llvm::json::Object{
        {"id", id},
        {"name", id},
        {"shortDescription", llvm::json::Object{{"text", id == "clang-diagnostic" ? "Clang compiler diagnostic"
                                                                                  : "flytecc check " + id}}}});
  llvm::json::Array results;
  for (const auto& d : diags) {
    llvm::json::Object result{{"ruleId", d.check},
                              {"ruleIndex", static_cast<int64_t>(ruleIndex[d.check])},
                              {"level", sarifLevel(d.level)},
                              {"message", llvm::json::Object{{"text", d.message}}}};
    if (!d.loc.file.empty())
      result["locations"] = llvm::json::Array{llvm::json::Object{{"physicalLocation", physicalLocation(d.loc)}}};
    llvm::json::Array related;
    int64_t id = 0;
    for (const auto& n : d.notes) {
      if (n.loc.file.empty()) continue;
      related.push_back(llvm::json::Object{{"id", id++},
                                           {"physicalLocation", physicalLocation(n.loc)},
                                           {"message", llvm::json::Object{{"text", n.message}}}});
    }
    if (!related.empty()) result["relatedLocations"] = std::move(related);
    // Fixes: SARIF regions on replaced bytes.
    std::vector<RecordedFix> fixes = d.fixes;
    for (const auto& n : d.notes) fixes.insert(fixes.end(), n.fixes.begin(), n.fixes.end());
    if (!fixes.empty()) {
      llvm::json::Array changes;
      for (const auto& f : fixes)
        changes.push_back(llvm::json::Object{
            {"artifactLocation", llvm::json::Object{{"uri", fileUri(f.file)}}},
            {"replacements",
             llvm::json::Array{llvm::json::Object{
                 {"deletedRegion", llvm::json::Object{{"charOffset", static_cast<int64_t>(f.offset)},
                                                      {"charLength", static_cast<int64_t>(f.length)}}},
                 {"insertedContent", llvm::json::Object{{"text", f.text}}}}}}});
      result["fixes"] = llvm::json::Array{llvm::json::Object{
          {"description", llvm::json::Object{{"text", d.message}}}, {"artifactChanges", std::move(changes)}}};
    }
    results.push_back(std::move(result));
  }
  llvm::json::Object log{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{llvm::json::Object{
                   {"tool", llvm::json::Object{{"driver", llvm::json::Object{{"name", "flytecc"}, {"rules", std::move(rules)}}}}},
                   {"results", std::move(results)}}}}};
  out << llvm::formatv("{0:2}", llvm::json::Value(std::move(log))) << "\n";
}

void writeFixesYaml(const std::vector<RecordedDiagnostic>& diags, const std::string& mainFile, llvm::raw_ostream& out) {
  tooling::TranslationUnitDiagnostics tu;
  tu.MainSourceFile = absolutePath(mainFile);
  for (const auto& d : diags) {
    std::vector<RecordedFix> fixes = d.fixes;
    for (const auto& n : d.notes) fixes.insert(fixes.end(), n.fixes.begin(), n.fixes.end());
    if (fixes.empty()) continue;
    tooling::DiagnosticMessage msg;
    msg.Message = d.message;
    msg.FilePath = d.loc.file;
    msg.FileOffset = d.loc.offset;
    for (const auto& f : fixes) {
      llvm::Error err = msg.Fix[f.file].add(tooling::Replacement(f.file, f.offset, f.length, f.text));
      if (err) llvm::consumeError(std::move(err));
    }
    tooling::Diagnostic diag(d.check, msg, {},
                             d.level == RecordedDiagnostic::Level::Error ? tooling::Diagnostic::Error
                                                                         : tooling::Diagnostic::Warning,
                             "");
    tu.Diagnostics.push_back(std::move(diag));
  }
  llvm::yaml::Output yaml(out);
  yaml << tu;
}

}  // namespace flytecc::compiler
