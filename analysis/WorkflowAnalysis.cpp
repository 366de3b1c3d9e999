#include "analysis/WorkflowAnalysis.h"

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
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Regex.h>

#include "analysis/Diagnostics.h"
#include "analysis/Constants.h"
#include "analysis/SdkNames.h"
#include "analysis/TaskCallsTaskCheck.h"
#include "analysis/TypeMapping.h"
#include "ir/Rules.h"
#include "support/Files.h"

namespace flytecc::analysis {
using namespace clang;
using ir::Literal;

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

bool isSdk(const NamedDecl* d, llvm::StringRef name) { return isSdkDecl(d, name); }

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
  // Invalid: a local whose initializer was already reported; its uses stay silent.
  enum class Kind { Binding, Outputs, Partial, Mapper, Invalid };
  Kind kind = Kind::Binding;
  ir::BindingValue binding;  // Binding
  ir::Type type;             // Binding
  std::string nodeId;        // Outputs / Binding from a node
  std::vector<ir::Variable> outputs;  // Outputs: o0..oN of a node with several
  // Partial / Mapper:
  const FunctionDecl* task = nullptr;
  struct Bound {
    std::string name;
    ir::BindingValue binding;
    ir::Type type;
    SourceRange range;  // the `"name"_a = value` in the partial
  };
  std::vector<Bound> bound;
  std::optional<std::uint32_t> concurrency, minSuccesses;
  std::optional<double> minSuccessRatio;
  std::optional<ir::Metadata> metadata;

  static Value invalid() {
    Value v;
    v.kind = Kind::Invalid;
    return v;
  }
};

