#include "compiler/ASTLowering.h"

#include <algorithm>
#include <clang/AST/Attr.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/AST/StmtCXX.h>
#include <clang/Basic/SourceManager.h>
#include <fmt/format.h>
#include <map>
#include <set>

#include "analysis/Diagnostics.h"
#include "compiler/Constants.h"
#include "compiler/TypeMapping.h"

namespace flytecc::compiler {
using namespace clang;
using analysis::DiagKind;
using analysis::report;

namespace {

enum class EntityKind { Task, Workflow };

const AnnotateAttr* flyteAnnotation(const FunctionDecl* fd, EntityKind* kind) {
  for (const auto* a : fd->specific_attrs<AnnotateAttr>()) {
    if (a->getAnnotation() == "flyte.task") {
      if (kind) *kind = EntityKind::Task;
      return a;
    }
    if (a->getAnnotation() == "flyte.workflow") {
      if (kind) *kind = EntityKind::Workflow;
      return a;
    }
  }
  return nullptr;
}

// An SDK function, e.g. isSdk(fd, "map_task") for flyte::map_task.
bool isSdk(const NamedDecl* d, llvm::StringRef name) {
  if (!d || !d->getIdentifier() || d->getName() != name) return false;
  const DeclContext* dc = d->getDeclContext();
  while (dc && (isa<CXXRecordDecl>(dc) || isa<LinkageSpecDecl>(dc))) dc = dc->getParent();
  auto* ns = dyn_cast_or_null<NamespaceDecl>(dc);
  return ns && ns->getName() == "flyte" && ns->getParent()->isTranslationUnit();
}

bool isSdkRecord(QualType t, llvm::StringRef name) {
  auto* rd = t.getNonReferenceType()->getAsCXXRecordDecl();
  return rd && isSdk(rd, name);
}

std::string flyteName(const FunctionDecl* fd, const char* configuredName) {
  if (configuredName && *configuredName) return configuredName;
  std::string q = fd->getQualifiedNameAsString();
  std::string out;
  for (size_t i = 0; i < q.size(); ++i) {
    if (q.compare(i, 2, "::") == 0) {
      out += '.';
      ++i;
    } else {
      out += q[i];
    }
  }
  return out;
}

// A value in a workflow body, as the frontend tracks it.
struct Value {
  enum class Kind { Binding, Outputs, Partial, Mapper };
  Kind kind = Kind::Binding;
  ir::BindingValue binding;  // Binding
  ir::Type type;             // Binding
  std::string nodeId;        // Outputs / Binding from a node
  // Partial / Mapper:
  const FunctionDecl* task = nullptr;
  struct Bound {
    std::string name;
    Value* value = nullptr;
    SourceLocation loc;
  };
  std::vector<std::pair<std::string, std::pair<ir::BindingValue, ir::Type>>> bound;  // name -> value
  std::vector<SourceLocation> boundLocs;
  std::optional<std::uint32_t> concurrency, minSuccesses;
  std::optional<double> minSuccessRatio;
  std::optional<ir::Metadata> metadata;
};

class TULowering {
 public:
  TULowering(ASTContext& ctx, ir::Module& module) : ctx_(ctx), diags_(ctx.getDiagnostics()), module_(module) {}

  void run() {
    collect(ctx_.getTranslationUnitDecl());
    for (const FunctionDecl* fd : taskDecls_) lowerTask(fd);
    for (const FunctionDecl* fd : workflowDecls_) lowerWorkflowInterface(fd);
    for (const FunctionDecl* fd : workflowDecls_)
      if (fd->hasBody()) lowerWorkflowBody(fd);
  }

 private:
  // ---- discovery -------------------------------------------------------------------------------
  void collect(const DeclContext* dc) {
    for (const Decl* d : dc->decls()) {
      if (auto* ns = dyn_cast<NamespaceDecl>(d)) {
        collect(ns);
      } else if (auto* ls = dyn_cast<LinkageSpecDecl>(d)) {
        collect(ls);
      } else if (auto* fd = dyn_cast<FunctionDecl>(d)) {
        EntityKind kind;
        if (!flyteAnnotation(fd, &kind)) continue;
        const FunctionDecl* canon = fd->getCanonicalDecl();
        // Prefer the definition, so workflow bodies and locations point at it.
        const FunctionDecl* def = fd->getDefinition() ? fd->getDefinition() : fd;
        auto& list = kind == EntityKind::Task ? taskDecls_ : workflowDecls_;
        if (seen_.insert(canon).second) list.push_back(def);
      }
    }
  }

