// Map tasks: flyte::partial, flyte::map_task options, and map calls lowered to ArrayNodes.
#include "analysis/lower/Context.h"

#include <algorithm>

#include "analysis/Constants.h"
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
  for (unsigned i = 1; i < call->getNumArgs(); ++i) {
    auto named = namedArg(call->getArg(i));
    if (!named) {
      expressionError(b, call->getArg(i), "flyte::partial binds inputs by name: \"input\"_a = value");
      continue;
    }
    if (!bindNamed(b, v, *t, named->first, named->second, call->getArg(i))) continue;
  }
  return v;
}

// Whether `e` is a flyte::Partial (a partial call, or a local holding one): anything else given to map_task is
// reported as not a task, once, rather than as an expression that cannot be lowered.
static bool isPartialExpr(const Expr* e) { return isSdkRecord(unwrap(e)->getType(), "Partial"); }

std::optional<Value> TULowering::lowerMapTask(Body& b, const CallExpr* call) {
  if (call->getNumArgs() < 1) return std::nullopt;
  Value v;
  const Expr* target = call->getArg(0);
  if (auto* fd = taskOf(target)) {
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
  const ir::Task* task = irTask(mapper->task);
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
  for (const auto& bnd : mapper->bound) node.inputs.push_back({bnd.name, bnd.binding});
  std::optional<std::pair<std::string, size_t>> firstLiteral;  // for the length check
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
    node.inputs.push_back({m.input, value->binding});
  }
  module_.mapTasks.push_back(mt);  // one per map call; the dedupe pass merges identical ones
  Value result = addNode(b, std::move(node), mt.interface);
  mapCalls_[result.nodeId] = {op, mt.minSuccesses.has_value(), task->name};
  return result;
}

}  // namespace flytecc::analysis::lower