class TULowering {
 public:
  TULowering(ASTContext& ctx, Reporter& rep, ir::Module& module) : ctx_(ctx), rep_(rep), module_(module) {}

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
      } else if (auto* rd = dyn_cast<CXXRecordDecl>(d);
                 rd && rd->isThisDeclarationADefinition() && !isa<ClassTemplateSpecializationDecl>(rd)) {
        collect(rd);  // static member functions can be tasks and workflows (templates were rejected)
      } else if (auto* ed = dyn_cast<ExportDecl>(d)) {
        collect(ed);
      } else if (auto* ct = dyn_cast<ClassTemplateDecl>(d)) {
        // Members of class templates have no single interface either.
        for (const Decl* member : ct->getTemplatedDecl()->decls()) {
          const FunctionDecl* fd = dyn_cast<FunctionDecl>(member);
          if (auto* ft = dyn_cast<FunctionTemplateDecl>(member)) fd = ft->getTemplatedDecl();
          EntityKind kind;
          if (fd && flyteAnnotation(fd, &kind)) reject(fd, kind, 1);
        }
      } else if (auto* friendDecl = dyn_cast<FriendDecl>(d)) {
        EntityKind kind;
        if (auto* fd = dyn_cast_or_null<FunctionDecl>(friendDecl->getFriendDecl()); fd && flyteAnnotation(fd, &kind))
          reject(fd, kind, 2);
      } else if (auto* ft = dyn_cast<FunctionTemplateDecl>(d)) {
        EntityKind kind;
        if (flyteAnnotation(ft->getTemplatedDecl(), &kind)) reject(ft->getTemplatedDecl(), kind, 1);
      } else if (auto* fd = dyn_cast<FunctionDecl>(d)) {
        EntityKind kind;
        if (!flyteAnnotation(fd, &kind)) continue;
        if (auto* md = dyn_cast<CXXMethodDecl>(fd); md && !md->isStatic()) {
          reject(fd, kind, 0);
          continue;
        }
        const FunctionDecl* canon = fd->getCanonicalDecl();
        // Prefer the definition, so workflow bodies and locations point at it.
        const FunctionDecl* def = fd->getDefinition() ? fd->getDefinition() : fd;
        auto& list = kind == EntityKind::Task ? taskDecls_ : workflowDecls_;
        if (seen_.insert(canon).second) list.push_back(def);
      }
    }
  }

  void reject(const FunctionDecl* fd, EntityKind kind, unsigned why) {
    if (!rejected_.insert(fd->getCanonicalDecl()).second) return;
    rep_.report(fd->getLocation(), DiagKind::UnsupportedEntity) << fd->getNameAsString() << unsigned(kind) << why;
  }

  // Whether a problem with this entity was already reported (no second error at its uses).
  bool wasRejected(const FunctionDecl* fd) const {
    if (auto* tmpl = fd->getPrimaryTemplate()) fd = tmpl->getTemplatedDecl();
    if (auto* member = fd->getInstantiatedFromMemberFunction()) fd = member;  // of a class template
    return rejected_.count(fd->getCanonicalDecl()) > 0;
  }

  // Absolute and without ./.. so the same file has one spelling across TUs (names are compared, and the
  // package is ordered, by location).
  ir::SourceLoc loc(SourceLocation l) const {
    const SourceManager& sm = ctx_.getSourceManager();
    PresumedLoc p = sm.getPresumedLoc(sm.getFileLoc(l));
    if (p.isInvalid()) return {};
    return {support::absolutePath(p.getFilename()), p.getLine(), p.getColumn()};
  }

  std::string name(const FunctionDecl* fd) {
    auto it = names_.find(fd->getCanonicalDecl());
    return it == names_.end() ? flyteName(fd, nullptr) : it->second;
  }

  // ---- interfaces ------------------------------------------------------------------------------
  bool lowerInterface(const FunctionDecl* fd, ir::Interface& iface, bool withDefaults) {
    bool ok = true;
    for (const ParmVarDecl* p : fd->parameters()) {
      auto t = mapType(p->getType());
      if (!t) {
        rep_.report(p->getLocation(), DiagKind::UnsupportedType)
            << "parameter" << p->getNameAsString() << fd->getNameAsString() << p->getType() << p->getSourceRange();
        ok = false;
        continue;
      }
      if (p->getName().empty()) {
        rep_.report(p->getLocation(), DiagKind::UnnamedParameter) << fd->getNameAsString() << p->getSourceRange();
        ok = false;
        continue;
      }
      ir::Variable v{p->getNameAsString(), *t, std::nullopt};
      if (withDefaults && p->hasDefaultArg() && !p->hasUnparsedDefaultArg()) {
        v.defaultValue = evalLiteral(p->getDefaultArg(), *t, ctx_);
        if (!v.defaultValue) {
          rep_.report(p->getDefaultArg()->getBeginLoc(), DiagKind::ConfigNotConstant)
              << ("default value of '" + p->getNameAsString() + "'") << p->getDefaultArg()->getSourceRange();
          ok = false;
        }
      }
      iface.inputs.push_back(std::move(v));
    }
    auto outs = mapResultTypes(fd->getReturnType());
    if (!outs) {
      SourceRange r = fd->getReturnTypeSourceRange();  // invalid when the type comes from a typedef
      rep_.report(r.isValid() ? r.getBegin() : fd->getLocation(), DiagKind::UnsupportedType)
          << "result" << "o0" << fd->getNameAsString() << fd->getReturnType() << r;
      return false;
    }
    for (size_t i = 0; i < outs->size(); ++i) iface.outputs.push_back({fmt::format("o{}", i), (*outs)[i], {}});
    return ok;
  }

  // ---- configs ---------------------------------------------------------------------------------
  void notConstant(const Expr* e, llvm::StringRef field) {
    rep_.report(e->getBeginLoc(), DiagKind::ConfigNotConstant) << field << e->getSourceRange();
  }

  std::string readString(const Expr* e, llvm::StringRef field) {
    bool isNull = false;
    auto s = evalString(e, ctx_, &isNull);
    if (!s) notConstant(e, field);
    return s.value_or("");
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

  // A Kubernetes resource.Quantity: a decimal number with an optional binary, decimal or exponent suffix.
  std::string readQuantity(const Expr* init, llvm::StringRef path) {
    std::string q = readString(init, path);
    static const llvm::Regex quantity("^[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$");
    if (!q.empty() && !quantity.match(q)) rep_.report(init->getBeginLoc(), DiagKind::BadQuantity) << q << init->getSourceRange();
    return q;
  }

  void readResources(const Expr* e, ir::Resources& r, llvm::StringRef field) {
    forEachSetField(e, [&](llvm::StringRef f, const Expr* init) {
      std::string path = (field + "." + f).str();
      if (f == "cpu") r.cpu = readQuantity(init, path);
      else if (f == "mem") r.mem = readQuantity(init, path);
      else if (f == "gpu") r.gpu = readQuantity(init, path);
      else if (f == "ephemeral_storage") r.ephemeralStorage = readQuantity(init, path);
    });
  }

  // A count that must not be negative (retries, concurrency, min_successes).
  std::uint32_t readCount(const Expr* init, llvm::StringRef field) {
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
  bool readMetadataField(llvm::StringRef f, const Expr* init, ir::Metadata& m) {
    if (f == "cache") m.cache = readBool(init, f);
    else if (f == "cache_version") m.cacheVersion = readString(init, f);
    else if (f == "cache_serialize") m.cacheSerialize = readBool(init, f);
    else if (f == "retries") m.retries = readCount(init, f);
    else if (f == "timeout") {
      m.timeoutSeconds = readSeconds(init, f);
      if (m.timeoutSeconds < 0) {
        rep_.report(init->getBeginLoc(), DiagKind::NegativeValue) << f << (std::to_string(m.timeoutSeconds) + "s")
                                                                  << init->getSourceRange();
        m.timeoutSeconds = 0;
      }
    }
    else if (f == "interruptible") m.interruptible = readBool(init, f);
    else return false;
    return true;
  }

  // Entity names are unique across tasks and workflows: in this TU (with a note at the first), and
  // across TUs (a different source location for the same name).
  bool claimName(const std::string& name, const FunctionDecl* fd, unsigned kind) {
    if (!ir::isValidEntityName(name)) {
      rep_.report(fd->getLocation(), DiagKind::InvalidName) << name;
      return false;
    }
    auto [it, fresh] = claimed_.emplace(name, fd);
    if (!fresh && it->second->getCanonicalDecl() != fd->getCanonicalDecl()) {
      rep_.report(fd->getLocation(), DiagKind::DuplicateName) << kind << name;
      rep_.report(it->second->getLocation(), DiagKind::PreviousDefinition);
      return false;
    }
    ir::SourceLoc here = loc(fd->getLocation());
    auto clash = [&](const ir::SourceLoc& other) {
      return !other.file.empty() && (other.file != here.file || other.line != here.line);
    };
    const ir::Task* t = module_.findTask(name);
    const ir::Workflow* w = module_.findWorkflow(name);
    if ((t && clash(t->loc)) || (w && clash(w->loc))) {
      rep_.report(fd->getLocation(), DiagKind::DuplicateName) << kind << name;
      return false;
    }
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
    if (task.metadata.cache && task.metadata.cacheVersion.empty() && attr)
      rep_.report(fd->getLocation(), DiagKind::CacheWithoutVersion) << (*attr->args_begin())->getSourceRange();
    if (!admit(fd, task, configuredName, /*withDefaults=*/false, 0, declaredTasks_)) return;
    if (!module_.findTask(task.name)) module_.tasks.push_back(std::move(task));
  }

  // What tasks and workflows share once their configs are read: name, location and interface, then
  // whether this TU defines the entity (true) or only declares it (kept in `declared`, for calls; the
  // whole-program verifier reports one that no input defines).
  template <class Entity>
  bool admit(const FunctionDecl* fd, Entity& e, const std::string& configuredName, bool withDefaults, unsigned kind,
             std::map<const FunctionDecl*, Entity>& declared) {
    const FunctionDecl* canon = fd->getCanonicalDecl();
    e.name = flyteName(fd, configuredName.c_str());
    names_[canon] = e.name;
    e.cxxName = fd->getQualifiedNameAsString();
    e.loc = loc(fd->getLocation());
    if (!lowerInterface(fd, e.interface, withDefaults)) {
      rejected_.insert(canon);
      return false;
    }
    if (!fd->hasBody()) {
      declared[canon] = std::move(e);
      return false;
    }
    if (!claimName(e.name, fd, kind)) {
      rejected_.insert(canon);
      return false;
    }
    return true;
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
    if (!admit(fd, wf, configuredName, /*withDefaults=*/true, 1, declared_)) return;
    if (!module_.findWorkflow(wf.name)) {
      module_.workflows.push_back(std::move(wf));
      ownWorkflows_.insert(fd->getCanonicalDecl());
    }
  }

  struct Body {
    ir::Workflow* wf;
    const FunctionDecl* fd;
    std::map<const ValueDecl*, Value> locals;  // variables and structured bindings
  };

  ir::Workflow* workflowFor(const FunctionDecl* fd) {
    return const_cast<ir::Workflow*>(module_.findWorkflow(name(fd)));
  }

  void lowerWorkflowBody(const FunctionDecl* fd) {
    if (!ownWorkflows_.count(fd->getCanonicalDecl())) return;
    ir::Workflow* wf = workflowFor(fd);
    if (!wf) return;
    Body body{wf, fd, {}};
    mapCalls_.clear();
    auto* compound = dyn_cast<CompoundStmt>(fd->getBody());
    if (!compound) return statementError(fd->getBody(), "function-try-block");
    bool returned = false;
    for (const Stmt* s : compound->body()) {
      if (returned) {
        statementError(s, "statement after 'return'");
        break;
      }
      lowerStatement(body, s);
      returned = isa<ReturnStmt>(s);
    }
  }

  void statementError(const Stmt* s, llvm::StringRef what) {
    rep_.report(s->getBeginLoc(), DiagKind::WorkflowStatement) << what << s->getSourceRange();
  }

  void lowerStatement(Body& b, const Stmt* s) {
    if (isa<NullStmt>(s)) return;
    if (auto* ds = dyn_cast<DeclStmt>(s)) {
      for (const Decl* d : ds->decls()) {
        if (isa<UsingDirectiveDecl, UsingDecl, StaticAssertDecl, TypedefNameDecl, UsingShadowDecl>(d)) continue;
        auto* vd = dyn_cast<VarDecl>(d);
        if (!vd || !vd->hasInit()) {
          statementError(s, "declaration");
          continue;
        }
        auto v = lowerExpr(b, vd->getInit(), nullptr);
        if (auto* dd = dyn_cast<DecompositionDecl>(vd)) {
          // auto [a, b] = task(x);  ->  a = n.o0, b = n.o1
          auto bindings = dd->bindings();
          if (v && v->kind == Value::Kind::Outputs && bindings.size() == v->outputs.size()) {
            for (size_t i = 0; i < bindings.size(); ++i) b.locals[bindings[i]] = outputOf(*v, i);
          } else {
            if (v) expressionError(b, vd->getInit(), "structured bindings unpack the outputs of a task or workflow "
                                                     "with as many outputs");
            for (auto* bd : bindings) b.locals[bd] = Value::invalid();
          }
          continue;
        }
        b.locals[vd] = v ? std::move(*v) : Value::invalid();
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
    if (outs.empty()) {  // `return task(x);` in a void workflow: still a node
      lowerExpr(b, rs->getRetValue(), nullptr);
      return;
    }
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
    if (v->binding.kind == ir::BindingValue::Kind::Promise && !ir::isCastable(v->type, out.type)) {
      if (!reportPartialFailure(e, *v, out.type, b.fd->getReturnType(), b.fd->getReturnTypeSourceRange()))
        rep_.report(e->getBeginLoc(), DiagKind::BindingType) << 0u << out.name << b.wf->name << out.type.str()
                                                              << v->type.str() << (v->type.str() + " to " + out.type.str())
                                                              << e->getSourceRange();
      return;
    }
    b.wf->outputs.push_back({out.name, v->binding});
  }

  void expressionError(Body& b, const Expr* e, llvm::StringRef why) {
    rep_.report(e->getExprLoc(), DiagKind::WorkflowExpression) << b.fd->getNameAsString() << why << e->getSourceRange();
  }

  // ---- expressions -----------------------------------------------------------------------------
  // `expected` is the Flyte type the context wants (for literals); may be null.
  std::optional<Value> lowerExpr(Body& b, const Expr* e, const ir::Type* expected) {
    const Expr* u = unwrap(e);
    if (!u) return std::nullopt;

    // Implicit conversion of a map result (MapResult<T> -> std::vector<T> or std::vector<std::optional<T>>).
    if (auto* mc = dyn_cast<CXXMemberCallExpr>(u); mc && isa_and_nonnull<CXXConversionDecl>(mc->getMethodDecl()))
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
      if (auto it = b.locals.find(ref->getDecl()); it != b.locals.end()) {
        if (it->second.kind == Value::Kind::Invalid) return std::nullopt;  // already reported
        return it->second;
      }
    }

    if (auto* op = dyn_cast<CXXOperatorCallExpr>(u); op && op->getOperator() == OO_Call && op->getNumArgs() >= 1 &&
                                                      isSdkRecord(op->getArg(0)->getType(), "MapTask"))
      return lowerMapCall(b, op);

    if (auto* mc = dyn_cast<CXXMemberCallExpr>(u); mc && mc->getMethodDecl() && isSdk(mc->getMethodDecl(), "with_overrides"))
      return lowerOverrides(b, mc);

    if (auto* call = dyn_cast<CallExpr>(u); call && !isa<CXXOperatorCallExpr>(u)) {
      const FunctionDecl* callee = call->getDirectCallee();
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
      if (b.locals.count(ref->getDecl())) return true;
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
    if (fd && flyteAnnotation(fd, &kind) && kind == EntityKind::Task) {
      if (irTask(fd) || wasRejected(fd)) return irTask(fd) != nullptr;
    }
    bool workflow = fd && flyteAnnotation(fd, &kind) && kind == EntityKind::Workflow;
    rep_.report(e->getExprLoc(), DiagKind::NotATask)
        << (fd ? fd->getNameAsString() : std::string("this expression")) << unsigned(workflow) << e->getSourceRange();
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

  const ir::Task* irTask(const FunctionDecl* fd) {
    if (const ir::Task* t = module_.findTask(name(fd))) return t;
    auto it = declaredTasks_.find(fd->getCanonicalDecl());
    return it == declaredTasks_.end() ? nullptr : &it->second;
  }

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
      unknownParameter(t, input, whole);
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
      rep_.report(target->getExprLoc(), DiagKind::NotATask) << "this expression" << 0u << target->getSourceRange();
      return std::nullopt;
    }
    v.kind = Value::Kind::Mapper;
    if (call->getNumArgs() >= 2 && !isa<CXXDefaultArgExpr>(call->getArg(1))) {
      const Expr* opts = call->getArg(1);
      const Expr* ratioInit = nullptr;
      const Expr* successesInit = nullptr;
      bool ok = forEachSetField(opts, [&](llvm::StringRef f, const Expr* init) {
        if (f == "concurrency") v.concurrency = readCount(init, f);
        else if (f == "min_successes") {
          v.minSuccesses = readCount(init, f);
          successesInit = init;
        } else if (f == "min_success_ratio") {
          auto r = evalFloat(optionalPayload(init), ctx_);
          if (!r) notConstant(init, f);
          v.minSuccessRatio = r.value_or(1.0);
          if (r && !ir::isValidMinSuccessRatio(*r)) {
            rep_.report(init->getBeginLoc(), DiagKind::RatioRange) << Literal::ofFloat(*r).str() << init->getSourceRange();
            v.minSuccessRatio.reset();
          }
          ratioInit = init;
        } else if (f == "metadata") {
          ir::Metadata md;
          forEachSetField(optionalPayload(init), [&](llvm::StringRef mf, const Expr* mi) { readMetadataField(mf, mi, md); });
          if (md.cache && md.cacheVersion.empty())
            rep_.report(init->getBeginLoc(), DiagKind::CacheWithoutVersion) << init->getSourceRange();
          v.metadata = md;
        }
      });
      if (!ok) notConstant(opts, "map_task options");
      if (ratioInit && successesInit) {  // ir::conflictingSuccessCriteria, with both locations
        rep_.report(successesInit->getBeginLoc(), DiagKind::RatioAndSuccesses) << successesInit->getSourceRange()
                                                                              << ratioInit->getSourceRange();
        v.minSuccessRatio.reset();
      }
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
    SourceLocation callLoc = op->getArg(0)->getBeginLoc();
    if (task->interface.outputs.size() > 1) {
      rep_.report(callLoc, DiagKind::MapMultipleOutputs) << task->name << unsigned(task->interface.outputs.size())
                                                         << op->getSourceRange();
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
          unknownParameter(*task, input, arg);
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
      unsigned origin = 0;
      std::string originName;
      if (bnd.binding.kind == ir::BindingValue::Kind::Promise) {
        origin = bnd.binding.nodeId.empty() ? 1 : 2;
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
    mt.interface = ir::mapTaskInterface(task->interface, mt.boundInputs,
                                        ir::mapItemsMayFail(mt.minSuccessRatio, mt.minSuccesses));
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
    if (!module_.findMapTask(mt.name)) module_.mapTasks.push_back(mt);
    Value result = addNode(b, std::move(node), mt.interface);
    mapCalls_[result.nodeId] = {op, mt.minSuccesses.has_value(), task->name};
    return result;
  }

  std::string nodeTarget(Body& b, const std::string& nodeId) {
    for (const auto& n : b.wf->nodes)
      if (n.id == nodeId) return n.displayName;
    return nodeId;
  }

  void unknownParameter(const ir::Task& t, const std::string& input, const Expr* whole) {
    // "did you mean": the closest parameter name, if it is close.
    std::string best;
    unsigned bestDistance = ~0u;
    for (const auto& in : t.interface.inputs) {
      unsigned d = llvm::StringRef(in.name).edit_distance(input, true, 3);
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
  bool checkBinding(const Expr* e, const Value& v, const ir::Type& want, bool mappedInput, const std::string& input,
                    const std::string& owner, const ParmVarDecl* consumer = nullptr) {
    if (v.binding.kind == ir::BindingValue::Kind::Literal) return true;  // constants are read as `want`
    if (v.binding.kind == ir::BindingValue::Kind::Collection) return true;  // items were checked one by one
    if (ir::isCastable(v.type, want)) return true;
    if (mappedInput && want.kind == ir::Type::Kind::Collection && v.type.kind != ir::Type::Kind::Collection) {
      rep_.report(e->getBeginLoc(), DiagKind::MapScalar) << input << owner << want.element().str() << v.type.str()
                                                        << e->getSourceRange();
      return false;
    }
    if (consumer && reportPartialFailure(e, v, want, consumer->getType(),
                                         consumer->getTypeSourceInfo()
                                             ? consumer->getTypeSourceInfo()->getTypeLoc().getSourceRange()
                                             : SourceRange()))
      return false;
    if (!consumer && reportPartialFailure(e, v, want, QualType(), SourceRange())) return false;
    rep_.report(e->getBeginLoc(), DiagKind::BindingType)
        << unsigned(mappedInput) << input << owner << want.str() << v.type.str()
        << (v.type.str() + " to " + want.str()) << e->getSourceRange();
    return false;
  }

  // A map output with optional items ([T?]) consumed as [T]: explain, with a fix-it that makes the
  // consumer's declared type (`consumerType`, spelled at `consumerRange`) a vector of optionals.
  bool reportPartialFailure(const Expr* e, const Value& v, const ir::Type& want, QualType consumerType,
                            SourceRange consumerRange) {
    if (v.binding.kind != ir::BindingValue::Kind::Promise || v.type.kind != ir::Type::Kind::Collection ||
        !v.type.element().isOptional() || want.kind != ir::Type::Kind::Collection || want.element().isOptional())
      return false;
    auto call = mapCalls_.find(v.binding.nodeId);
    if (call == mapCalls_.end()) return false;
    {
    auto d = rep_.report(e->getBeginLoc(), DiagKind::PartialFailureType);
    d << unsigned(call->second.minSuccesses) << call->second.task << v.type.str() << want.str() << e->getSourceRange();
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
      if (!t && !wasRejected(callee))
        rep_.report(call->getExprLoc(), DiagKind::NotATask) << callee->getNameAsString() << 0u << call->getSourceRange();
      if (!t) return std::nullopt;
      iface = &t->interface;
      node.kind = ir::Node::Kind::Task;
      node.target = t->name;
    } else {
      const ir::Workflow* w = module_.findWorkflow(name(callee));
      if (auto it = declared_.find(callee->getCanonicalDecl()); !w && it != declared_.end()) w = &it->second;
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
      const ParmVarDecl* param = i < callee->getNumParams() ? callee->getParamDecl(i) : nullptr;
      if (!checkBinding(call->getArg(i), *value, in.type, false, in.name, node.target, param)) return std::nullopt;
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
      v.outputs = iface.outputs;
    }
    b.wf->nodes.push_back(std::move(node));
    return v;
  }

  // Output `i` of a node with several outputs, as a promise.
  static Value outputOf(const Value& outputs, size_t i) {
    Value v;
    v.binding = ir::BindingValue::promise(outputs.nodeId, outputs.outputs[i].name);
    v.type = outputs.outputs[i].type;
    v.nodeId = outputs.nodeId;
    return v;
  }

  ASTContext& ctx_;
  Reporter& rep_;
  ir::Module& module_;
  std::vector<const FunctionDecl*> taskDecls_, workflowDecls_;
  std::set<const FunctionDecl*> seen_, ownWorkflows_;
  std::map<const FunctionDecl*, std::string> names_;
  std::map<std::string, const FunctionDecl*> claimed_;
  std::map<const FunctionDecl*, ir::Workflow> declared_;  // workflows defined in other TUs
  std::map<const FunctionDecl*, ir::Task> declaredTasks_;  // tasks defined in other TUs
  std::set<const FunctionDecl*> rejected_;                 // entities already reported as unusable
  struct MapCallInfo {
    const CXXOperatorCallExpr* call;
    bool minSuccesses;
    std::string task;
  };
  std::map<std::string, MapCallInfo> mapCalls_;  // by node id, in the workflow being lowered
};

}  // namespace

void analyzeTranslationUnit(ASTContext& ctx, Reporter& reporter, ir::Module& module) {
  TULowering(ctx, reporter, module).run();
  checkTasksCallingTasks(ctx, reporter);
}

}  // namespace flytecc::analysis