  ir::SourceLoc loc(SourceLocation l) const {
    const SourceManager& sm = ctx_.getSourceManager();
    PresumedLoc p = sm.getPresumedLoc(sm.getFileLoc(l));
    if (p.isInvalid()) return {};
    return {p.getFilename(), p.getLine(), p.getColumn()};
  }

  std::string name(const FunctionDecl* fd) {
    auto it = names_.find(fd->getCanonicalDecl());
    return it == names_.end() ? flyteName(fd, nullptr) : it->second;
  }

  // ---- interfaces ------------------------------------------------------------------------------
  bool lowerInterface(const FunctionDecl* fd, const char* what, ir::Interface& iface, bool withDefaults) {
    bool ok = true;
    for (const ParmVarDecl* p : fd->parameters()) {
      auto t = mapType(p->getType());
      if (!t) {
        report(diags_, p->getLocation(), DiagKind::UnsupportedType)
            << "parameter" << p->getName() << fd->getName() << p->getType() << p->getSourceRange();
        ok = false;
        continue;
      }
      ir::Variable v{p->getNameAsString(), *t, std::nullopt};
      if (withDefaults && p->hasDefaultArg() && !p->hasUnparsedDefaultArg()) {
        v.defaultValue = evalLiteral(p->getDefaultArg(), *t, ctx_);
        if (!v.defaultValue) {
          report(diags_, p->getDefaultArg()->getBeginLoc(), DiagKind::ConfigNotConstant)
              << ("default value of '" + p->getNameAsString() + "'") << p->getDefaultArg()->getSourceRange();
          ok = false;
        }
      }
      iface.inputs.push_back(std::move(v));
    }
    auto outs = mapResultTypes(fd->getReturnType());
    if (!outs) {
      report(diags_, fd->getReturnTypeSourceRange().getBegin(), DiagKind::UnsupportedType)
          << "result" << "o0" << fd->getName() << fd->getReturnType() << fd->getReturnTypeSourceRange();
      return false;
    }
    for (size_t i = 0; i < outs->size(); ++i) iface.outputs.push_back({fmt::format("o{}", i), (*outs)[i], {}});
    (void)what;
    return ok;
  }

  // ---- configs ---------------------------------------------------------------------------------
  void notConstant(const Expr* e, llvm::StringRef field) {
    report(diags_, e->getBeginLoc(), DiagKind::ConfigNotConstant) << field << e->getSourceRange();
  }

  std::string readString(const Expr* e, llvm::StringRef field) {
    bool isNull = false;
    auto s = evalString(e, ctx_, &isNull);
    if (!s) notConstant(e, field);
    return s.value_or("");
  }

  template <class T>
  T readNumber(const Expr* e, llvm::StringRef field) {
    auto v = evalInt(optionalPayload(e), ctx_);
    if (!v) notConstant(e, field);
    return static_cast<T>(v.value_or(0));
  }

  bool readBool(const Expr* e, llvm::StringRef field) {
    auto v = evalBool(optionalPayload(e), ctx_);
    if (!v) notConstant(e, field);
    return v.value_or(false);
  }

  std::int64_t readSeconds(const Expr* e, llvm::StringRef field) {
    auto v = evalDurationNanos(unwrap(optionalPayload(e)), ctx_);
    if (!v) v = evalDurationNanos(optionalPayload(e), ctx_);
    if (!v) notConstant(e, field);
    return v.value_or(0) / 1000000000;
  }

  void readResources(const Expr* e, ir::Resources& r, llvm::StringRef field) {
    forEachSetField(e, [&](llvm::StringRef f, const Expr* init) {
      std::string path = (field + "." + f).str();
      if (f == "cpu") r.cpu = readString(init, path);
      else if (f == "mem") r.mem = readString(init, path);
      else if (f == "gpu") r.gpu = readString(init, path);
      else if (f == "ephemeral_storage") r.ephemeralStorage = readString(init, path);
    });
  }

