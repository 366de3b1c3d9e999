#include "frontend/DiagnosticOutput.h"

#include <clang/Tooling/Core/Diagnostic.h>
#include <clang/Tooling/DiagnosticsYaml.h>
#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <map>

#include "analysis/Diagnostics.h"
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

std::string percentEncodePath(llvm::StringRef path) {
  std::string out;
  for (unsigned char ch : path) {
    if (llvm::isAlnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~' || ch == '/')
      out += static_cast<char>(ch);
    else
      out += {'%', llvm::hexdigit(ch >> 4), llvm::hexdigit(ch & 15)};
  }
  return out;
}

namespace {
// artifactLocation objects: relative to %SRCROOT% under the root, absolute file:// URIs elsewhere.
class Artifacts {
 public:
  explicit Artifacts(const std::string& root) {
    root_ = absolutePath(root.empty() ? "." : root);
    if (!llvm::StringRef(root_).ends_with("/")) root_ += "/";
  }
  llvm::json::Object location(const std::string& file) const {
    llvm::StringRef f = file;
    if (f.starts_with(root_) && f.size() > root_.size())
      return llvm::json::Object{{"uri", percentEncodePath(f.drop_front(root_.size()))}, {"uriBaseId", "%SRCROOT%"}};
    return llvm::json::Object{{"uri", "file://" + percentEncodePath(f)}};
  }
  llvm::json::Object baseIds() const {
    return llvm::json::Object{
        {"%SRCROOT%", llvm::json::Object{{"uri", "file://" + percentEncodePath(root_)},
                                         {"description", llvm::json::Object{{"text", "The source root (--sarif-root)"}}}}}};
  }

 private:
  std::string root_;
};
}  // namespace

static llvm::json::Object region(unsigned line, unsigned column, unsigned endLine, unsigned endColumn) {
  return llvm::json::Object{{"startLine", line}, {"startColumn", column}, {"endLine", endLine}, {"endColumn", endColumn}};
}

static llvm::json::Object physicalLocation(const RecordedLocation& l, const Artifacts& artifacts) {
  return llvm::json::Object{{"artifactLocation", artifacts.location(l.file)},
                            {"region", region(l.line, l.column, l.endLine, l.endColumn)}};
}

static llvm::json::Object rule(const std::string& id, const SarifOptions& options) {
  std::string summary, description;
  if (id == "clang-diagnostic") {
    summary = "A Clang compiler diagnostic.";
    description = "The C++ compiler's own error or warning (flytecc parses the sources with Clang first).";
  } else if (const analysis::CheckDoc* doc = analysis::checkDoc(id)) {
    summary = std::string(doc->summary);
    description = std::string(doc->description);
  } else {
    summary = description = "flytecc check " + id + ".";
  }
  llvm::json::Object r{{"id", id},
                       {"name", id},
                       {"shortDescription", llvm::json::Object{{"text", summary}}},
                       {"fullDescription", llvm::json::Object{{"text", description}}}};
  std::string text = description, markdown = "**" + summary + "**\n\n" + description;
  if (!options.docsUri.empty() && id != "clang-diagnostic") {
    std::string uri = options.docsUri + "/checks.md#" + id;
    r["helpUri"] = uri;
    text += "\n\nSee " + uri;
    markdown += "\n\nSee [`" + id + "` in flytecc's checks](" + uri + ").";
  }
  r["help"] = llvm::json::Object{{"text", text}, {"markdown", markdown}};
  return r;
}

void writeSarif(const std::vector<RecordedDiagnostic>& diags, const SarifOptions& options, llvm::raw_ostream& out) {
  Artifacts artifacts(options.root);
  // Every check, whether it fired or not (code scanning shows the rules), then what else fired.
  std::vector<std::string> ruleIds;
  std::map<std::string, size_t> ruleIndex;
  auto addRule = [&](const std::string& id) {
    if (ruleIndex.count(id)) return;
    ruleIndex[id] = ruleIds.size();
    ruleIds.push_back(id);
  };
  for (std::string_view name : analysis::checkNames()) addRule(std::string(name));
  addRule("clang-diagnostic");
  for (const auto& d : diags) addRule(d.check);
  llvm::json::Array rules;
  for (const auto& id : ruleIds) rules.push_back(rule(id, options));

  llvm::json::Array results;
  for (const auto& d : diags) {
    llvm::json::Object result{{"ruleId", d.check},
                              {"ruleIndex", static_cast<int64_t>(ruleIndex[d.check])},
                              {"level", sarifLevel(d.level)},
                              {"message", llvm::json::Object{{"text", d.message}}}};
    if (!d.loc.file.empty())
      result["locations"] =
          llvm::json::Array{llvm::json::Object{{"physicalLocation", physicalLocation(d.loc, artifacts)}}};
    llvm::json::Array related;
    int64_t id = 0;
    for (const auto& n : d.notes) {
      if (n.loc.file.empty()) continue;
      related.push_back(llvm::json::Object{{"id", id++},
                                           {"physicalLocation", physicalLocation(n.loc, artifacts)},
                                           {"message", llvm::json::Object{{"text", n.message}}}});
    }
    if (!related.empty()) result["relatedLocations"] = std::move(related);
    // Fixes: the replaced bytes, as lines and columns and as a byte range.
    std::vector<RecordedFix> fixes = d.fixes;
    for (const auto& n : d.notes) fixes.insert(fixes.end(), n.fixes.begin(), n.fixes.end());
    if (!fixes.empty()) {
      llvm::json::Array changes;
      for (const auto& f : fixes) {
        llvm::json::Object deleted{{"byteOffset", static_cast<int64_t>(f.offset)},
                                   {"byteLength", static_cast<int64_t>(f.length)}};
        if (f.line > 0) {
          for (auto& [k, v] : region(f.line, f.column, f.endLine, f.endColumn)) deleted[k] = std::move(v);
        }
        changes.push_back(llvm::json::Object{
            {"artifactLocation", artifacts.location(f.file)},
            {"replacements", llvm::json::Array{llvm::json::Object{
                                 {"deletedRegion", std::move(deleted)},
                                 {"insertedContent", llvm::json::Object{{"text", f.text}}}}}}});
      }
      result["fixes"] = llvm::json::Array{llvm::json::Object{
          {"description", llvm::json::Object{{"text", d.message}}}, {"artifactChanges", std::move(changes)}}};
    }
    results.push_back(std::move(result));
  }
  llvm::json::Object driver{{"name", "flytecc"}, {"rules", std::move(rules)}};
  if (!options.toolVersion.empty()) {
    driver["version"] = options.toolVersion;
    driver["semanticVersion"] = options.toolVersion;
  }
  if (!options.docsUri.empty()) driver["informationUri"] = options.docsUri + "/checks.md";
  llvm::json::Object log{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{llvm::json::Object{{"tool", llvm::json::Object{{"driver", std::move(driver)}}},
                                                    {"originalUriBaseIds", artifacts.baseIds()},
                                                    {"columnKind", "utf16CodeUnits"},
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
