// Configs: the constant fields of TaskConfig, TaskMetadata and Resources, read with the checks of their values.
#include "analysis/lower/Context.h"

#include <llvm/Support/Regex.h>

#include "analysis/Constants.h"

namespace flytecc::analysis::lower {

void TULowering::notConstant(const Expr* e, llvm::StringRef field) {
  rep_.report(e->getBeginLoc(), DiagKind::ConfigNotConstant) << ("'" + field.str() + "'") << e->getSourceRange();
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

void TULowering::readResources(const Expr* e, ir::Resources& r, llvm::StringRef field) {
  forEachSetField(e, [&](llvm::StringRef f, const Expr* init) {
    std::string path = (field + "." + f).str();
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

}  // namespace flytecc::analysis::lower
