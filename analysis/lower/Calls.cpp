// Calls and expressions: task and workflow calls as nodes, with_overrides, std::get of outputs, constants.
#include "analysis/lower/Context.h"

#include <algorithm>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>
#include <fmt/format.h>
#include <functional>

#include "analysis/Constants.h"
#include "analysis/TypeMapping.h"
#include "ir/Rules.h"

namespace flytecc::analysis::lower {

// The variant of an optional type (T | None) that is not None; the type itself otherwise.
static const ir::Type* payloadType(const ir::Type* t) {
  if (!t || t->kind != ir::Type::Kind::Union) return t;
  const ir::Type* found = nullptr;
  for (const auto& v : t->children)
    if (!(v.kind == ir::Type::Kind::Simple && v.simple == ir::Simple::None)) {
      if (found) return t;
      found = &v;
    }
  return found ? found : t;
}

// `expected` is the Flyte type the context wants (for literals); may be null.
std::optional<Value> TULowering::lowerExpr(Body& b, const Expr* e, const ir::Type* expected) {
  const Expr* u = unwrap(e);
  if (!u) return std::nullopt;

  // Implicit conversion of a map result (MapResult<T> -> std::vector<T> or std::vector<std::optional<T>>).
  if (auto* mc = dyn_cast<CXXMemberCallExpr>(u); mc && isa_and_nonnull<CXXConversionDecl>(mc->getMethodDecl()))
    return lowerExpr(b, mc->getImplicitObjectArgument(), expected);
  if (auto* ce = dyn_cast<CastExpr>(u); ce && ce->getCastKind() == CK_UserDefinedConversion)
    return lowerExpr(b, ce->getSubExpr(), expected);
  // A promise T bound where std::optional<T> is wanted (Flyte casts T to T | None): bind the promise itself.
  if (const Expr* payload = optionalPayload(u); payload != u && referencesPromise(b, payload))
    return lowerExpr(b, payload, payloadType(expected));

  if (auto* ref = dyn_cast<DeclRefExpr>(u)) {
    if (auto* p = dyn_cast<ParmVarDecl>(ref->getDecl()); p && p->getDeclContext() == b.fd) {
      const ir::Variable* in = b.wf->interface.findInput(p->getNameAsString());
      if (!in) return std::nullopt;
      Value v;
      v.binding = ir::BindingValue::promise("", in->name);
      v.type = in->type;
      return v;
    }
    if (auto it = b.locals.find(ref->getDecl()); it != b.locals.end()) {
      if (it->second.kind == Value::Kind::Invalid) return std::nullopt;  // already reported
      return it->second;
    }
  }

  // `s.mean`: the output `mean` of the node whose result `s` is (named outputs, FLYTE_NAMED_OUTPUTS).
  if (auto* me = dyn_cast<MemberExpr>(u); me && isa<FieldDecl>(me->getMemberDecl()) &&
                                          namedOutputFields(me->getBase()->getType())) {
    auto base = lowerExpr(b, me->getBase(), nullptr);
    if (!base) return std::nullopt;
    const std::string field = me->getMemberDecl()->getNameAsString();
    if (base->kind == Value::Kind::Outputs)
      for (size_t i = 0; i < base->outputs.size(); ++i)
        if (base->outputs[i].name == field) return outputOf(*base, i);
    if (base->kind == Value::Kind::Binding && base->binding.kind == ir::BindingValue::Kind::Promise &&
        base->binding.var == field)
      return base;
    return expressionError(b, e, "only the outputs of a task or workflow call have named fields here"),
           std::nullopt;
  }

  if (auto* op = dyn_cast<CXXOperatorCallExpr>(u);
      op && op->getOperator() == OO_Call && op->getNumArgs() >= 1 && isSdkRecord(op->getArg(0)->getType(), "MapTask"))
    return lowerMapCall(b, op);
  if (auto* op = dyn_cast<CXXOperatorCallExpr>(u); op && op->getOperator() == OO_Call && op->getNumArgs() >= 1 &&
                                                     isSdkRecord(op->getArg(0)->getType(), "LaunchPlan")) {
    std::string lp = launchPlanOf(op->getArg(0));
    if (lp.empty()) {
      auto* ref = dyn_cast_or_null<DeclRefExpr>(unwrap(op->getArg(0)));
      bool reported = ref && std::count(launchPlanDecls_.begin(), launchPlanDecls_.end(), ref->getDecl()->getCanonicalDecl());
      if (!reported) expressionError(b, op->getArg(0), "expected a launch plan declared with FLYTE_LAUNCH_PLAN");
      return std::nullopt;
    }
    std::vector<const Expr*> args(op->arg_begin() + 1, op->arg_end());
    return lowerLaunchPlanCall(b, op, lp, args);
  }

  if (auto* mc = dyn_cast<CXXMemberCallExpr>(u);
      mc && mc->getMethodDecl() && isSdk(mc->getMethodDecl(), "with_overrides"))
    return lowerOverrides(b, mc);

  if (auto* call = dyn_cast<CallExpr>(u); call && !isa<CXXOperatorCallExpr>(u)) {
    const FunctionDecl* callee = call->getDirectCallee();
    if (!callee) callee = constantFunction(call->getCallee(), ctx_);  // through a constant function pointer
    // std::get<I>(outputs of a task with several outputs)
    if (callee && callee->getName() == "get" && callee->isInStdNamespace() && call->getNumArgs() == 1)
      if (const auto* targs = callee->getTemplateSpecializationArgs();
          targs && targs->size() >= 1 && (*targs)[0].getKind() == TemplateArgument::Integral) {
        auto outs = lowerExpr(b, call->getArg(0), nullptr);
        if (!outs) return std::nullopt;
        size_t i = (*targs)[0].getAsIntegral().getZExtValue();
        if (outs->kind == Value::Kind::Outputs && i < outs->outputs.size()) return outputOf(*outs, i);
      }
    if (callee && isSdk(callee, "partial")) return lowerPartial(b, call);
    if (callee && isSdk(callee, "with_overrides") && call->getNumArgs() == 2)
      return applyOverrides(b, lowerExpr(b, call->getArg(0), expected), call->getArg(1));
    if (callee && isSdk(callee, "map_task")) return lowerMapTask(b, call);
    EntityKind kind;
    if (callee && flyteAnnotation(callee, &kind)) return lowerEntityCall(b, call, callee, kind);
    if (bool launchPlan = false; callee && referenceAnnotation(callee, &launchPlan)) {
      if (!launchPlan) return lowerEntityCall(b, call, callee, EntityKind::Task);
      std::string lp = launchPlanOf(call->getCallee());
      if (lp.empty()) return std::nullopt;  // reported at the declaration
      std::vector<const Expr*> args(call->arg_begin(), call->arg_end());
      return lowerLaunchPlanCall(b, call, lp, args);
    }
  }

  // Constants: literals, constexpr variables and expressions of them.
  ir::Type want;
  if (expected)
    want = *expected;
  else if (auto t = mapType(e->getType()))
    want = *t;
  else
    return expressionError(b, e,
                           "only task, workflow and map_task calls, their outputs, workflow inputs and "
                           "constants can appear in a workflow"),
           std::nullopt;
  // A list assembled from promises and constants: bound item by item.
  if (want.kind == ir::Type::Kind::Collection && referencesPromise(b, u))
    if (const InitListExpr* ile = initList(u)) {
      std::vector<ir::BindingValue> items;
      std::optional<ir::Type> itemType;  // of the first item that is not of the wanted element type
      for (const Expr* init : ile->inits()) {
        auto item = lowerExpr(b, init, &want.element());
        if (!item || item->kind != Value::Kind::Binding) return std::nullopt;
        if (!itemType && !ir::isCastable(item->type, want.element())) itemType = item->type;
        items.push_back(item->binding);
      }
      Value v;
      v.binding = ir::BindingValue::collection(std::move(items));
      // The list's own type when an item does not fit ([[int]] from {xs} where [int] is wanted), so the binding
      // check names the whole types rather than the verifier an item's.
      v.type = itemType ? ir::Type::list(*itemType) : want;
      return v;
    }
  if (!referencesPromise(b, u)) {
    if (auto lit = evalLiteral(e, want, ctx_)) {
      Value v;
      v.binding = ir::BindingValue::constant(*lit);
      v.type = want;
      return v;
    }
    // A constant of another Flyte type than the one wanted (2.0 bound to a mapped input, a [int] where [[int]]
    // is mapped): bound as what it is, so that the binding check names both types.
    if (auto own = mapType(e->getType()); expected && own && !(*own == want))
      if (auto lit = evalLiteral(e, *own, ctx_)) {
        Value v;
        v.binding = ir::BindingValue::constant(*lit);
        v.type = *own;
        return v;
      }
    expressionError(b, e,
                    "only task, workflow and map_task calls, their outputs, workflow inputs and constants can "
                    "appear in a workflow");
    return std::nullopt;
  }
  // An ordinary function given promises: name it, since the remedy is to make it a task.
  if (auto* call = dyn_cast<CallExpr>(u); call && !isa<CXXOperatorCallExpr>(u) && call->getDirectCallee() &&
                                          call->getDirectCallee()->getDeclName().isIdentifier()) {
    expressionError(b, e,
                    ("'" + call->getDirectCallee()->getName() +
                     "' is an ordinary function, not a task: it runs nowhere on the cluster, and its arguments are "
                     "promises resolved there; annotate it with FLYTE_TASK() or call it inside a task")
                        .str());
    return std::nullopt;
  }
  expressionError(b, e,
                  "workflow inputs and task outputs are promises resolved on the cluster; compute with them inside a "
                  "task");
  return std::nullopt;
}

// Does `e` read a workflow input or a local holding a node output?
bool TULowering::referencesPromise(Body& b, const Expr* e) {
  if (!e) return false;
  if (auto* ref = dyn_cast<DeclRefExpr>(e)) {
    if (auto* p = dyn_cast<ParmVarDecl>(ref->getDecl()); p && p->getDeclContext() == b.fd) return true;
    if (b.locals.count(ref->getDecl())) return true;
  }
  for (const Stmt* child : e->children())
    if (auto* ce = dyn_cast_or_null<Expr>(child); ce && referencesPromise(b, ce)) return true;
  return false;
}

// How the source spells `e` (for messages about an expression that names no declaration).
std::string TULowering::spelling(const Expr* e) const {
  const SourceManager& sm = ctx_.getSourceManager();
  CharSourceRange r = CharSourceRange::getTokenRange(sm.getExpansionRange(e->getSourceRange()).getAsRange());
  std::string text = Lexer::getSourceText(r, sm, ctx_.getLangOpts()).str();
  std::replace_if(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\t'; }, ' ');
  if (text.empty() || text.size() > 60) return "the expression";
  return text;
}

// The task named by a callable expression: a function, &function, or a local holding one.
const FunctionDecl* TULowering::taskOf(const Expr* e) {
  const Expr* u = unwrap(e);
  if (auto* uo = dyn_cast_or_null<UnaryOperator>(u); uo && uo->getOpcode() == UO_AddrOf) u = unwrap(uo->getSubExpr());
  if (auto* ref = dyn_cast_or_null<DeclRefExpr>(u))
    if (auto* fd = dyn_cast<FunctionDecl>(ref->getDecl())) return fd;
  return constantFunction(u, ctx_);
}

bool TULowering::requireTask(const Expr* e, const FunctionDecl* fd) {
  if (bool launchPlan = false; fd && referenceAnnotation(fd, &launchPlan) && !launchPlan)
    return irTask(fd) != nullptr;  // a reference task (or one already reported)
  EntityKind kind;
  if (fd && flyteAnnotation(fd, &kind) && kind == EntityKind::Task) {
    if (irTask(fd) || wasRejected(fd)) return irTask(fd) != nullptr;
  }
  bool workflow = fd && flyteAnnotation(fd, &kind) && kind == EntityKind::Workflow;
  rep_.report(e->getExprLoc(), DiagKind::NotATask)
      << (fd ? fd->getNameAsString() : spelling(e))
      << (workflow ? NotATaskReason::Workflow : NotATaskReason::NotAnnotated) << e->getSourceRange();
  return false;
}

// "name"_a = value  ->  (name, value expression)
std::optional<std::pair<std::string, const Expr*>> TULowering::namedArg(const Expr* e) {
  const Expr* u = unwrap(e);
  auto* op = dyn_cast_or_null<CXXOperatorCallExpr>(u);
  if (!op && u) {
    if (auto* mc = dyn_cast<CXXMemberCallExpr>(u); mc && isSdk(mc->getMethodDecl(), "operator=")) {
      auto* lit = dyn_cast_or_null<UserDefinedLiteral>(unwrap(mc->getImplicitObjectArgument()));
      auto* str = lit ? dyn_cast_or_null<StringLiteral>(unwrap(lit->getCookedLiteral())) : nullptr;
      if (str && mc->getNumArgs() == 1) return std::make_pair(str->getString().str(), mc->getArg(0));
    }
    return std::nullopt;
  }
  if (!op || op->getOperator() != OO_Equal || op->getNumArgs() != 2 ||
      !isSdkRecord(op->getArg(0)->getType(), "ArgName"))
    return std::nullopt;
  auto* lit = dyn_cast_or_null<UserDefinedLiteral>(unwrap(op->getArg(0)));
  auto* str = lit ? dyn_cast_or_null<StringLiteral>(unwrap(lit->getCookedLiteral())) : nullptr;
  if (!str) return std::nullopt;
  return std::make_pair(str->getString().str(), op->getArg(1));
}

const ir::Task* TULowering::irTask(const FunctionDecl* fd) {
  // A task already reported (a duplicate name, an unsupported type) has no interface of its own: another
  // task's under the same name would only cascade into wrong type errors.
  if (wasRejected(fd)) return nullptr;
  if (const ir::Task* t = module_.findTask(name(fd))) return t;
  auto it = declaredTasks_.find(fd->getCanonicalDecl());
  return it == declaredTasks_.end() ? nullptr : &it->second;
}

std::string TULowering::nodeTarget(Body& b, const std::string& nodeId) {
  for (const auto& n : b.wf->nodes)
    if (n.id == nodeId) return n.displayName;
  return nodeId;
}

std::optional<Value> TULowering::lowerOverrides(Body& b, const CXXMemberCallExpr* mc) {
  auto v = lowerExpr(b, mc->getImplicitObjectArgument(), nullptr);
  return applyOverrides(b, std::move(v), mc->getNumArgs() == 1 ? mc->getArg(0) : nullptr);
}

std::optional<Value> TULowering::applyOverrides(Body& b, std::optional<Value> v, const Expr* overrides) {
  if (!v || v->nodeId.empty() || !overrides) return v;
  ir::Node* node = nullptr;
  for (auto& n : b.wf->nodes)
    if (n.id == v->nodeId) node = &n;
  if (!node) return v;
  ir::NodeOverrides& m = node->overrideMetadata;
  std::map<std::string, const Expr*> requestAt, limitAt;
  forEachSetField(overrides, [&](llvm::StringRef f, const Expr* init) {
    if (f == "requests")
      readResources(init, node->overrideRequests, f, &requestAt);
    else if (f == "limits")
      readResources(init, node->overrideLimits, f, &limitAt);
    else if (f == "container_image")
      node->overrideImage = readString(init, f);
    else if (f == "name")
      node->displayName = readString(init, f);
    else if (f == "node_name") {
      std::string id = ir::dnsify(readString(init, f));
      if (id.empty()) return;
      // The node was just created: nothing refers to it yet but the value being returned.
      const std::string old = node->id;
      node->id = id;
      v->nodeId = id;
      if (v->binding.kind == ir::BindingValue::Kind::Promise && v->binding.nodeId == old) v->binding.nodeId = id;
    } else if (f == "retries")
      m.retries = readCount(init, f);
    else if (f == "timeout")
      m.timeoutSeconds = readSeconds(init, f);
    else if (f == "interruptible")
      m.interruptible = readBool(init, f);
    else if (f == "cache")
      m.cache = readBool(init, f);
    else if (f == "cache_version")
      m.cacheVersion = readString(init, f);
    else if (f == "cache_serialize")
      m.cacheSerialize = readBool(init, f);
    else if (f == "accelerator")
      node->overrideAccelerator = readString(init, f);
    else if (f == "shared_memory")
      node->overrideSharedMemory = readQuantity(init, f);
  });
  // What the pod asks for: each resource the override sets replaces the task's.
  const ir::Task* task = nullptr;
  if (node->kind == ir::Node::Kind::Task) task = module_.findTask(node->target);
  if (const ir::MapTask* mt = node->kind == ir::Node::Kind::Array ? module_.findMapTask(node->target) : nullptr)
    task = module_.findTask(mt->task);
  if (!requestAt.empty() || !limitAt.empty()) {
    ir::Resources requests = task ? task->requests : ir::Resources{}, limits = task ? task->limits : ir::Resources{};
    auto apply = [](ir::Resources& to, const ir::Resources& from) {
      using Field = std::pair<std::string*, const std::string*>;
      for (auto [t, f] : {Field{&to.cpu, &from.cpu}, Field{&to.mem, &from.mem}, Field{&to.gpu, &from.gpu},
                          Field{&to.ephemeralStorage, &from.ephemeralStorage}})
        if (!f->empty()) *t = *f;
    };
    apply(requests, node->overrideRequests);
    apply(limits, node->overrideLimits);
    checkRequestsAboveLimits(requests, limits, requestAt, limitAt);
  }
  return v;
}

std::optional<Value> TULowering::lowerEntityCall(Body& b, const CallExpr* call, const FunctionDecl* callee,
                                                 EntityKind kind) {
  const ir::Interface* iface = nullptr;
  ir::Node node;
  node.loc = loc(call->getExprLoc());
  if (kind == EntityKind::Task) {
    const ir::Task* t = irTask(callee);
    if (!t && !wasRejected(callee))
      rep_.report(call->getExprLoc(), DiagKind::NotATask)
          << callee->getNameAsString() << NotATaskReason::NotAnnotated << call->getSourceRange();
    if (!t) return std::nullopt;
    iface = &t->interface;
    node.kind = ir::Node::Kind::Task;
    node.target = t->name;
  } else {
    if (wasRejected(callee)) return std::nullopt;  // reported at the workflow (a duplicate name, ...)
    const ir::Workflow* w = module_.findWorkflow(name(callee));
    if (auto it = declared_.find(callee->getCanonicalDecl()); !w && it != declared_.end()) w = &it->second;
    if (!w) return std::nullopt;
    iface = &w->interface;
    node.kind = ir::Node::Kind::Workflow;
    node.target = w->name;
  }
  node.displayName = ir::defaultNodeName(node.kind, node.target);
  const ir::Interface ifaceCopy = *iface;  // module_ may grow while lowering arguments
  for (unsigned i = 0; i < call->getNumArgs() && i < ifaceCopy.inputs.size(); ++i) {
    const ir::Variable& in = ifaceCopy.inputs[i];
    auto value = lowerExpr(b, call->getArg(i), &in.type);
    if (!value || value->kind != Value::Kind::Binding) return std::nullopt;
    const ParmVarDecl* param = i < callee->getNumParams() ? callee->getParamDecl(i) : nullptr;
    if (value->binding.kind == ir::BindingValue::Kind::Literal && param)
      if (auto why = integerNarrowing(call->getArg(i), param->getType(), ctx_)) {
        // A task's default left unbound is reported where the default is written.
        const Expr* at = isa<CXXDefaultArgExpr>(call->getArg(i)) && param->hasDefaultArg() ? param->getDefaultArg()
                                                                                            : call->getArg(i);
        rep_.report(at->getBeginLoc(), DiagKind::ValueOutOfRange)
            << ("input '" + in.name + "' of " + node.target) << *why << at->getSourceRange();
        return std::nullopt;
      }
    if (!checkBinding(call->getArg(i), *value, in.type, false, in.name, node.target, param)) return std::nullopt;
    node.inputs.push_back({in.name, value->binding});
  }
  return addNode(b, std::move(node), ifaceCopy);
}

Value TULowering::addNode(Body& b, ir::Node node, const ir::Interface& iface) {
  node.id = fmt::format("n{}", b.wf->nodes.size());
  std::sort(node.inputs.begin(), node.inputs.end(), [](const auto& x, const auto& y) { return x.var < y.var; });
  std::set<std::string> up;
  std::function<void(const ir::BindingValue&)> collectUp = [&](const ir::BindingValue& v) {
    if (v.kind == ir::BindingValue::Kind::Promise && !v.nodeId.empty()) up.insert(v.nodeId);
    for (const auto& i : v.items) collectUp(i);
  };
  for (const auto& in : node.inputs) collectUp(in.value);
  node.upstream.assign(up.begin(), up.end());
  Value v;
  v.nodeId = node.id;
  if (iface.outputs.size() == 1) {
    v.kind = Value::Kind::Binding;
    v.binding = ir::BindingValue::promise(node.id, iface.outputs[0].name);
    v.type = iface.outputs[0].type;
  } else {
    v.kind = Value::Kind::Outputs;
    v.outputs = iface.outputs;
  }
  b.wf->nodes.push_back(std::move(node));
  return v;
}

// Output `i` of a node with several outputs, as a promise.
Value TULowering::outputOf(const Value& outputs, size_t i) {
  Value v;
  v.binding = ir::BindingValue::promise(outputs.nodeId, outputs.outputs[i].name);
  v.type = outputs.outputs[i].type;
  v.nodeId = outputs.nodeId;
  return v;
}

}  // namespace flytecc::analysis::lower