  // Fields shared by TaskConfig and TaskMetadata.
  bool readMetadataField(llvm::StringRef f, const Expr* init, ir::Metadata& m) {
    if (f == "cache") m.cache = readBool(init, f);
    else if (f == "cache_version") m.cacheVersion = readString(init, f);
    else if (f == "cache_serialize") m.cacheSerialize = readBool(init, f);
    else if (f == "retries") m.retries = readNumber<std::uint32_t>(init, f);
    else if (f == "timeout") m.timeoutSeconds = readSeconds(init, f);
    else if (f == "interruptible") m.interruptible = readBool(init, f);
    else return false;
    return true;
  }

  // ---- tasks -----------------------------------------------------------------------------------
  void lowerTask(const FunctionDecl* fd) {
    ir::Task task;
    std::string configuredName;
    const AnnotateAttr* attr = flyteAnnotation(fd, nullptr);
    if (attr && attr->args_size() == 1) {
      forEachSetField(*attr->args_begin(), [&](llvm::StringRef f, const Expr* init) {
        if (readMetadataField(f, init, task.metadata)) return;
        if (f == "name") configuredName = readString(init, f);
        else if (f == "requests") readResources(init, task.requests, f);
        else if (f == "limits") readResources(init, task.limits, f);
        else if (f == "container_image") task.image = readString(init, f);
      });
    }
    task.name = flyteName(fd, configuredName.c_str());
    names_[fd->getCanonicalDecl()] = task.name;
    task.cxxName = fd->getQualifiedNameAsString();
    task.loc = loc(fd->getLocation());
    if (!lowerInterface(fd, "task", task.interface, false)) return;
    if (!module_.findTask(task.name)) module_.tasks.push_back(std::move(task));
  }

  // ---- workflows -------------------------------------------------------------------------------
  void lowerWorkflowInterface(const FunctionDecl* fd) {
    ir::Workflow wf;
    std::string configuredName;
    const AnnotateAttr* attr = flyteAnnotation(fd, nullptr);
    if (attr && attr->args_size() == 1)
      forEachSetField(*attr->args_begin(), [&](llvm::StringRef f, const Expr* init) {
        if (f == "name") configuredName = readString(init, f);
      });
    wf.name = flyteName(fd, configuredName.c_str());
    names_[fd->getCanonicalDecl()] = wf.name;
    wf.cxxName = fd->getQualifiedNameAsString();
    wf.loc = loc(fd->getLocation());
    if (!lowerInterface(fd, "workflow", wf.interface, true)) return;
    if (!module_.findWorkflow(wf.name)) {
      module_.workflows.push_back(std::move(wf));
      ownWorkflows_.insert(fd->getCanonicalDecl());
    }
  }

  struct Body {
    ir::Workflow* wf;
    const FunctionDecl* fd;
    std::map<const VarDecl*, Value> locals;
  };

  ir::Workflow* workflowFor(const FunctionDecl* fd) {
    for (auto& w : module_.workflows)
      if (w.name == name(fd)) return &w;
    return nullptr;
  }

  void lowerWorkflowBody(const FunctionDecl* fd) {
    if (!ownWorkflows_.count(fd->getCanonicalDecl())) return;
    ir::Workflow* wf = workflowFor(fd);
    if (!wf) return;
    Body body{wf, fd, {}};
    auto* compound = dyn_cast<CompoundStmt>(fd->getBody());
    if (!compound) return statementError(fd->getBody(), "function-try-block");
    for (const Stmt* s : compound->body()) lowerStatement(body, s);
  }

  void statementError(const Stmt* s, llvm::StringRef what) {
    report(diags_, s->getBeginLoc(), DiagKind::WorkflowStatement) << what << s->getSourceRange();
  }

  void lowerStatement(Body& b, const Stmt* s) {
    if (isa<NullStmt>(s)) return;
    if (auto* ds = dyn_cast<DeclStmt>(s)) {
      for (const Decl* d : ds->decls()) {
        if (isa<UsingDirectiveDecl, UsingDecl, StaticAssertDecl, TypedefNameDecl, UsingShadowDecl>(d)) continue;
        auto* vd = dyn_cast<VarDecl>(d);
        if (!vd || !vd->hasInit() || isa<DecompositionDecl>(vd)) {
          statementError(s, "declaration");
          continue;
        }
        if (auto v = lowerExpr(b, vd->getInit(), nullptr)) b.locals[vd] = std::move(*v);
      }
      return;
    }
    if (auto* rs = dyn_cast<ReturnStmt>(s)) return lowerReturn(b, rs);
    if (auto* e = dyn_cast<Expr>(s)) {
      lowerExpr(b, e, nullptr);
      return;
    }
    statementError(s, describeStmt(s));
  }

