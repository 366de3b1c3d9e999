#include "analysis/Diagnostics.h"

namespace flytecc::analysis {

static const DiagInfo kInfos[] = {
#define FLYTE_DIAG(Kind, Level, Name, Text) {Name, DiagLevel::Level, Text},
#define FLYTE_NOTE(Kind, Text) {"", DiagLevel::Note, Text},
#include "analysis/Diagnostics.def"
};

const DiagInfo& diagInfo(DiagKind kind) { return kInfos[static_cast<size_t>(kind)]; }

std::vector<std::string_view> checkNames() {
  std::vector<std::string_view> out;
  for (const auto& i : kInfos)
    if (!i.name.empty() && std::find(out.begin(), out.end(), i.name) == out.end()) out.push_back(i.name);
  return out;
}

const CheckDoc* checkDoc(std::string_view name) {
  static const CheckDoc kDocs[] = {
#define FLYTE_CHECK_DOC(Name, Summary, Description) {Name, Summary, Description},
#include "analysis/CheckDocs.def"
  };
  for (const auto& d : kDocs)
    if (d.name == name) return &d;
  return nullptr;
}

bool CheckSwitches::parse(std::string_view arg, std::string* error) {
  auto known = [](std::string_view n) {
    auto names = checkNames();
    return std::find(names.begin(), names.end(), n) != names.end();
  };
  auto fail = [&](const std::string& why) {
    if (error) *error = why;
    return false;
  };
  if (arg == "-Werror") return warningsAsErrors = true;
  if (arg.substr(0, 8) == "-Werror=") {
    std::string_view n = arg.substr(8);
    if (!known(n)) return fail("unknown check '" + std::string(n) + "' in " + std::string(arg));
    errors.insert(std::string(n));
    return true;
  }
  if (arg.substr(0, 5) == "-Wno-") {
    std::string_view n = arg.substr(5);
    if (!known(n)) return fail("unknown check '" + std::string(n) + "' in " + std::string(arg));
    // An error means the output would be wrong: only warnings can be switched off.
    bool warning = false;
    for (const auto& i : kInfos) warning |= i.name == n && i.level == DiagLevel::Warning;
    if (!warning) return fail("'" + std::string(n) + "' reports errors, which cannot be disabled (" + std::string(arg) + ")");
    disabled.insert(std::string(n));
    return true;
  }
  if (arg.substr(0, 2) == "-W") {
    std::string_view n = arg.substr(2);
    if (!known(n)) return fail("unknown check '" + std::string(n) + "' in " + std::string(arg));
    disabled.erase(std::string(n));
    return true;
  }
  return fail("not a -W option: " + std::string(arg));
}

void CheckRegistry::add(const clang::DiagnosticIDs* ids, unsigned id, DiagKind kind) {
  auto& e = entries_.try_emplace({ids, id}, Entry{kind, 0}).first->second;
  e.kind = kind;
  ++e.users;
}

void CheckRegistry::remove(const clang::DiagnosticIDs* ids, unsigned id) {
  auto it = entries_.find({ids, id});
  if (it != entries_.end() && --it->second.users == 0) entries_.erase(it);
}

std::optional<DiagKind> CheckRegistry::find(const clang::DiagnosticIDs* ids, unsigned id) const {
  auto it = entries_.find({ids, id});
  if (it == entries_.end()) return std::nullopt;
  return it->second.kind;
}

std::string checkSuffix(DiagKind kind) {
  const DiagInfo& info = diagInfo(kind);
  return info.name.empty() ? "" : " [" + std::string(info.name) + "]";
}

EngineReporter::EngineReporter(clang::DiagnosticsEngine& diags, CheckSwitches switches, CheckRegistry* registry)
    : diags_(diags), switches_(std::move(switches)), registry_(registry) {}

EngineReporter::~EngineReporter() {
  if (!registry_) return;
  for (const auto& [kind, id] : ids_) registry_->remove(diags_.getDiagnosticIDs().get(), id);
}

// The switches are applied by the IDs themselves (a warning made an error gets an error ID) and by where a disabled
// check reports, not by severity mappings: `#pragma clang diagnostic` (the SDK's FLYTE_TASK has one) gives the
// source its own diagnostic states, and a mapping set after parsing would not reach the regions they cover.
unsigned EngineReporter::idFor(DiagKind kind) {
  auto it = ids_.find(kind);
  if (it != ids_.end()) return it->second;
  const DiagInfo& info = diagInfo(kind);
  std::string name(info.name);
  bool disabled = !name.empty() && switches_.disabled.count(name);
  bool upgrade = !name.empty() && !disabled && info.level == DiagLevel::Warning &&
                 (switches_.warningsAsErrors || switches_.errors.count(name));
  unsigned id = 0;
  switch (kind) {
#define FLYTE_DIAG(Kind, Level, Name, Text)                                                                        \
  case DiagKind::Kind:                                                                                             \
    id = diags_.getCustomDiagID(upgrade ? clang::DiagnosticsEngine::Error : clang::DiagnosticsEngine::Level, \
                                Text " [" Name "]");                                                               \
    break;
#define FLYTE_NOTE(Kind, Text) \
  case DiagKind::Kind: id = diags_.getCustomDiagID(clang::DiagnosticsEngine::Note, Text); break;
#include "analysis/Diagnostics.def"
  }
  if (disabled) {
    diags_.setSeverity(id, clang::diag::Severity::Ignored, {});  // reported at no location: see report()
    disabled_.insert(id);
  }
  ids_[kind] = id;
  if (registry_) registry_->add(diags_.getDiagnosticIDs().get(), id, kind);
  return id;
}

clang::DiagnosticBuilder EngineReporter::report(clang::SourceLocation loc, DiagKind kind) {
  unsigned id = idFor(kind);
  // A disabled check reports where its Ignored mapping holds (the current state); its notes follow it out.
  return diags_.Report(disabled_.count(id) ? clang::SourceLocation() : loc, id);
}

}  // namespace flytecc::analysis
