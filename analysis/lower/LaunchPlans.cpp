// Launch plans and reference entities: FLYTE_LAUNCH_PLAN variables, FLYTE_REFERENCE_TASK and
// FLYTE_REFERENCE_LAUNCH_PLAN declarations, and calls of launch plans (launch-plan nodes).
#include "analysis/lower/Context.h"

#include <algorithm>

#include "analysis/Constants.h"
#include "analysis/TypeMapping.h"
#include "ir/Rules.h"

namespace flytecc::analysis::lower {

void TULowering::lowerReference(const FunctionDecl* fd, bool launchPlan) {
  const FunctionDecl* canon = fd->getCanonicalDecl();
  bool lp = false;
  const AnnotateAttr* attr = referenceAnnotation(fd, &lp);
  ir::EntityRef ref;
  SourceLocation nameAt = fd->getLocation();  // the `.name` string once read
  if (attr && attr->args_size() == 1)
    forEachSetField(*attr->args_begin(), [&](llvm::StringRef f, const Expr* init) {
      if (f == "project") {
        ref.project = readString(init, f);
      } else if (f == "domain") {
        ref.domain = readString(init, f);
      } else if (f == "name") {
        ref.name = readString(init, f);
        nameAt = init->getBeginLoc();
      } else if (f == "version") {
        ref.version = readString(init, f);
      }
    });
  if (ref.project.empty() || ref.domain.empty() || ref.name.empty() || ref.version.empty()) {
    rep_.report(fd->getLocation(), DiagKind::ReferenceIdentifier) << unsigned(launchPlan) << fd->getNameAsString();
    rejected_.insert(canon);
    return;
  }
  if (!ir::isValidEntityName(ref.name)) {
    rep_.report(nameAt, DiagKind::InvalidName) << ref.name;
    rejected_.insert(canon);
    return;
  }
  ir::Interface iface;
  if (!lowerInterface(fd, iface, /*withDefaults=*/false)) {  // flyte-unsupported-type at the parameter
    rejected_.insert(canon);
    return;
  }
  names_[canon] = ref.name;
  auto taken = [&](const char* what) {
    rep_.report(fd->getLocation(), DiagKind::ReferenceNameTaken)
        << unsigned(launchPlan) << fd->getNameAsString() << ref.name << what;
    rejected_.insert(canon);
  };
  if (launchPlan) {
    launchPlanNames_[canon] = ref.name;
    if (const ir::LaunchPlan* existing = module_.findLaunchPlan(ref.name)) {
      if (!existing->reference || !(*existing->reference == ref)) taken("a launch plan of this program");
      return;
    }
    ir::LaunchPlan p;
    p.name = ref.name;
    p.reference = ref;
    p.interface = std::move(iface);
    p.loc = loc(fd->getLocation());
    module_.launchPlans.push_back(std::move(p));
    return;
  }
  // A definition of the declared function (in any of the sources) is the reference task's local stand-in.
  bool standIn = fd->isDefined();
  for (ir::Task& existing : module_.tasks) {
    if (existing.name != ref.name) continue;
    if (!existing.reference || !(*existing.reference == ref)) taken("a task of this program");
    else existing.standIn |= standIn;
    return;
  }
  ir::Task t;
  t.name = ref.name;
  t.cxxName = fd->getQualifiedNameAsString();
  t.cxxPointerType = functionPointerType(fd);
  t.interface = std::move(iface);
  t.loc = loc(fd->getLocation());
  t.reference = ref;
  t.standIn = standIn;
  module_.tasks.push_back(std::move(t));
}

// The flyte::InputValue constructor Clang chose for a launch-plan input's value (through copies and temporaries).
static const CXXConstructExpr* inputValueConstruction(const Stmt* s) {
  if (!s) return nullptr;
  if (auto* ce = dyn_cast<CXXConstructExpr>(s)) {
    const CXXConstructorDecl* ctor = ce->getConstructor();
    if (isSdk(ctor->getParent(), "InputValue") && !ctor->isCopyOrMoveConstructor())
      return ce->getNumArgs() == 1 && ctor->getNumParams() == 1 ? ce : nullptr;
  }
  for (const Stmt* c : s->children())
    if (auto* r = inputValueConstruction(c)) return r;
  return nullptr;
}

// The Flyte type of a launch-plan constant of C++ type `p`: a scalar, or a list (a constexpr array or std::array)
// of those.
static std::optional<ir::Type> constantType(QualType p) {
  p = p.getNonReferenceType().getCanonicalType();
  if (p->isBooleanType()) return ir::Type::of(ir::Simple::Boolean);
  if (p->isIntegerType()) return ir::Type::of(ir::Simple::Integer);
  if (p->isFloatingType()) return ir::Type::of(ir::Simple::Float);
  if (p->isPointerType()) return ir::Type::of(ir::Simple::String);
  if (const auto* at = dyn_cast<ConstantArrayType>(p.getTypePtr())) {
    if (auto element = constantType(at->getElementType())) return ir::Type::list(*element);
    return std::nullopt;
  }
  if (auto* rd = p->getAsCXXRecordDecl()) {
    if (rd->getName() == "duration") return ir::Type::of(ir::Simple::Duration);
    if (rd->getName() == "time_point") return ir::Type::of(ir::Simple::Datetime);
    if (rd->getName() == "nullopt_t") return ir::Type::of(ir::Simple::None);
    if (auto* spec = stdSpecialization(p, "array"); spec && spec->getTemplateArgs().size() == 2)
      if (auto element = constantType(spec->getTemplateArgs()[0].getAsType())) return ir::Type::list(*element);
  }
  return std::nullopt;
}

// The Flyte type of the constant a flyte::InputValue was built from, from its constructor's parameter; the
// argument in `arg`.
static std::optional<ir::Type> inputValueType(const Expr* e, const Expr*& arg) {
  const CXXConstructExpr* ce = inputValueConstruction(e);
  if (!ce) return std::nullopt;
  arg = ce->getArg(0);
  return constantType(ce->getConstructor()->getParamDecl(0)->getType());
}

bool TULowering::readLaunchPlanInput(const Expr* item, bool fixed, const std::string& lpName, const ir::Workflow& wf,
                                     std::vector<ir::NamedLiteral>& out) {
  const char* field = fixed ? "fixed_inputs" : "default_inputs";
  std::string input;
  const Expr* valueInit = nullptr;
  forEachSetField(item, [&](llvm::StringRef f, const Expr* init) {
    if (f == "name") input = readString(init, field);
    else if (f == "value") valueInit = init;
  });
  if (input.empty()) return false;
  const ir::Variable* in = wf.interface.findInput(input);
  if (!in) {
    rep_.report(item->getBeginLoc(), DiagKind::LaunchPlanUnknownInput)
        << unsigned(fixed) << input << lpName << wf.name << item->getSourceRange();
    return false;
  }
  const Expr* arg = nullptr;
  std::optional<ir::Type> given = valueInit ? inputValueType(valueInit, arg) : std::nullopt;
  if (!given || !arg) {
    notConstant(valueInit ? valueInit : item, field);
    return false;
  }
  if (!ir::isCastable(*given, in->type)) {
    rep_.report(arg->getBeginLoc(), DiagKind::LaunchPlanInputType)
        << unsigned(fixed) << input << lpName << given->str() << wf.name << in->type.str() << arg->getSourceRange();
    return false;
  }
  std::optional<ir::Literal> value;
  if (given->kind == ir::Type::Kind::Simple && given->simple == ir::Simple::None)
    value = ir::Literal{};
  else
    value = evalLiteral(arg, *given, ctx_);
  if (!value) {
    std::string what = std::string("the value of ") + (fixed ? "fixed" : "default") + " input '" + input + "'";
    if (given->kind == ir::Type::Kind::Collection)
      what += " (a list is named by a const array or std::array variable with a constant initializer)";
    rep_.report(arg->getBeginLoc(), DiagKind::ConfigNotConstant) << what << arg->getSourceRange();
    return false;
  }
  out.push_back({input, std::move(*value)});
  return true;
}

void TULowering::lowerLaunchPlan(const VarDecl* vd) {
  const AnnotateAttr* attr = nullptr;
  for (const auto* a : vd->specific_attrs<AnnotateAttr>())
    if (a->getAnnotation() == "flyte.launch_plan") attr = a;
  if (!attr || attr->args_size() != 2) return;
  const Expr* target = *attr->args_begin();
  const Expr* config = *(attr->args_begin() + 1);
  const FunctionDecl* wfFd = taskOf(target);
  EntityKind kind;
  if (!wfFd || !flyteAnnotation(wfFd, &kind) || kind != EntityKind::Workflow) {
    rep_.report(vd->getLocation(), DiagKind::LaunchPlanNotWorkflow)
        << (wfFd ? wfFd->getNameAsString() : spelling(target)) << target->getSourceRange();
    return;
  }
  if (wasRejected(wfFd)) return;
  const ir::Workflow* wfp = module_.findWorkflow(name(wfFd));
  if (auto it = declared_.find(wfFd->getCanonicalDecl()); !wfp && it != declared_.end()) wfp = &it->second;
  if (!wfp) return;
  const ir::Workflow wf = *wfp;  // module_ grows below

  ir::LaunchPlan lp;
  lp.workflow = wf.name;
  lp.loc = loc(vd->getLocation());
  std::string qualified = vd->getQualifiedNameAsString();
  for (size_t i = 0; (i = qualified.find("::", i)) != std::string::npos;) qualified.replace(i, 2, ".");
  lp.name = qualified;
  bool ok = true;
  SourceLocation nameAt = vd->getLocation();  // the `.name` string once read
  SourceLocation cronAt, rateAt, kickoffAt;   // the schedule's fields, where problems with them are reported
  std::vector<std::pair<const Expr*, bool>> inputs;  // read once the name is known
  forEachSetField(config, [&](llvm::StringRef f, const Expr* init) {
    if (f == "name") {
      if (auto n = readName(init, f)) lp.name = *n;
      nameAt = init->getBeginLoc();
    } else if (f == "default_inputs" || f == "fixed_inputs") {
      if (const InitListExpr* list = initList(init))
        for (const Expr* item : list->inits())
          if (!isa<ImplicitValueInitExpr>(item)) inputs.emplace_back(item, f == "fixed_inputs");
    } else if (f == "schedule") {
      forEachSetField(init, [&](llvm::StringRef sf, const Expr* si) {
        if (sf == "cron") {
          lp.schedule.kind = ir::Schedule::Kind::Cron;
          lp.schedule.cron = readString(si, "schedule.cron");
          cronAt = si->getBeginLoc();
        } else if (sf == "fixed_rate") {
          std::int64_t seconds = readSeconds(si, "schedule.fixed_rate");
          rateAt = si->getBeginLoc();
          lp.schedule.kind = ir::Schedule::Kind::Rate;
          // flytekit's FixedRate: whole days, else whole hours, else minutes.
          if (seconds > 0 && seconds % 86400 == 0) {
            lp.schedule.rateUnit = ir::Schedule::Unit::Day;
            lp.schedule.rateValue = std::uint32_t(seconds / 86400);
          } else if (seconds > 0 && seconds % 3600 == 0) {
            lp.schedule.rateUnit = ir::Schedule::Unit::Hour;
            lp.schedule.rateValue = std::uint32_t(seconds / 3600);
          } else {
            lp.schedule.rateUnit = ir::Schedule::Unit::Minute;
            lp.schedule.rateValue = seconds > 0 ? std::uint32_t(seconds / 60) : 0;
          }
        } else if (sf == "kickoff_input") {
          lp.schedule.kickoffInput = readString(si, "schedule.kickoff_input");
          kickoffAt = si->getBeginLoc();
        }
      });
    } else if (f == "notifications") {
      const InitListExpr* list = initList(init);
      for (const Expr* item : list ? list->inits() : llvm::ArrayRef<Expr*>()) {
        if (isa<ImplicitValueInitExpr>(item)) continue;
        ir::Notification n;
        forEachSetField(item, [&](llvm::StringRef nf, const Expr* ni) {
          if (nf == "channel") {
            auto v = evalInt(ni, ctx_);
            n.channel = v == 1 ? ir::Notification::Channel::Slack
                        : v == 2 ? ir::Notification::Channel::PagerDuty
                                 : ir::Notification::Channel::Email;
          } else if (nf == "phases" || nf == "recipients") {
            const InitListExpr* values = initList(ni);
            for (const Expr* v : values ? values->inits() : llvm::ArrayRef<Expr*>()) {
              if (isa<ImplicitValueInitExpr>(v)) continue;
              if (nf == "recipients") {
                n.recipients.push_back(readString(v, "notifications.recipients"));
                continue;
              }
              static const char* phases[] = {"", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED"};
              auto p = evalInt(v, ctx_);
              if (p && *p > 0 && *p < 5) n.phases.push_back(phases[*p]);
            }
          }
        });
        lp.notifications.push_back(std::move(n));
      }
    } else if (f == "labels" || f == "annotations") {
      auto& out = f == "labels" ? lp.labels : lp.annotations;
      const InitListExpr* list = initList(init);
      for (const Expr* item : list ? list->inits() : llvm::ArrayRef<Expr*>()) {
        if (isa<ImplicitValueInitExpr>(item)) continue;
        std::string key, value;
        forEachSetField(item, [&](llvm::StringRef kf, const Expr* ki) {
          if (kf == "key") key = readString(ki, f);
          else if (kf == "value") value = readString(ki, f);
        });
        if (!key.empty()) out.emplace_back(key, value);
      }
      std::sort(out.begin(), out.end());
    }
  });
  for (auto [item, fixed] : inputs) ok &= readLaunchPlanInput(item, fixed, lp.name, wf, fixed ? lp.fixed : lp.defaults);
  auto byName = [](const ir::NamedLiteral& a, const ir::NamedLiteral& b) { return a.name < b.name; };
  std::sort(lp.fixed.begin(), lp.fixed.end(), byName);
  std::sort(lp.defaults.begin(), lp.defaults.end(), byName);
  if (!ir::isValidEntityName(lp.name)) {
    rep_.report(nameAt, DiagKind::InvalidName) << lp.name;
    return;
  }
  for (const auto& problem : ir::launchPlanProblems(wf, lp)) {
    using A = ir::LaunchPlanProblem::About;
    SourceLocation at = problem.about == A::Cron           ? cronAt
                        : problem.about == A::FixedRate    ? rateAt
                        : problem.about == A::KickoffInput ? kickoffAt
                                                           : SourceLocation();
    rep_.report(at.isValid() ? at : vd->getLocation(), DiagKind::LaunchPlanProblem) << lp.name << problem.message;
    ok = false;
  }
  if (const ir::LaunchPlan* existing = module_.findLaunchPlan(lp.name)) {
    if (existing->loc.file != lp.loc.file || existing->loc.line != lp.loc.line) {
      rep_.report(vd->getLocation(), DiagKind::LaunchPlanProblem) << lp.name << "the name is already used";
      return;
    }
    launchPlanNames_[vd->getCanonicalDecl()] = lp.name;
    return;
  }
  if (module_.findWorkflow(lp.name)) {
    rep_.report(vd->getLocation(), DiagKind::LaunchPlanProblem)
        << lp.name << "a workflow's default launch plan has this name";
    return;
  }
  if (!ok) return;
  lp.interface = ir::launchPlanInterface(wf, lp);
  launchPlanNames_[vd->getCanonicalDecl()] = lp.name;
  module_.launchPlans.push_back(std::move(lp));
}

std::string TULowering::launchPlanOf(const Expr* e) {
  const Expr* u = unwrap(e);
  if (auto* uo = dyn_cast_or_null<UnaryOperator>(u); uo && uo->getOpcode() == UO_AddrOf) u = unwrap(uo->getSubExpr());
  auto* ref = dyn_cast_or_null<DeclRefExpr>(u);
  if (!ref) return "";
  auto it = launchPlanNames_.find(ref->getDecl()->getCanonicalDecl());
  return it == launchPlanNames_.end() ? "" : it->second;
}

std::optional<Value> TULowering::lowerLaunchPlanCall(Body& b, const Expr* call, const std::string& lpName,
                                                     llvm::ArrayRef<const Expr*> args) {
  const ir::LaunchPlan* lp = module_.findLaunchPlan(lpName);
  if (!lp) return std::nullopt;
  const ir::LaunchPlan plan = *lp;  // module_ may grow while lowering arguments
  ir::Node node;
  node.kind = ir::Node::Kind::LaunchPlan;
  node.target = plan.name;
  node.loc = loc(call->getExprLoc());
  // flytekit names a launch-plan node after its workflow, a reference launch plan's after the reference.
  node.displayName = ir::defaultNodeName(plan.reference ? ir::Node::Kind::LaunchPlan : ir::Node::Kind::Workflow,
                                         plan.reference ? plan.name : plan.workflow);
  ir::Task owner;  // for the binding checks' messages
  owner.name = plan.name;
  owner.interface = plan.interface;
  std::map<std::string, SourceRange> taken;
  size_t next = 0;
  for (const Expr* arg : args) {
    std::string input;
    const Expr* valueExpr = arg;
    if (auto named = namedArg(arg)) {
      input = named->first;
      valueExpr = named->second;
      if (!plan.interface.findInput(input)) {
        unknownParameter(owner, input, arg);
        return std::nullopt;
      }
    } else {
      while (next < plan.interface.inputs.size() && taken.count(plan.interface.inputs[next].name)) ++next;
      if (next >= plan.interface.inputs.size()) {
        rep_.report(arg->getBeginLoc(), DiagKind::TooManyArguments) << plan.name << arg->getSourceRange();
        return std::nullopt;
      }
      input = plan.interface.inputs[next].name;
    }
    if (auto it = taken.find(input); it != taken.end()) {
      rep_.report(arg->getBeginLoc(), DiagKind::BoundTwice) << input << plan.name << arg->getSourceRange();
      rep_.report(it->second.getBegin(), DiagKind::FirstBoundHere) << it->second;
      return std::nullopt;
    }
    taken[input] = arg->getSourceRange();
    const ir::Variable* in = plan.interface.findInput(input);
    auto value = lowerExpr(b, valueExpr, &in->type);
    if (!value || value->kind != Value::Kind::Binding) return std::nullopt;
    if (!checkBinding(valueExpr, *value, in->type, false, input, plan.name)) return std::nullopt;
    node.inputs.push_back({input, value->binding});
  }
  for (const auto& in : plan.interface.inputs)
    if (!taken.count(in.name) && !in.defaultValue && !in.type.isOptional()) {
      rep_.report(call->getEndLoc(), DiagKind::UnboundParameter) << in.name << plan.name << call->getSourceRange();
      return std::nullopt;
    }
  return addNode(b, std::move(node), plan.interface);
}

}  // namespace flytecc::analysis::lower