  static std::string describeStmt(const Stmt* s) {
    if (isa<IfStmt>(s)) return "'if' statement";
    if (isa<ForStmt, CXXForRangeStmt, WhileStmt, DoStmt>(s)) return "loop";
    if (isa<SwitchStmt>(s)) return "'switch' statement";
    if (isa<CXXTryStmt>(s)) return "'try' block";
    return std::string(s->getStmtClassName());
  }

  void lowerReturn(Body& b, const ReturnStmt* rs) {
    const auto& outs = b.wf->interface.outputs;
    if (!rs->getRetValue()) return;
    if (outs.size() > 1) {
      // return {a, b} / std::make_tuple(a, b) / std::tuple<...>(a, b)
      const Expr* e = unwrap(rs->getRetValue());
      std::vector<const Expr*> parts;
      if (auto* c = dyn_cast<CXXConstructExpr>(e))
        for (const Expr* a : c->arguments()) parts.push_back(a);
      else if (auto* call = dyn_cast<CallExpr>(e); call && call->getDirectCallee() &&
                                                     call->getDirectCallee()->getName() == "make_tuple")
        for (const Expr* a : call->arguments()) parts.push_back(a);
      else if (auto* ile = dyn_cast<InitListExpr>(e))
        for (const Expr* a : ile->inits()) parts.push_back(a);
      if (parts.size() != outs.size())
        return expressionError(b, rs->getRetValue(), "return a std::tuple of task outputs, one per element");
      for (size_t i = 0; i < parts.size(); ++i) bindOutput(b, outs[i], parts[i]);
      return;
    }
    if (outs.size() == 1) bindOutput(b, outs[0], rs->getRetValue());
  }

  void bindOutput(Body& b, const ir::Variable& out, const Expr* e) {
    auto v = lowerExpr(b, e, &out.type);
    if (!v) return;
    if (v->kind != Value::Kind::Binding) return expressionError(b, e, "a workflow must return task outputs or inputs");
    b.wf->outputs.push_back({out.name, v->binding});
  }

  void expressionError(Body& b, const Expr* e, llvm::StringRef why) {
    report(diags_, e->getExprLoc(), DiagKind::WorkflowExpression) << b.fd->getName() << why << e->getSourceRange();
  }

  // ---- expressions -----------------------------------------------------------------------------
  // `expected` is the Flyte type the context wants (for literals); may be null.
  std::optional<Value> lowerExpr(Body& b, const Expr* e, const ir::Type* expected) {
    const Expr* u = unwrap(e);
    if (!u) return std::nullopt;

    // Implicit conversion of a map result (MapResult<T> -> std::vector<T> or std::vector<std::optional<T>>).
    if (auto* mc = dyn_cast<CXXMemberCallExpr>(u); mc && isa<CXXConversionDecl>(mc->getMethodDecl()))
      return lowerExpr(b, mc->getImplicitObjectArgument(), expected);
    if (auto* ce = dyn_cast<CastExpr>(u); ce && ce->getCastKind() == CK_UserDefinedConversion)
      return lowerExpr(b, ce->getSubExpr(), expected);

    if (auto* ref = dyn_cast<DeclRefExpr>(u)) {
      if (auto* p = dyn_cast<ParmVarDecl>(ref->getDecl()); p && p->getDeclContext() == b.fd) {
        const ir::Variable* in = b.wf->interface.findInput(p->getNameAsString());
        if (!in) return std::nullopt;
        Value v;
        v.binding = ir::BindingValue::promise("", in->name);
        v.type = in->type;
        return v;
      }
      if (auto* vd = dyn_cast<VarDecl>(ref->getDecl())) {
        auto it = b.locals.find(vd);
        if (it != b.locals.end()) return it->second;
      }
    }

    if (auto* op = dyn_cast<CXXOperatorCallExpr>(u); op && op->getOperator() == OO_Call && op->getNumArgs() >= 1 &&
                                                      isSdkRecord(op->getArg(0)->getType(), "MapTask"))
      return lowerMapCall(b, op);

    if (auto* mc = dyn_cast<CXXMemberCallExpr>(u); mc && isSdk(mc->getMethodDecl(), "with_overrides"))
      return lowerOverrides(b, mc);

    if (auto* call = dyn_cast<CallExpr>(u); call && !isa<CXXOperatorCallExpr>(u)) {
      const FunctionDecl* callee = call->getDirectCallee();
      if (callee && isSdk(callee, "partial")) return lowerPartial(b, call);
      if (callee && isSdk(callee, "map_task")) return lowerMapTask(b, call);
      EntityKind kind;
      if (callee && flyteAnnotation(callee, &kind)) return lowerEntityCall(b, call, callee, kind);
    }

    // Constants: literals, constexpr variables and expressions of them.
    ir::Type want;
    if (expected) want = *expected;
    else if (auto t = mapType(e->getType())) want = *t;
    else return expressionError(b, e, "only task, workflow and map_task calls, their outputs, workflow inputs and "
                                      "constants can appear in a workflow"),
                std::nullopt;
    // A list assembled from promises and constants: bound item by item.
    if (want.kind == ir::Type::Kind::Collection && referencesPromise(b, u))
      if (const InitListExpr* ile = initList(u)) {
        std::vector<ir::BindingValue> items;
        for (const Expr* init : ile->inits()) {
          auto item = lowerExpr(b, init, &want.element());
          if (!item || item->kind != Value::Kind::Binding) return std::nullopt;
          items.push_back(item->binding);
        }
        Value v;
        v.binding = ir::BindingValue::collection(std::move(items));
        v.type = want;
        return v;
      }
    if (!referencesPromise(b, u))
      if (auto lit = evalLiteral(e, want, ctx_)) {
        Value v;
        v.binding = ir::BindingValue::constant(*lit);
        v.type = want;
        return v;
      }
    expressionError(b, e,
                    referencesPromise(b, u)
                        ? "workflow inputs and task outputs are promises resolved on the cluster; compute with them "
                          "inside a task"
                        : "only task, workflow and map_task calls, their outputs, workflow inputs and constants can "
                          "appear in a workflow");
    return std::nullopt;
  }

