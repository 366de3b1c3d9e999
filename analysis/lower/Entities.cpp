// Entities and admission: finding the annotated functions, rejecting the unsupported ones, names, interfaces, tasks and
// workflow interfaces.
#include "analysis/lower/Context.h"

#include <algorithm>
#include <clang/AST/DeclFriend.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>
#include <fmt/format.h>

#include "analysis/Constants.h"
#include "analysis/TypeMapping.h"
#include "ir/Rules.h"
#include "support/Files.h"

namespace flytecc::analysis::lower {

namespace {
// FLYTE_TASK / FLYTE_WORKFLOW on something that is not a named function (a variable holding a lambda, a
// lambda's call operator, a type, a field), anywhere in the TU, including inside function bodies.
class NonFunctionEntities : public RecursiveASTVisitor<NonFunctionEntities> {
 public:
  std::vector<std::pair<const NamedDecl*, EntityKind>> found;
  bool shouldVisitLambdaBody() const { return true; }
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool VisitDecl(Decl* d) {
    EntityKind kind;
    if (!d->hasAttrs() || !flyteAnnotation(d, &kind)) return true;
    auto* md = dyn_cast<CXXMethodDecl>(d);
    bool lambda = md && md->getParent()->isLambda();
    if ((isa<FunctionDecl>(d) && !lambda) || isa<FunctionTemplateDecl>(d)) return true;
    if (auto* nd = dyn_cast<NamedDecl>(d)) found.emplace_back(nd, kind);
    return true;
  }
};
}  // namespace

void TULowering::run() {
  {
    NonFunctionEntities v;
    v.TraverseDecl(ctx_.getTranslationUnitDecl());
    for (auto [d, kind] : v.found) {
      std::string name = d->getNameAsString();
      if (auto* md = dyn_cast<CXXMethodDecl>(d); md && md->getParent()->isLambda()) name = "lambda";
      rep_.report(d->getLocation(), DiagKind::UnsupportedEntity) << name << kind << UnsupportedReason::NotAFunction;
    }
  }
  collect(ctx_.getTranslationUnitDecl());
  for (const FunctionDecl* fd : taskDecls_) lowerTask(fd);
  for (const FunctionDecl* fd : workflowDecls_) lowerWorkflowInterface(fd);
  for (auto [fd, launchPlan] : referenceDecls_) lowerReference(fd, launchPlan);
  for (const VarDecl* vd : launchPlanDecls_) lowerLaunchPlan(vd);
  for (const FunctionDecl* fd : workflowDecls_)
    if (fd->hasBody()) lowerWorkflowBody(fd);
}

void TULowering::collect(const DeclContext* dc) {
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
        if (fd && flyteAnnotation(fd, &kind)) reject(fd, kind, UnsupportedReason::Template);
      }
    } else if (auto* friendDecl = dyn_cast<FriendDecl>(d)) {
      EntityKind kind;
      if (auto* fd = dyn_cast_or_null<FunctionDecl>(friendDecl->getFriendDecl()); fd && flyteAnnotation(fd, &kind))
        reject(fd, kind, UnsupportedReason::FriendDefinedInClass);
    } else if (auto* ft = dyn_cast<FunctionTemplateDecl>(d)) {
      EntityKind kind;
      if (flyteAnnotation(ft->getTemplatedDecl(), &kind))
        reject(ft->getTemplatedDecl(), kind, UnsupportedReason::Template);
    } else if (auto* vd = dyn_cast<VarDecl>(d)) {
      if (vd->hasAttrs())
        for (const auto* a : vd->specific_attrs<AnnotateAttr>())
          if (a->getAnnotation() == "flyte.launch_plan" &&
              std::find(launchPlanDecls_.begin(), launchPlanDecls_.end(), vd->getCanonicalDecl()) == launchPlanDecls_.end())
            launchPlanDecls_.push_back(vd->getCanonicalDecl());
    } else if (auto* fd = dyn_cast<FunctionDecl>(d)) {
      bool launchPlan = false;
      if (referenceAnnotation(fd, &launchPlan)) {
        if (seen_.insert(fd->getCanonicalDecl()).second) referenceDecls_.emplace_back(fd, launchPlan);
        continue;
      }
      EntityKind kind;
      if (!flyteAnnotation(fd, &kind)) continue;
      if (auto* md = dyn_cast<CXXMethodDecl>(fd); md && !md->isStatic()) {
        reject(fd, kind, UnsupportedReason::NonStaticMember);
        continue;
      }
      if (fd->isVariadic()) {
        reject(fd, kind, UnsupportedReason::Variadic);
        continue;
      }
      if (fd->isConsteval()) {
        reject(fd, kind, UnsupportedReason::Consteval);
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

void TULowering::reject(const FunctionDecl* fd, EntityKind kind, UnsupportedReason why) {
  if (!rejected_.insert(fd->getCanonicalDecl()).second) return;
  rep_.report(fd->getLocation(), DiagKind::UnsupportedEntity) << fd->getNameAsString() << kind << why;
}

// Whether a problem with this entity was already reported (no second error at its uses).
bool TULowering::wasRejected(const FunctionDecl* fd) const {
  if (auto* tmpl = fd->getPrimaryTemplate()) fd = tmpl->getTemplatedDecl();
  if (auto* member = fd->getInstantiatedFromMemberFunction()) fd = member;  // of a class template
  return rejected_.count(fd->getCanonicalDecl()) > 0;
}

// Absolute and without ./.. so the same file has one spelling across TUs (names are compared, and the
// package is ordered, by location).
ir::SourceLoc TULowering::loc(SourceLocation l) const {
  const SourceManager& sm = ctx_.getSourceManager();
  PresumedLoc p = sm.getPresumedLoc(sm.getFileLoc(l));
  if (p.isInvalid()) return {};
  return {support::absolutePath(p.getFilename()), p.getLine(), p.getColumn()};
}

// A location another TU recorded, in this TU's source manager (its file loaded if this TU does not include it);
// invalid when the file cannot be read.
SourceLocation TULowering::sourceLoc(const ir::SourceLoc& l) const {
  SourceManager& sm = ctx_.getSourceManager();
  if (l.file.empty()) return {};
  auto file = sm.getFileManager().getOptionalFileRef(l.file);
  if (!file) return {};
  FileID fid = sm.translateFile(*file);
  if (fid.isInvalid()) fid = sm.createFileID(*file, SourceLocation(), SrcMgr::C_User);
  return sm.translateLineCol(fid, l.line, l.column ? l.column : 1);
}

std::string functionPointerType(const FunctionDecl* fd) {
  const ASTContext& ctx = fd->getASTContext();
  // The canonical type prints every name with its whole scope (a type written unqualified inside its namespace
  // too), and generated code is outside every namespace.
  PrintingPolicy policy(ctx.getLangOpts());
  policy.SuppressUnwrittenScope = false;
  std::string spelled = ctx.getPointerType(fd->getType().getCanonicalType()).getAsString(policy);
  // Types generated code cannot name (local or unnamed): the plain name, as before.
  if (llvm::StringRef(spelled).contains("(anonymous") || llvm::StringRef(spelled).contains("(lambda") ||
      llvm::StringRef(spelled).contains("(unnamed"))
    return "";
  return spelled;
}

std::string TULowering::name(const FunctionDecl* fd) {
  auto it = names_.find(fd->getCanonicalDecl());
  return it == names_.end() ? flyteName(fd, nullptr) : it->second;
}

// flyte-struct-type at the struct or field that makes a type unusable, once per place.
void TULowering::reportStructProblem(const TypeProblem& problem) {
  if (problem.why.empty()) return;
  if (!reportedStructProblems_.insert(problem.loc.getRawEncoding()).second) return;
  rep_.report(problem.loc, DiagKind::UnsupportedStruct) << problem.structName << problem.why;
}

bool TULowering::lowerInterface(const FunctionDecl* fd, ir::Interface& iface, bool withDefaults) {
  bool ok = true;
  for (const ParmVarDecl* p : fd->parameters()) {
    TypeProblem problem;
    auto t = mapType(p->getType(), &problem);
    if (!t) {
      rep_.report(p->getLocation(), DiagKind::UnsupportedType)
          << "parameter" << p->getNameAsString() << fd->getNameAsString() << p->getType() << p->getSourceRange();
      reportStructProblem(problem);
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
      if (auto why = integerNarrowing(p->getDefaultArg(), p->getType(), ctx_)) {
        rep_.report(p->getDefaultArg()->getBeginLoc(), DiagKind::ValueOutOfRange)
            << ("the default value of '" + p->getNameAsString() + "'") << *why << p->getDefaultArg()->getSourceRange();
        ok = false;
        iface.inputs.push_back(std::move(v));
        continue;
      }
      v.defaultValue = evalLiteral(p->getDefaultArg(), *t, ctx_);
      if (!v.defaultValue && t->kind == ir::Type::Kind::Enum) {
        if (auto value = evalEnumValue(p->getDefaultArg(), ctx_)) {
          rep_.report(p->getDefaultArg()->getBeginLoc(), DiagKind::EnumDefaultNotEnumerator)
              << p->getNameAsString() << std::to_string(*value) << p->getType()
              << p->getDefaultArg()->getSourceRange();
          ok = false;
          iface.inputs.push_back(std::move(v));
          continue;
        }
      }
      if (!v.defaultValue) {
        if (auto why = outOfRange(p->getDefaultArg(), ctx_)) {
          rep_.report(p->getDefaultArg()->getBeginLoc(), DiagKind::ValueOutOfRange)
              << ("the default value of '" + p->getNameAsString() + "'") << *why << p->getDefaultArg()->getSourceRange();
        } else {
          rep_.report(p->getDefaultArg()->getBeginLoc(), DiagKind::ConfigNotConstant)
              << ("the default value of '" + p->getNameAsString() + "'") << p->getDefaultArg()->getSourceRange();
          noteStringNotEvaluated(p->getDefaultArg());
        }
        ok = false;
      }
    }
    iface.inputs.push_back(std::move(v));
  }
  TypeProblem problem;
  auto outs = mapResultTypes(fd->getReturnType(), &problem);
  if (!outs) {
    SourceRange r = fd->getReturnTypeSourceRange();  // invalid when the type comes from a typedef
    SourceLocation at = r.isValid() ? r.getBegin() : fd->getLocation();
    // A std::tuple names the elements that have no Flyte type, each type once ('o0' and 'o1' both Point: one error).
    std::vector<QualType> reported;
    if (auto* tuple = stdSpecialization(fd->getReturnType(), "tuple")) {
      const auto& elements = tuple->getTemplateArgs()[0].pack_elements();
      for (size_t i = 0; i < elements.size(); ++i) {
        QualType t = elements[i].getAsType();
        if (mapType(t) || std::any_of(reported.begin(), reported.end(), [&](QualType o) {
              return ctx_.hasSameUnqualifiedType(o, t);
            }))
          continue;
        reported.push_back(t);
        rep_.report(at, DiagKind::UnsupportedType) << "result" << fmt::format("o{}", i) << fd->getNameAsString() << t << r;
      }
    }
    if (reported.empty())
      rep_.report(at, DiagKind::UnsupportedType) << "result" << "o0" << fd->getNameAsString() << fd->getReturnType() << r;
    reportStructProblem(problem);
    return false;
  }
  const std::vector<std::string> names = resultNames(fd->getReturnType(), outs->size());
  for (size_t i = 0; i < outs->size(); ++i) iface.outputs.push_back({names[i], (*outs)[i], {}});
  return ok;
}

// Entity names are unique across tasks and workflows: in this TU (with a note at the first), and
// across TUs (a different source location for the same name).
bool TULowering::claimName(const std::string& name, const FunctionDecl* fd, EntityKind kind, SourceLocation nameAt) {
  const SourceLocation at = nameAt.isValid() ? nameAt : fd->getLocation();
  if (!ir::isValidEntityName(name)) {
    std::string shown;  // control characters (an embedded NUL) visible in the message
    for (unsigned char c : name) shown += c < 0x20 || c == 0x7f ? fmt::format("\\x{:02x}", c) : std::string(1, c);
    rep_.report(at, DiagKind::InvalidName) << shown;
    return false;
  }
  auto [it, fresh] = claimed_.emplace(name, fd);
  if (!fresh && it->second->getCanonicalDecl() != fd->getCanonicalDecl()) {
    rep_.report(at, DiagKind::DuplicateName) << kind << name;
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
    rep_.report(at, DiagKind::DuplicateName) << kind << name;
    if (SourceLocation prev = sourceLoc(t && clash(t->loc) ? t->loc : w->loc); prev.isValid())
      rep_.report(prev, DiagKind::PreviousDefinition);
    return false;
  }
  return true;
}

void TULowering::lowerTask(const FunctionDecl* fd) {
  ir::Task task;
  std::optional<std::string> configuredName;  // given, even empty (then flyte-invalid-name)
  SourceLocation nameAt;
  const AnnotateAttr* attr = flyteAnnotation(fd, nullptr);
  checkConfigsAgree(fd, EntityKind::Task);
  std::map<std::string, const Expr*> requestAt, limitAt;
  if (attr && attr->args_size() == 1) {
    forEachSetField(*attr->args_begin(), [&](llvm::StringRef f, const Expr* init) {
      if (readMetadataField(f, init, task.metadata)) return;
      if (f == "name") {
        configuredName = readName(init, f);
        nameAt = init->getBeginLoc();
      } else if (f == "requests")
        readResources(init, task.requests, f, &requestAt);
      else if (f == "limits")
        readResources(init, task.limits, f, &limitAt);
      else if (f == "container_image")
        task.image = readString(init, f);
      else if (f == "secret_requests")
        readSecrets(init, task.secrets);
      else if (f == "environment")
        readEnvironment(init, task.environment);
    });
  }
  checkRequestsAboveLimits(task.requests, task.limits, requestAt, limitAt);
  if (task.metadata.cache && task.metadata.cacheVersion.empty() && attr)
    rep_.report(fd->getLocation(), DiagKind::CacheWithoutVersion) << (*attr->args_begin())->getSourceRange();
  if (!admit(fd, task, configuredName, nameAt, /*withDefaults=*/false, EntityKind::Task, declaredTasks_)) return;
  for (const ParmVarDecl* p : fd->parameters()) collectEnums(p->getType(), module_.cxxEnums);
  collectEnums(fd->getReturnType(), module_.cxxEnums);
  for (const ParmVarDecl* p : fd->parameters()) collectStructs(p->getType(), module_.cxxStructs);
  collectStructs(fd->getReturnType(), module_.cxxStructs);
  if (!module_.findTask(task.name)) module_.tasks.push_back(std::move(task));
}

// What tasks and workflows share once their configs are read: name, location and interface, then
// whether this TU defines the entity (true) or only declares it (kept in `declared`, for calls; the
// whole-program verifier reports one that no input defines).
template <class Entity>
bool TULowering::admit(const FunctionDecl* fd, Entity& e, const std::optional<std::string>& configuredName,
                       SourceLocation nameAt, bool withDefaults, EntityKind kind,
                       std::map<const FunctionDecl*, Entity>& declared) {
  const FunctionDecl* canon = fd->getCanonicalDecl();
  e.name = configuredName ? *configuredName : flyteName(fd, nullptr);
  names_[canon] = e.name;
  e.cxxName = fd->getQualifiedNameAsString();
  e.cxxPointerType = functionPointerType(fd);
  e.loc = loc(fd->getLocation());
  if (!lowerInterface(fd, e.interface, withDefaults)) {
    rejected_.insert(canon);
    return false;
  }
  if (!fd->hasBody()) {
    declared[canon] = std::move(e);
    return false;
  }
  if (!claimName(e.name, fd, kind, nameAt)) {
    rejected_.insert(canon);
    return false;
  }
  return true;
}

void TULowering::lowerWorkflowInterface(const FunctionDecl* fd) {
  ir::Workflow wf;
  std::optional<std::string> configuredName;
  SourceLocation nameAt;
  const AnnotateAttr* attr = flyteAnnotation(fd, nullptr);
  checkConfigsAgree(fd, EntityKind::Workflow);
  if (attr && attr->args_size() == 1)
    forEachSetField(*attr->args_begin(), [&](llvm::StringRef f, const Expr* init) {
      if (f == "name") {
        configuredName = readName(init, f);
        nameAt = init->getBeginLoc();
      } else if (f == "fuse_tasks") {
        wf.fuseTasks = readBool(init, f);
      }
    });
  if (!admit(fd, wf, configuredName, nameAt, /*withDefaults=*/true, EntityKind::Workflow, declared_)) return;
  if (!module_.findWorkflow(wf.name)) {
    module_.workflows.push_back(std::move(wf));
    ownWorkflows_.insert(fd->getCanonicalDecl());
  }
}

ir::Workflow* TULowering::workflowFor(const FunctionDecl* fd) {
  return const_cast<ir::Workflow*>(module_.findWorkflow(name(fd)));
}

}  // namespace flytecc::analysis::lower
