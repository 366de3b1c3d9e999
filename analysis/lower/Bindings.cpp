// Binding checks: Flyte's typing rules for bound values, and how a mismatch is presented (did-you-mean, partial-failure
// fix-its).
#include "analysis/lower/Context.h"

#include <algorithm>

#include "analysis/Constants.h"
#include "analysis/TypeMapping.h"

namespace flytecc::analysis::lower {

bool TULowering::bindNamed(Body& b, Value& v, const ir::Task& t, const std::string& input, const Expr* valueExpr,
                           const Expr* whole) {
  const ir::Variable* param = t.interface.findInput(input);
  if (!param) {
    std::vector<std::string> bound;
    for (const auto& existing : v.bound) bound.push_back(existing.name);
    unknownParameter(t, input, whole, bound);
    return false;
  }
  for (const auto& existing : v.bound)
    if (existing.name == input) {
      rep_.report(whole->getBeginLoc(), DiagKind::BoundTwice) << input << t.name << whole->getSourceRange();
      rep_.report(existing.range.getBegin(), DiagKind::FirstBoundHere) << existing.range;
      return false;
    }
  auto value = lowerExpr(b, valueExpr, &param->type);
  if (!value || value->kind != Value::Kind::Binding) return false;
  if (!checkBinding(valueExpr, *value, param->type, false, input, t.name)) return false;
  v.bound.push_back({input, value->binding, value->type, whole->getSourceRange()});
  return true;
}

// Damerau-Levenshtein distance (optimal string alignment): a transposition ("pirce" for "price") costs 1.
static unsigned editDistance(llvm::StringRef a, llvm::StringRef b) {
  std::vector<std::vector<unsigned>> d(a.size() + 1, std::vector<unsigned>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<unsigned>(i);
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<unsigned>(j);
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

void TULowering::unknownParameter(const ir::Task& t, const std::string& input, const Expr* whole,
                                  const std::vector<std::string>& bound) {
  // "did you mean": the closest parameter name not bound yet, if it is close.
  std::string best;
  unsigned bestDistance = ~0u;
  for (const auto& in : t.interface.inputs) {
    if (std::find(bound.begin(), bound.end(), in.name) != bound.end()) continue;
    unsigned d = editDistance(in.name, input);
    if (d < bestDistance) {
      bestDistance = d;
      best = in.name;
    }
  }
  bool suggest = !best.empty() && bestDistance <= std::max<size_t>(1, input.size() / 3);
  const Expr* lit = nullptr;
  if (auto* op = dyn_cast<CXXOperatorCallExpr>(unwrap(whole)); op && op->getNumArgs() == 2) lit = unwrap(op->getArg(0));
  {
    auto d = rep_.report(whole->getBeginLoc(), DiagKind::UnknownParameter);
    d << t.name << input << whole->getSourceRange();
    if (suggest && lit) d << FixItHint::CreateReplacement(lit->getSourceRange(), "\"" + best + "\"_a");
  }
  if (suggest) rep_.report(whole->getBeginLoc(), DiagKind::DidYouMean) << best;
}

// Flyte's typing rules for a value bound to an input (INTEGER does not flow into FLOAT, a scalar is
// never a list, failed map items are optional). Reports and returns false on a mismatch.
bool TULowering::checkBinding(const Expr* e, const Value& v, const ir::Type& want, bool mappedInput,
                              const std::string& input, const std::string& owner, const ParmVarDecl* consumer) {
  if (v.binding.kind == ir::BindingValue::Kind::Literal) return true;     // constants are read as `want`
  if (v.binding.kind == ir::BindingValue::Kind::Collection) return true;  // items were checked one by one
  if (ir::isCastable(v.type, want)) return true;
  if (mappedInput && want.kind == ir::Type::Kind::Collection && v.type.kind != ir::Type::Kind::Collection) {
    rep_.report(e->getBeginLoc(), DiagKind::MapScalar)
        << input << owner << want.element().str() << v.type.str() << e->getSourceRange();
    return false;
  }
  // A task parameter: no fix-it (the task's body would read optionals as values and stop compiling); a note
  // at the parameter says what to change.
  if (consumer && reportPartialFailure(e, v, want, QualType(), SourceRange())) {
    if (auto* spec = stdSpecialization(consumer->getType(), "vector")) {
      PrintingPolicy policy(ctx_.getLangOpts());
      policy.SuppressTagKeyword = true;
      std::string fixed = "std::vector<std::optional<" + spec->getTemplateArgs()[0].getAsType().getAsString(policy) + ">>";
      auto* fn = dyn_cast<FunctionDecl>(consumer->getDeclContext());
      rep_.report(consumer->getLocation(), DiagKind::PartialFailureParameter)
          << consumer->getName() << (fn ? fn->getNameAsString() : std::string()) << fixed << consumer->getSourceRange();
    }
    return false;
  }
  if (!consumer && reportPartialFailure(e, v, want, QualType(), SourceRange())) return false;
  rep_.report(e->getBeginLoc(), DiagKind::BindingType)
      << (mappedInput ? BindingRole::MappedInput : BindingRole::Input) << input << owner << want.str() << v.type.str()
      << (v.type.str() + " to " + want.str()) << e->getSourceRange();
  return false;
}

// A map output with optional items ([T?]) consumed as [T]: explain, with a fix-it that makes the
// consumer's declared type (`consumerType`, spelled at `consumerRange`) a vector of optionals.
bool TULowering::reportPartialFailure(const Expr* e, const Value& v, const ir::Type& want, QualType consumerType,
                                      SourceRange consumerRange) {
  if (v.binding.kind != ir::BindingValue::Kind::Promise || v.type.kind != ir::Type::Kind::Collection ||
      !v.type.element().isOptional() || want.kind != ir::Type::Kind::Collection || want.element().isOptional())
    return false;
  auto call = mapCalls_.find(v.binding.nodeId);
  if (call == mapCalls_.end()) return false;
  {
    auto d = rep_.report(e->getBeginLoc(), DiagKind::PartialFailureType);
    d << (call->second.minSuccesses ? FailureCriterion::MinSuccesses : FailureCriterion::MinSuccessRatio)
      << call->second.task << v.type.str() << want.str() << e->getSourceRange();
    if (!consumerType.isNull()) {
      SourceRange r = consumerRange;
      if (auto* spec = stdSpecialization(consumerType, "vector"); spec && r.isValid()) {
        QualType elem = spec->getTemplateArgs()[0].getAsType();
        PrintingPolicy policy(ctx_.getLangOpts());
        policy.SuppressTagKeyword = true;
        std::string fixed = "std::vector<std::optional<" + elem.getAsString(policy) + ">>";
        d << FixItHint::CreateReplacement(r, fixed);
      }
    }
  }
  rep_.report(call->second.call->getBeginLoc(), DiagKind::MapCallHere) << call->second.call->getSourceRange();
  return true;
}

}  // namespace flytecc::analysis::lower