  // Does `e` read a workflow input or a local holding a node output?
  bool referencesPromise(Body& b, const Expr* e) {
    if (!e) return false;
    if (auto* ref = dyn_cast<DeclRefExpr>(e)) {
      if (auto* p = dyn_cast<ParmVarDecl>(ref->getDecl()); p && p->getDeclContext() == b.fd) return true;
      if (auto* vd = dyn_cast<VarDecl>(ref->getDecl()); vd && b.locals.count(vd)) return true;
    }
    for (const Stmt* child : e->children())
      if (auto* ce = dyn_cast_or_null<Expr>(child); ce && referencesPromise(b, ce)) return true;
    return false;
  }

  // The task named by a callable expression: a function, &function, or a local holding one.
  const FunctionDecl* taskOf(const Expr* e) {
    const Expr* u = unwrap(e);
    if (auto* uo = dyn_cast_or_null<UnaryOperator>(u); uo && uo->getOpcode() == UO_AddrOf) u = unwrap(uo->getSubExpr());
    if (auto* ref = dyn_cast_or_null<DeclRefExpr>(u))
      if (auto* fd = dyn_cast<FunctionDecl>(ref->getDecl())) return fd;
    return nullptr;
  }

  bool requireTask(const Expr* e, const FunctionDecl* fd) {
    EntityKind kind;
    if (fd && flyteAnnotation(fd, &kind) && kind == EntityKind::Task) return true;
    report(diags_, e->getExprLoc(), DiagKind::NotATask)
        << (fd ? fd->getName() : llvm::StringRef("this expression")) << e->getSourceRange();
    return false;
  }

  // "name"_a = value  ->  (name, value expression)
  static std::optional<std::pair<std::string, const Expr*>> namedArg(const Expr* e) {
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
    if (!op || op->getOperator() != OO_Equal || op->getNumArgs() != 2 || !isSdkRecord(op->getArg(0)->getType(), "ArgName"))
      return std::nullopt;
    auto* lit = dyn_cast_or_null<UserDefinedLiteral>(unwrap(op->getArg(0)));
    auto* str = lit ? dyn_cast_or_null<StringLiteral>(unwrap(lit->getCookedLiteral())) : nullptr;
    if (!str) return std::nullopt;
    return std::make_pair(str->getString().str(), op->getArg(1));
  }

  const ir::Task* irTask(const FunctionDecl* fd) { return module_.findTask(name(fd)); }

