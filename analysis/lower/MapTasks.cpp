// Map tasks: flyte::partial, flyte::map_task options, and map calls lowered to ArrayNodes.
#include "analysis/lower/Context.h"

#include <algorithm>
#include <functional>

#include "analysis/Constants.h"
#include "analysis/TypeMapping.h"
#include "ir/Rules.h"

namespace flytecc::analysis::lower {

std::optional<Value> TULowering::lowerPartial(Body& b, const CallExpr* call) {
  const FunctionDecl* task = call->getNumArgs() ? taskOf(call->getArg(0)) : nullptr;
  if (!requireTask(call->getNumArgs() ? call->getArg(0) : call, task)) return std::nullopt;
  const ir::Task* t = irTask(task);
  if (!t) return std::nullopt;
  Value v;
  v.kind = Value::Kind::Partial;
  v.task = task;
  bool ok = true;
  for (unsigned i = 1; i < call->getNumArgs(); ++i) {
    auto named = namedArg(call->getArg(i));
    if (!named) {
      expressionError(b, call->getArg(i), "flyte::partial binds inputs by name: \"input\"_a = value");
      ok = false;
      continue;
    }
    if (!bindNamed(b, v, *t, named->first, named->second, call->getArg(i))) ok = false;
  }
  // A binding already reported ("refernce"_a, a wrong type) leaves its input unbound: the map call would report
  // that input again as not bound, so the partial is dropped, like any value whose expression was reported.
  if (!ok) return std::nullopt;
  return v;
}

// Whether `e` is a flyte::Partial (a partial call, or a local holding one): anything else given to map_task is
// reported as not a task, once, rather than as an expression that cannot be lowered.
static bool isPartialExpr(const Expr* e) { return isSdkRecord(unwrap(e)->getType(), "Partial"); }

// The task a flyte::partial expression binds (a partial call, or a local initialized with one); null otherwise.
static const FunctionDecl* partialTask(const Expr* e, const std::function<const FunctionDecl*(const Expr*)>& taskOf) {
  const Expr* u = unwrap(e);
  if (auto* ref = dyn_cast_or_null<DeclRefExpr>(u))
    if (auto* vd = dyn_cast<VarDecl>(ref->getDecl()); vd && vd->getInit()) return partialTask(vd->getInit(), taskOf);
  auto* call = dyn_cast_or_null<CallExpr>(u);
  if (!call || !call->getDirectCallee() || !isSdk(call->getDirectCallee(), "partial") || call->getNumArgs() < 1)
    return nullptr;
  return taskOf(call->getArg(0));
}

std::optional<Value> TULowering::lowerMapTask(Body& b, const CallExpr* call) {
  if (call->getNumArgs() < 1) return std::nullopt;
  Value v;
  const Expr* target = call->getArg(0);
  // Only tasks with one output can be mapped: said first, also when the outputs' types were reported as well
  // (the task is then rejected, and nothing else would name this mistake).
  const FunctionDecl* mapped = taskOf(target);
  if (!mapped && isPartialExpr(target)) mapped = partialTask(target, [&](const Expr* x) { return taskOf(x); });
  EntityKind mappedKind;
  if (mapped && flyteAnnotation(mapped, &mappedKind) && mappedKind == EntityKind::Task)
    if (size_t n = declaredOutputCount(mapped->getReturnType()); n > 1) {
      rep_.report(call->getBeginLoc(), DiagKind::MapMultipleOutputs)
          << name(mapped) << unsigned(n) << call->getSourceRange();
      return std::nullopt;
    }
  if (std::string lp = launchPlanOf(target); !lp.empty()) {
    if (!module_.findLaunchPlan(lp)) return std::nullopt;
    v.launchPlan = lp;
  } else if (isSdkRecord(unwrap(target)->getType(), "LaunchPlan")) {
    return std::nullopt;  // a launch plan already reported
  } else if (auto* fd = taskOf(target)) {
    if (!requireTask(target, fd)) return std::nullopt;
    v.task = fd;
  } else if (auto p = isPartialExpr(target) ? lowerExpr(b, target, nullptr) : std::optional<Value>();
             p && p->kind == Value::Kind::Partial) {
    v = *p;
  } else if (isPartialExpr(target)) {
    return std::nullopt;  // the partial was reported where it went wrong
  } else {
    rep_.report(target->getExprLoc(), DiagKind::NotATask)
        << spelling(target) << NotATaskReason::NotAnnotated << target->getSourceRange();
    return std::nullopt;
  }
  v.kind = Value::Kind::Mapper;
  if (call->getNumArgs() >= 2 && !isa<CXXDefaultArgExpr>(call->getArg(1))) {
    const Expr* opts = call->getArg(1);
    const Expr* ratioInit = nullptr;
    const Expr* successesInit = nullptr;
    bool ok = forEachSetField(opts, [&](llvm::StringRef f, const Expr* init) {
      if (f == "concurrency")
        v.concurrency = readCount(init, f);
      else if (f == "fuse")
        v.fuse = readBool(init, f);
      else if (f == "min_successes") {
        v.minSuccesses = readCount(init, f);
        successesInit = init;
      } else if (f == "min_success_ratio") {
        auto r = evalFloat(optionalPayload(init), ctx_);
        if (!r) notConstant(init, f);
        v.minSuccessRatio = r.value_or(1.0);
        if (r && !ir::isValidMinSuccessRatio(*r)) {
          rep_.report(init->getBeginLoc(), DiagKind::RatioRange)
              << Literal::ofFloat(*r).str() << init->getSourceRange();
          v.minSuccessRatio.reset();
        }
        ratioInit = init;
      } else if (f == "metadata") {
        ir::Metadata md;
        forEachSetField(optionalPayload(init),
                        [&](llvm::StringRef mf, const Expr* mi) { readMetadataField(mf, mi, md); });
        if (md.cache && md.cacheVersion.empty())
          rep_.report(init->getBeginLoc(), DiagKind::CacheWithoutVersion) << init->getSourceRange();
        v.metadata = md;
      }
    });
    if (!ok) notConstant(opts, "map_task options");
    if (ratioInit && successesInit) {  // ir::conflictingSuccessCriteria, with both locations
      rep_.report(successesInit->getBeginLoc(), DiagKind::RatioAndSuccesses)
          << successesInit->getSourceRange() << ratioInit->getSourceRange();
      v.minSuccessRatio.reset();
    }
  }
  return v;
}

std::optional<Value> TULowering::lowerMapCall(Body& b, const CXXOperatorCallExpr* op) {
  auto mapper = lowerExpr(b, op->getArg(0), nullptr);
  if (!mapper || mapper->kind != Value::Kind::Mapper) {
    if (mapper) expressionError(b, op->getArg(0), "expected a flyte::map_task(...)");
    return std::nullopt;
  }
  // A map over a launch plan maps its interface (without fixed inputs); the ArrayNode's sub-node launches it.
  ir::Task overLaunchPlan;
  const ir::Task* task = nullptr;
  if (!mapper->launchPlan.empty()) {
    const ir::LaunchPlan* lp = module_.findLaunchPlan(mapper->launchPlan);
    if (!lp) return std::nullopt;
    overLaunchPlan.name = lp->name;
    overLaunchPlan.interface = lp->interface;
    for (auto& in : overLaunchPlan.interface.inputs) in.defaultValue.reset();
    task = &overLaunchPlan;
  } else {
    task = irTask(mapper->task);
  }
  if (!task) return std::nullopt;
  SourceLocation callLoc = op->getArg(0)->getBeginLoc();
  if (task->interface.outputs.size() > 1) {
    rep_.report(callLoc, DiagKind::MapMultipleOutputs)
        << task->name << unsigned(task->interface.outputs.size()) << op->getSourceRange();
    return std::nullopt;
  }
  // Mapped inputs: named, or positional in parameter order skipping what the partial bound.
  struct Mapped {
    std::string input;
    const Expr* value;
    const Expr* whole;
  };
  std::vector<Mapped> mapped;
  std::map<std::string, SourceRange> taken;
  for (const auto& bnd : mapper->bound) taken[bnd.name] = bnd.range;
  size_t nextPositional = 0;
  bool ok = true;
  for (unsigned i = 1; i < op->getNumArgs(); ++i) {
    const Expr* arg = op->getArg(i);
    std::string input;
    const Expr* valueExpr = arg;
    if (auto named = namedArg(arg)) {
      input = named->first;
      valueExpr = named->second;
      if (!task->interface.findInput(input)) {
        std::vector<std::string> bound;
        for (const auto& [name, range] : taken) bound.push_back(name);
        unknownParameter(*task, input, arg, bound);
        ok = false;
        continue;
      }
    } else {
      const auto& ins = task->interface.inputs;
      while (nextPositional < ins.size() && taken.count(ins[nextPositional].name)) ++nextPositional;
      if (nextPositional >= ins.size()) {
        rep_.report(arg->getBeginLoc(), DiagKind::TooManyArguments) << task->name << arg->getSourceRange();
        ok = false;
        continue;
      }
      input = ins[nextPositional].name;
    }
    if (auto it = taken.find(input); it != taken.end()) {
      rep_.report(arg->getBeginLoc(), DiagKind::BoundTwice) << input << task->name << arg->getSourceRange();
      rep_.report(it->second.getBegin(), DiagKind::FirstBoundHere) << it->second;
      ok = false;
      continue;
    }
    taken[input] = arg->getSourceRange();
    mapped.push_back({input, valueExpr, arg});
  }
  if (!ok) return std::nullopt;
  if (mapped.empty()) {
    rep_.report(op->getBeginLoc(), DiagKind::NothingToMap) << task->name << op->getSourceRange();
    return std::nullopt;
  }
  for (const auto& in : task->interface.inputs)
    if (!taken.count(in.name)) {  // mapped inputs become lists, so even optional ones need a binding
      rep_.report(op->getEndLoc(), DiagKind::UnboundParameter) << in.name << task->name << op->getSourceRange();
      ok = false;
    }
  // A partial that binds a list, then mapped: Flyte treats the list as one of the mapped arrays.
  for (const auto& bnd : mapper->bound) {
    if (bnd.type.kind != ir::Type::Kind::Collection) continue;
    PartialListOrigin origin = PartialListOrigin::Literal;
    std::string originName;
    if (bnd.binding.kind == ir::BindingValue::Kind::Promise) {
      origin = bnd.binding.nodeId.empty() ? PartialListOrigin::WorkflowInput : PartialListOrigin::NodeOutput;
      originName = bnd.binding.nodeId.empty() ? bnd.binding.var : nodeTarget(b, bnd.binding.nodeId);
    }
    rep_.report(bnd.range.getBegin(), DiagKind::PartialList)
        << bnd.type.str() << bnd.name << origin << originName << bnd.range;
    rep_.report(callLoc, DiagKind::PartialMappedHere) << op->getSourceRange();
    rep_.report(bnd.range.getBegin(), DiagKind::PartialListRemedy) << bnd.name;
    ok = false;
  }
  if (!ok) return std::nullopt;

  ir::MapTask mt;
  mt.task = task->name;
  mt.overLaunchPlan = !mapper->launchPlan.empty();
  for (const auto& bnd : mapper->bound) mt.boundInputs.push_back(bnd.name);
  std::sort(mt.boundInputs.begin(), mt.boundInputs.end());
  mt.concurrency = mapper->concurrency;
  mt.minSuccessRatio = mapper->minSuccessRatio;
  mt.minSuccesses = mapper->minSuccesses;
  mt.metadata = mapper->metadata.value_or(task->metadata);
  mt.loc = loc(op->getExprLoc());
  mt.interface =
      ir::mapTaskInterface(task->interface, mt.boundInputs, ir::mapItemsMayFail(mt.minSuccessRatio, mt.minSuccesses));
  mt.name = ir::mapTaskName(*task, mt);

  ir::Node node;
  node.kind = ir::Node::Kind::Array;
  node.target = mt.name;
  node.displayName = mt.name;
  node.loc = loc(op->getExprLoc());
  node.fuse = mapper->fuse;
  for (const auto& bnd : mapper->bound) node.inputs.push_back({bnd.name, bnd.binding});
  std::optional<std::pair<std::string, size_t>> firstLiteral;  // for the length check
  // Lengths known at build time: of constant lists (every launch), of workflow inputs' defaults (the default
  // launch plan only: other launches may give other lists, so a mismatch there is a warning).
  struct KnownLength {
    std::string input;
    size_t n;
    const ParmVarDecl* defaultOf;  // the workflow input whose default it is; null for a constant
    const Expr* whole;
  };
  std::vector<KnownLength> lengths;
  for (const auto& m : mapped) {
    const ir::Variable* in = mt.interface.findInput(m.input);
    auto value = lowerExpr(b, m.value, in ? &in->type : nullptr);
    if (!value || value->kind != Value::Kind::Binding) {
      if (value) expressionError(b, m.value, "expected a list to map over");
      return std::nullopt;
    }
    if (!checkBinding(m.value, *value, in->type, true, m.input, task->name)) return std::nullopt;
    if (value->binding.kind == ir::BindingValue::Kind::Literal &&
        value->binding.literal.kind == ir::Literal::Kind::Collection) {
      size_t n = value->binding.literal.items.size();
      lengths.push_back({m.input, n, nullptr, m.whole});
      if (n == 0) rep_.report(m.value->getBeginLoc(), DiagKind::EmptyList) << m.value->getSourceRange();
      if (!firstLiteral) {
        firstLiteral = {m.input, n};
      } else if (firstLiteral->second != n) {
        rep_.report(m.whole->getBeginLoc(), DiagKind::ListLengths)
            << firstLiteral->first << unsigned(firstLiteral->second) << m.input << unsigned(n)
            << m.whole->getSourceRange();
        return std::nullopt;
      }
    }
    if (value->binding.kind == ir::BindingValue::Kind::Promise && value->binding.nodeId.empty())
      if (const ir::Variable* wfIn = b.wf->interface.findInput(value->binding.var);
          wfIn && wfIn->defaultValue && wfIn->defaultValue->kind == ir::Literal::Kind::Collection)
        for (const ParmVarDecl* p : b.fd->parameters())
          if (p->getName() == wfIn->name && p->hasDefaultArg())
            lengths.push_back({m.input, wfIn->defaultValue->items.size(), p, m.whole});
    node.inputs.push_back({m.input, value->binding});
  }
  // The same rules as for constants (flyte-map-list-lengths, flyte-map-empty-list), for what the default launch
  // plan passes: one warning per map call, with a note at each default involved.
  auto noteDefault = [&](const KnownLength& k) {
    if (k.defaultOf)
      rep_.report(k.defaultOf->getDefaultArg()->getBeginLoc(), DiagKind::DefaultIsHere)
          << k.defaultOf->getName() << unsigned(k.n) << k.defaultOf->getDefaultArg()->getSourceRange();
  };
  bool reported = false;
  for (size_t j = 1; j < lengths.size() && !reported; ++j)
    for (size_t i = 0; i < j && !reported; ++i) {
      const KnownLength &x = lengths[i], &y = lengths[j];
      if (x.n == y.n || (!x.defaultOf && !y.defaultOf)) continue;
      rep_.report(y.whole->getBeginLoc(), DiagKind::DefaultListLengths)
          << x.input << unsigned(x.n) << y.input << unsigned(y.n) << y.whole->getSourceRange();
      noteDefault(x);
      noteDefault(y);
      reported = true;
    }
  for (const auto& k : lengths)
    if (!reported && k.defaultOf && k.n == 0) {
      rep_.report(k.whole->getBeginLoc(), DiagKind::DefaultEmptyList)
          << k.defaultOf->getName() << k.whole->getSourceRange();
      noteDefault(k);
      reported = true;
    }
  module_.mapTasks.push_back(mt);  // one per map call; the dedupe pass merges identical ones
  Value result = addNode(b, std::move(node), mt.interface);
  mapCalls_[result.nodeId] = {op, mt.minSuccesses.has_value(), task->name};
  return result;
}

}  // namespace flytecc::analysis::lower
