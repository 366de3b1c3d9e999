#include "frontend/DiagnosticOutput.h"

#include <clang/Tooling/Core/Diagnostic.h>
#include <clang/Tooling/DiagnosticsYaml.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <map>

#include "support/Files.h"

namespace flytecc::frontend {
using namespace clang;
using support::absolutePath;

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

}  // namespace flytecc::frontend