  std::optional<Value> lowerPartial(Body& b, const CallExpr* call) {
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

  bool bindNamed(Body& b, Value& v, const ir::Task& t, const std::string& input, const Expr* valueExpr,
                 const Expr* whole) {
    const ir::Variable* param = t.interface.findInput(input);
    if (!param) {
      report(diags_, whole->getBeginLoc(), DiagKind::UnknownParameter) << t.name << input << whole->getSourceRange();
      return false;
    }
    for (const auto& existing : v.bound)
      if (existing.first == input) {
        report(diags_, whole->getBeginLoc(), DiagKind::BoundTwice) << input << t.name << whole->getSourceRange();
        return false;
      }
    auto value = lowerExpr(b, valueExpr, &param->type);
    if (!value || value->kind != Value::Kind::Binding) return false;
    v.bound.push_back({input, {value->binding, value->type}});
    return true;
  }

  std::optional<Value> lowerMapTask(Body& b, const CallExpr* call) {
    if (call->getNumArgs() < 1) return std::nullopt;
    Value v;
    const Expr* target = call->getArg(0);
    if (auto* fd = taskOf(target)) {
      if (!requireTask(target, fd)) return std::nullopt;
      v.task = fd;
    } else if (auto p = lowerExpr(b, target, nullptr); p && p->kind == Value::Kind::Partial) {
      v = *p;
    } else {
      report(diags_, target->getExprLoc(), DiagKind::NotATask) << "this expression" << target->getSourceRange();
      return std::nullopt;
    }
    v.kind = Value::Kind::Mapper;
    if (call->getNumArgs() >= 2 && !isa<CXXDefaultArgExpr>(call->getArg(1))) {
      const Expr* opts = call->getArg(1);
      bool ok = forEachSetField(opts, [&](llvm::StringRef f, const Expr* init) {
        if (f == "concurrency") v.concurrency = readNumber<std::uint32_t>(init, f);
        else if (f == "min_successes") v.minSuccesses = readNumber<std::uint32_t>(init, f);
        else if (f == "min_success_ratio") {
          auto r = evalFloat(optionalPayload(init), ctx_);
          if (!r) notConstant(init, f);
          v.minSuccessRatio = r.value_or(1.0);
        } else if (f == "metadata") {
          ir::Metadata md;
          forEachSetField(optionalPayload(init), [&](llvm::StringRef mf, const Expr* mi) { readMetadataField(mf, mi, md); });
          v.metadata = md;
        }
      });
      if (!ok) notConstant(opts, "map_task options");
    }
    return v;
  }

  std::optional<Value> lowerMapCall(Body& b, const CXXOperatorCallExpr* op) {
    auto mapper = lowerExpr(b, op->getArg(0), nullptr);
    if (!mapper || mapper->kind != Value::Kind::Mapper) {
      if (mapper) expressionError(b, op->getArg(0), "expected a flyte::map_task(...)");
      return std::nullopt;
    }
    const ir::Task* task = irTask(mapper->task);
    if (!task) return std::nullopt;
    // Mapped inputs: named, or positional in parameter order skipping what the partial bound.
    std::vector<std::pair<std::string, const Expr*>> mapped;
    std::set<std::string> taken;
    for (const auto& bnd : mapper->bound) taken.insert(bnd.first);
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
          report(diags_, arg->getBeginLoc(), DiagKind::UnknownParameter) << task->name << input << arg->getSourceRange();
          ok = false;
          continue;
        }
      } else {
        const auto& ins = task->interface.inputs;
        while (nextPositional < ins.size() && taken.count(ins[nextPositional].name)) ++nextPositional;
        if (nextPositional >= ins.size()) {
          report(diags_, arg->getBeginLoc(), DiagKind::TooManyArguments) << task->name << arg->getSourceRange();
          ok = false;
          continue;
        }
        input = ins[nextPositional].name;
      }
      if (!taken.insert(input).second) {
        report(diags_, arg->getBeginLoc(), DiagKind::BoundTwice) << input << task->name << arg->getSourceRange();
        ok = false;
        continue;
      }
      mapped.emplace_back(input, valueExpr);
    }
    if (!ok) return std::nullopt;

