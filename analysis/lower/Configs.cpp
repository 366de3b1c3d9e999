// Configs: the constant fields of TaskConfig, TaskMetadata and Resources, read with the checks of their values.
#include "analysis/lower/Context.h"

#include <algorithm>
#include <clang/Basic/SourceManager.h>
#include <llvm/Support/Regex.h>

#include "analysis/Constants.h"
#include "ir/Rules.h"

namespace flytecc::analysis::lower {

void TULowering::notConstant(const Expr* e, llvm::StringRef field) {
  rep_.report(e->getBeginLoc(), DiagKind::ConfigNotConstant) << ("'" + field.str() + "'") << e->getSourceRange();
  noteStringNotEvaluated(e);
}

void TULowering::noteStringNotEvaluated(const Expr* e) {
  std::function<bool(const Stmt*, int)> visit = [&](const Stmt* s, int depth) {
    if (!s || depth > 8) return false;
    if (auto* x = dyn_cast<Expr>(s))
      if (auto why = whyStringNotConstant(x, ctx_)) {
        rep_.report(x->getBeginLoc(), DiagKind::StringNotEvaluated) << *why << x->getSourceRange();
        return true;
      }
    for (const Stmt* c : s->children())
      if (visit(c, depth + 1)) return true;
    return false;
  };
  visit(e, 0);
}

std::string TULowering::readString(const Expr* e, llvm::StringRef field) {
  bool isNull = false;
  auto s = evalString(e, ctx_, &isNull);
  if (!s) notConstant(e, field);
  return s.value_or("");
}

std::optional<std::string> TULowering::readName(const Expr* e, llvm::StringRef field) {
  auto s = evalString(e, ctx_);
  if (!s) notConstant(e, field);
  return s;
}

bool TULowering::readBool(const Expr* e, llvm::StringRef field) {
  auto v = evalBool(optionalPayload(e), ctx_);
  if (!v) notConstant(e, field);
  return v.value_or(false);
}

std::int64_t TULowering::readSeconds(const Expr* e, llvm::StringRef field) {
  auto v = evalDurationNanos(unwrap(optionalPayload(e)), ctx_);
  if (!v) v = evalDurationNanos(optionalPayload(e), ctx_);
  if (!v) {
    if (auto why = outOfRange(unwrap(optionalPayload(e)), ctx_))
      rep_.report(e->getBeginLoc(), DiagKind::ValueOutOfRange) << ("'" + field.str() + "'") << *why << e->getSourceRange();
    else
      notConstant(e, field);
  }
  return v.value_or(0) / 1000000000;
}

// A Kubernetes resource.Quantity: a decimal number with an optional binary, decimal or exponent suffix.
std::string TULowering::readQuantity(const Expr* init, llvm::StringRef path) {
  std::string q = readString(init, path);
  static const llvm::Regex quantity("^[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$");
  if (!q.empty() && !quantity.match(q))
    rep_.report(init->getBeginLoc(), DiagKind::BadQuantity) << q << init->getSourceRange();
  return q;
}

void TULowering::readResources(const Expr* e, ir::Resources& r, llvm::StringRef field,
                               std::map<std::string, const Expr*>* at) {
  forEachSetField(e, [&](llvm::StringRef f, const Expr* init) {
    std::string path = (field + "." + f).str();
    if (at) (*at)[f.str()] = init;
    if (f == "cpu")
      r.cpu = readQuantity(init, path);
    else if (f == "mem")
      r.mem = readQuantity(init, path);
    else if (f == "gpu")
      r.gpu = readQuantity(init, path);
    else if (f == "ephemeral_storage")
      r.ephemeralStorage = readQuantity(init, path);
  });
}

// `.secret_requests = {{.group = "db", .key = "password"}, ...}`: the entries given, in order.
void TULowering::readSecrets(const Expr* e, std::vector<ir::Secret>& out) {
  const InitListExpr* list = initList(e);
  if (!list) return;
  for (const Expr* item : list->inits()) {
    if (isa<ImplicitValueInitExpr>(item)) continue;
    ir::Secret s;
    forEachSetField(item, [&](llvm::StringRef f, const Expr* init) {
      std::string path = ("secret_requests." + f).str();
      if (f == "group")
        s.group = readString(init, path);
      else if (f == "key")
        s.key = readString(init, path);
      else if (f == "env_var")
        s.envVar = readString(init, path);
      else if (f == "mount_requirement") {
        auto v = evalInt(init, ctx_);
        if (!v) return notConstant(init, path);
        s.mount = *v == 1 ? ir::Secret::Mount::EnvVar : *v == 2 ? ir::Secret::Mount::File : ir::Secret::Mount::Any;
      }
    });
    if (s.group.empty() || s.key.empty())
      rep_.report(item->getBeginLoc(), DiagKind::IncompleteSecret) << 0u << item->getSourceRange();
    out.push_back(std::move(s));
  }
}

// `.environment = {{"LOG_LEVEL", "debug"}, ...}`.
void TULowering::readEnvironment(const Expr* e, std::vector<ir::EnvVar>& out) {
  const InitListExpr* list = initList(e);
  if (!list) return;
  for (const Expr* item : list->inits()) {
    if (isa<ImplicitValueInitExpr>(item)) continue;
    ir::EnvVar v;
    forEachSetField(item, [&](llvm::StringRef f, const Expr* init) {
      if (f == "key") v.key = readString(init, "environment.key");
      else if (f == "value") v.value = readString(init, "environment.value");
    });
    if (v.key.empty()) {
      rep_.report(item->getBeginLoc(), DiagKind::IncompleteSecret) << 1u << item->getSourceRange();
      continue;
    }
    out.push_back(std::move(v));
  }
}

// A count that must not be negative (retries, concurrency, min_successes).
std::uint32_t TULowering::readCount(const Expr* init, llvm::StringRef field) {
  auto v = evalInt(optionalPayload(init), ctx_);
  if (!v) {
    notConstant(init, field);
    return 0;
  }
  if (*v < 0) {
    rep_.report(init->getBeginLoc(), DiagKind::NegativeValue) << field << std::to_string(*v) << init->getSourceRange();
    return 0;
  }
  return static_cast<std::uint32_t>(*v);
}

// Fields shared by TaskConfig and TaskMetadata.
bool TULowering::readMetadataField(llvm::StringRef f, const Expr* init, ir::Metadata& m) {
  if (f == "cache")
    m.cache = readBool(init, f);
  else if (f == "cache_version")
    m.cacheVersion = readString(init, f);
  else if (f == "cache_serialize")
    m.cacheSerialize = readBool(init, f);
  else if (f == "retries")
    m.retries = readCount(init, f);
  else if (f == "timeout") {
    m.timeoutSeconds = readSeconds(init, f);
    if (m.timeoutSeconds < 0) {
      rep_.report(init->getBeginLoc(), DiagKind::NegativeValue)
          << f << (std::to_string(m.timeoutSeconds) + "s") << init->getSourceRange();
      m.timeoutSeconds = 0;
    }
  } else if (f == "interruptible")
    m.interruptible = readBool(init, f);
  else
    return false;
  return true;
}

void TULowering::checkRequestsAboveLimits(const ir::Resources& requests, const ir::Resources& limits,
                                          const std::map<std::string, const Expr*>& requestAt,
                                          const std::map<std::string, const Expr*>& limitAt) {
  for (const auto& r : ir::requestsAboveLimits(requests, limits)) {
    auto req = requestAt.find(r.name), lim = limitAt.find(r.name);
    const Expr* at = req != requestAt.end() ? req->second : lim != limitAt.end() ? lim->second : nullptr;
    if (!at) continue;  // neither comes from this config: reported where they were set
    rep_.report(at->getBeginLoc(), DiagKind::RequestAboveLimit) << r.name << r.request << r.limit << at->getSourceRange();
    if (lim != limitAt.end() && lim->second != at)
      rep_.report(lim->second->getBeginLoc(), DiagKind::LimitSetHere) << r.name << lim->second->getSourceRange();
  }
}

namespace {
// The settings a FLYTE_TASK(...) config gives, as "field" -> value text (nested fields as "requests.cpu", list
// entries as "environment[0].key"), fields left at their defaults out: for comparing two configs. Reports nothing
// (the config that is registered is read, and reported, by lowerTask).
void configSettings(const Expr* e, const std::string& prefix, const ASTContext& ctx,
                    std::map<std::string, std::string>& out) {
  forEachSetField(e, [&](llvm::StringRef f, const Expr* init) {
    std::string path = prefix + f.str();
    if (f == "secret_requests" || f == "environment") {
      const InitListExpr* list = initList(init);
      size_t i = 0;
      for (const Expr* item : list ? list->inits() : llvm::ArrayRef<Expr*>()) {
        if (isa<ImplicitValueInitExpr>(item)) continue;
        configSettings(item, path + "[" + std::to_string(i++) + "].", ctx, out);
      }
      return;
    }
    if (f == "requests" || f == "limits") return configSettings(init, path + ".", ctx, out);
    const Expr* value = optionalPayload(init);
    QualType t = value->getType();
    std::string text;
    bool isNull = false;
    if (t->isBooleanType()) {
      if (auto v = evalBool(value, ctx)) text = *v ? "true" : "";
    } else if (t->isIntegralOrEnumerationType()) {
      if (auto v = evalInt(value, ctx)) text = *v ? std::to_string(*v) : "";
    } else if (auto d = evalDurationNanos(unwrap(value), ctx)) {
      text = *d ? std::to_string(*d / 1000000000) + "s" : "";
    } else if (auto str = evalString(value, ctx, &isNull)) {
      text = isNull ? "" : "\"" + *str + "\"";
    } else {
      text = "?";  // not a constant: reported where the config is read
    }
    if (!text.empty()) out[path] = text;
  });
}
}  // namespace

void TULowering::checkConfigsAgree(const FunctionDecl* fd, EntityKind kind) {
  // Each declaration's own FLYTE_TASK / FLYTE_WORKFLOW (a redeclaration without one inherits the earlier), in
  // source order.
  const llvm::StringRef annotation = kind == EntityKind::Task ? "flyte.task" : "flyte.workflow";
  std::vector<std::pair<const FunctionDecl*, const AnnotateAttr*>> annotated;
  for (const FunctionDecl* d : fd->redecls())
    for (const auto* a : d->specific_attrs<AnnotateAttr>())
      if (!a->isInherited() && a->getAnnotation() == annotation && a->args_size() == 1) annotated.emplace_back(d, a);
  if (annotated.size() < 2) return;
  const SourceManager& sm = ctx_.getSourceManager();
  std::sort(annotated.begin(), annotated.end(), [&](const auto& x, const auto& y) {
    return sm.isBeforeInTranslationUnit(x.second->getLocation(), y.second->getLocation());
  });
  // The definition's config is the one registered; without a definition here, the first declaration's.
  auto ref = std::find_if(annotated.begin(), annotated.end(),
                          [](const auto& p) { return p.first->isThisDeclarationADefinition(); });
  bool defined = ref != annotated.end();
  if (!defined) ref = annotated.begin();
  auto settings = [&](const AnnotateAttr* a) {
    std::map<std::string, std::string> out;
    configSettings(*a->args_begin(), "", ctx_, out);
    return out;
  };
  for (auto it = annotated.begin(); it != annotated.end(); ++it) {
    if (it == ref) continue;
    // At the definition (or the later of two declarations), with a note at the other.
    bool refFirst = sm.isBeforeInTranslationUnit(ref->second->getLocation(), it->second->getLocation());
    const AnnotateAttr* errAt = defined || !refFirst ? ref->second : it->second;
    const AnnotateAttr* noteAt = errAt == ref->second ? it->second : ref->second;
    auto here = settings(errAt), there = settings(noteAt);
    std::set<std::string> fields;
    for (const auto& m : {here, there})
      for (const auto& [k, v] : m) fields.insert(k);
    std::string diff;
    for (const auto& f : fields) {
      auto a = here.find(f), b = there.find(f);
      std::string x = a == here.end() ? "unset" : a->second, y = b == there.end() ? "unset" : b->second;
      if (x == y) continue;
      diff += (diff.empty() ? "." : "; .") + f + " is " + x + " here, " + y + " there";
    }
    if (diff.empty()) continue;
    // At the FLYTE_TASK(...) / FLYTE_WORKFLOW(...) written in the source (the attribute itself is spelled in the SDK's macro).
    rep_.report(sm.getExpansionLoc(errAt->getLocation()), DiagKind::ConfigMismatch)
        << fd->getNameAsString() << unsigned(defined ? 0 : 1) << diff << kind;
    rep_.report(sm.getExpansionLoc(noteAt->getLocation()), DiagKind::OtherConfigHere) << unsigned(defined ? 0 : 1);
  }
}

}  // namespace flytecc::analysis::lower