    ir::MapTask mt;
    mt.task = task->name;
    for (const auto& bnd : mapper->bound) mt.boundInputs.push_back(bnd.first);
    std::sort(mt.boundInputs.begin(), mt.boundInputs.end());
    mt.concurrency = mapper->concurrency;
    mt.minSuccessRatio = mapper->minSuccessRatio;
    mt.minSuccesses = mapper->minSuccesses;
    mt.metadata = mapper->metadata.value_or(task->metadata);
    mt.loc = loc(op->getExprLoc());
    for (const auto& in : task->interface.inputs)
      mt.interface.inputs.push_back({in.name, mt.isBound(in.name) ? in.type : ir::Type::list(in.type), {}});
    bool optionalItems = (mt.minSuccessRatio && *mt.minSuccessRatio < 1) || mt.minSuccesses;
    for (const auto& out : task->interface.outputs)
      mt.interface.outputs.push_back(
          {out.name, ir::Type::list(optionalItems && !out.type.isOptional() ? ir::Type::optional(out.type) : out.type), {}});
    mt.name = ir::mapTaskName(*task, mt);
    if (!module_.findMapTask(mt.name)) module_.mapTasks.push_back(mt);

    ir::Node node;
    node.kind = ir::Node::Kind::Array;
    node.target = mt.name;
    node.displayName = mt.name;
    node.loc = loc(op->getExprLoc());
    for (const auto& bnd : mapper->bound) node.inputs.push_back({bnd.first, bnd.second.first});
    for (const auto& [input, valueExpr] : mapped) {
      const ir::Variable* in = mt.interface.findInput(input);
      auto value = lowerExpr(b, valueExpr, in ? &in->type : nullptr);
      if (!value || value->kind != Value::Kind::Binding) {
        if (value) expressionError(b, valueExpr, "expected a list to map over");
        return std::nullopt;
      }
      node.inputs.push_back({input, value->binding});
    }
    return addNode(b, std::move(node), mt.interface);
  }

  std::optional<Value> lowerOverrides(Body& b, const CXXMemberCallExpr* mc) {
    auto v = lowerExpr(b, mc->getImplicitObjectArgument(), nullptr);
    if (!v || v->nodeId.empty()) return v;
    ir::Node* node = nullptr;
    for (auto& n : b.wf->nodes)
      if (n.id == v->nodeId) node = &n;
    if (!node || mc->getNumArgs() != 1) return v;
    forEachSetField(mc->getArg(0), [&](llvm::StringRef f, const Expr* init) {
      if (f == "requests") readResources(init, node->overrideRequests, f);
      else if (f == "limits") readResources(init, node->overrideLimits, f);
      else if (f == "container_image") node->overrideImage = readString(init, f);
      else if (f == "name") node->displayName = readString(init, f);
    });
    return v;
  }

  std::optional<Value> lowerEntityCall(Body& b, const CallExpr* call, const FunctionDecl* callee, EntityKind kind) {
    const ir::Interface* iface = nullptr;
    ir::Node node;
    node.loc = loc(call->getExprLoc());
    node.displayName = callee->getNameAsString();
    if (kind == EntityKind::Task) {
      const ir::Task* t = irTask(callee);
      if (!t) return std::nullopt;
      iface = &t->interface;
      node.kind = ir::Node::Kind::Task;
      node.target = t->name;
    } else {
      const ir::Workflow* w = module_.findWorkflow(name(callee));
      if (!w) return std::nullopt;
      iface = &w->interface;
      node.kind = ir::Node::Kind::Workflow;
      node.target = w->name;
    }
    const ir::Interface ifaceCopy = *iface;  // module_ may grow while lowering arguments
    for (unsigned i = 0; i < call->getNumArgs() && i < ifaceCopy.inputs.size(); ++i) {
      const ir::Variable& in = ifaceCopy.inputs[i];
      auto value = lowerExpr(b, call->getArg(i), &in.type);
      if (!value || value->kind != Value::Kind::Binding) return std::nullopt;
      node.inputs.push_back({in.name, value->binding});
    }
    return addNode(b, std::move(node), ifaceCopy);
  }

  Value addNode(Body& b, ir::Node node, const ir::Interface& iface) {
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
    }
    b.wf->nodes.push_back(std::move(node));
    return v;
  }

  ASTContext& ctx_;
  DiagnosticsEngine& diags_;
  ir::Module& module_;
  std::vector<const FunctionDecl*> taskDecls_, workflowDecls_;
  std::set<const FunctionDecl*> seen_, ownWorkflows_;
  std::map<const FunctionDecl*, std::string> names_;
};

}  // namespace

void lowerTranslationUnit(ASTContext& ctx, ir::Module& module) { TULowering(ctx, module).run(); }

}  // namespace flytecc::compiler
