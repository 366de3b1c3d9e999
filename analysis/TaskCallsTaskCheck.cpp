#include "analysis/TaskCallsTaskCheck.h"

#include <clang/AST/Attr.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Index/USRGeneration.h>
#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <vector>

#include "analysis/Constants.h"
#include "analysis/SdkNames.h"

namespace flytecc::analysis {
using namespace clang;

namespace {

struct Edge {
  SourceLocation loc;
  const FunctionDecl* callee;
};

// Every function a body refers to: calls, member calls, constructors, and functions named as values
// (function pointers), including inside lambdas.
class References : public RecursiveASTVisitor<References> {
 public:
  std::vector<Edge> edges;
  bool VisitDeclRefExpr(DeclRefExpr* e) {
    if (auto* fd = dyn_cast<FunctionDecl>(e->getDecl())) edges.push_back({e->getExprLoc(), fd});
    // A constant function pointer (`constexpr auto f = &task;` at namespace scope) names its function.
    else if (auto* vd = dyn_cast<VarDecl>(e->getDecl()); vd && vd->getType().isConstQualified())
      if (const FunctionDecl* fd = constantFunction(e, vd->getASTContext())) edges.push_back({e->getExprLoc(), fd});
    return true;
  }
  bool VisitMemberExpr(MemberExpr* e) {
    if (auto* md = dyn_cast<CXXMethodDecl>(e->getMemberDecl())) edges.push_back({e->getExprLoc(), md});
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr* e) {
    edges.push_back({e->getBeginLoc(), e->getConstructor()});
    return true;
  }
  // The arguments of flyte::map_task(...) and flyte::partial(...) calls: the task they name is reported
  // once, as the map_task or partial (one warning per root cause).
  bool VisitCallExpr(CallExpr* e) {
    if (auto* fd = e->getDirectCallee(); fd && (isSdkDecl(fd, "map_task") || isSdkDecl(fd, "partial")))
      for (const Expr* a : e->arguments()) sdkCallArgs.push_back(a->getSourceRange());
    return true;
  }
  std::vector<SourceRange> sdkCallArgs;
};

// What a callee is, for the diagnostic: 0 task, 1 workflow, 2 map_task, 3 partial; -1 none.
CallTarget targetKind(const FunctionDecl* fd) {
  for (const auto* a : fd->specific_attrs<AnnotateAttr>()) {
    if (a->getAnnotation() == "flyte.task") return CallTarget::Task;
    if (a->getAnnotation() == "flyte.workflow") return CallTarget::Workflow;
  }
  if (isSdkDecl(fd, "map_task")) return CallTarget::MapTask;
  if (isSdkDecl(fd, "partial")) return CallTarget::Partial;
  return CallTarget::None;
}

bool isTask(const FunctionDecl* fd) { return targetKind(fd) == CallTarget::Task; }

class Checker {
 public:
  Checker(ASTContext& ctx, Reporter& rep) : ctx_(ctx), rep_(rep) {}

  void run(const DeclContext* dc) {
    for (const Decl* d : dc->decls()) {
      if (auto* ns = dyn_cast<NamespaceDecl>(d)) run(ns);
      else if (auto* ls = dyn_cast<LinkageSpecDecl>(d)) run(ls);
      else if (auto* rd = dyn_cast<CXXRecordDecl>(d); rd && rd->isThisDeclarationADefinition()) run(rd);
      else if (auto* ed = dyn_cast<ExportDecl>(d)) run(ed);
      else if (auto* fd = dyn_cast<FunctionDecl>(d); fd && fd->doesThisDeclarationHaveABody() && isTask(fd))
        checkTask(fd);
    }
  }

 private:
  const std::vector<Edge>& edgesOf(const FunctionDecl* fd) {
    auto it = cache_.find(fd);
    if (it != cache_.end()) return it->second;
    References refs;
    if (const FunctionDecl* def = fd->getDefinition(); def && def->getBody())
      refs.TraverseStmt(def->getBody());
    const SourceManager& sm = ctx_.getSourceManager();
    auto within = [&](SourceLocation l, SourceRange r) {
      return r.isValid() && !sm.isBeforeInTranslationUnit(l, r.getBegin()) && !sm.isBeforeInTranslationUnit(r.getEnd(), l);
    };
    std::vector<Edge> kept;
    for (const Edge& e : refs.edges) {
      bool named = e.callee && targetKind(e.callee) == CallTarget::Task &&
                   std::any_of(refs.sdkCallArgs.begin(), refs.sdkCallArgs.end(),
                               [&](SourceRange r) { return within(e.loc, r); });
      if (!named) kept.push_back(e);
    }
    return cache_[fd] = std::move(kept);
  }

  void checkTask(const FunctionDecl* task) {
    std::set<const FunctionDecl*> visited{task->getCanonicalDecl()};
    std::set<const FunctionDecl*> reported;
    std::vector<std::pair<const FunctionDecl*, Edge>> path;
    walk(task, task, visited, reported, path);
  }

  // Depth-first through helpers; reports each flyte entity the task reaches once, with the path.
  void walk(const FunctionDecl* task, const FunctionDecl* fn, std::set<const FunctionDecl*>& visited,
            std::set<const FunctionDecl*>& reported, std::vector<std::pair<const FunctionDecl*, Edge>>& path) {
    for (const Edge& e : edgesOf(fn)) {
      const FunctionDecl* callee = e.callee;
      if (!callee) continue;
      const FunctionDecl* canon = callee->getCanonicalDecl();
      CallTarget kind = targetKind(callee);
      if (kind != CallTarget::None) {
        if (!reported.insert(canon).second) continue;
        path.push_back({fn, e});
        report(task, callee, kind, path);
        path.pop_back();
        continue;
      }
      if (ctx_.getSourceManager().isInSystemHeader(callee->getLocation())) continue;
      if (!visited.insert(canon).second) continue;
      path.push_back({fn, e});
      walk(task, callee, visited, reported, path);
      path.pop_back();
    }
  }

  void report(const FunctionDecl* task, const FunctionDecl* target, CallTarget kind,
              const std::vector<std::pair<const FunctionDecl*, Edge>>& path) {
    rep_.report(path.front().second.loc, DiagKind::TaskCallsTask) << task->getNameAsString() << kind
                                                                  << target->getNameAsString();
    for (size_t i = 1; i < path.size(); ++i)
      rep_.report(path[i].second.loc, DiagKind::CallPathStep) << path[i].first->getNameAsString()
                                                              << path[i].second.callee->getNameAsString();
  }

  ASTContext& ctx_;
  Reporter& rep_;
  std::map<const FunctionDecl*, std::vector<Edge>> cache_;
};

}  // namespace

void checkTasksCallingTasks(ASTContext& ctx, Reporter& reporter) {
  Checker(ctx, reporter).run(ctx.getTranslationUnitDecl());
}

namespace {

std::string usrOf(const Decl* d) {
  llvm::SmallString<128> usr;
  if (index::generateUSRForDecl(d, usr)) return "";
  return std::string(usr);
}

ir::SourceLoc locOf(const SourceManager& sm, SourceLocation l) {
  PresumedLoc p = sm.getPresumedLoc(sm.getFileLoc(l));
  if (p.isInvalid()) return {};
  return {p.getFilename(), p.getLine(), p.getColumn()};
}

class Summarizer : public RecursiveASTVisitor<Summarizer> {
 public:
  Summarizer(ASTContext& ctx, CallGraphSummary& out) : ctx_(ctx), out_(out) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitFunctionDecl(FunctionDecl* fd) {
    const SourceManager& sm = ctx_.getSourceManager();
    if (!fd->doesThisDeclarationHaveABody() || sm.isInSystemHeader(fd->getLocation())) return true;
    std::string usr = usrOf(fd);
    if (usr.empty()) return true;
    CallGraphSummary::Function f;
    f.name = fd->getNameAsString();
    CallTarget kind = targetKind(fd);
    f.kind = kind == CallTarget::Task || kind == CallTarget::Workflow ? kind : CallTarget::None;
    f.loc = locOf(sm, fd->getLocation());
    References refs;
    refs.TraverseStmt(fd->getBody());
    for (const Edge& e : refs.edges) {
      if (!e.callee || sm.isInSystemHeader(e.callee->getLocation())) continue;
      std::string callee = usrOf(e.callee);
      if (!callee.empty()) f.calls.push_back({callee, e.callee->getNameAsString(), targetKind(e.callee), locOf(sm, e.loc)});
    }
    out_.functions.emplace(std::move(usr), std::move(f));
    return true;
  }

 private:
  ASTContext& ctx_;
  CallGraphSummary& out_;
};

}  // namespace

void summarizeCalls(ASTContext& ctx, CallGraphSummary& summary) {
  Summarizer(ctx, summary).TraverseDecl(ctx.getTranslationUnitDecl());
}

std::vector<CrossTUCall> findCrossTUCalls(const std::vector<CallGraphSummary>& tus) {
  // Every definition, from the first TU that has it.
  std::map<std::string, const CallGraphSummary::Function*> defs;
  for (const auto& tu : tus)
    for (const auto& [usr, f] : tu.functions) defs.emplace(usr, &f);
  std::vector<CrossTUCall> out;
  for (const auto& tu : tus) {
    for (const auto& [taskUsr, task] : tu.functions) {
      if (task.kind != CallTarget::Task) continue;
      std::set<std::string> visited{taskUsr}, reported;
      std::vector<CrossTUCall::Step> path;
      // Depth-first; `crossed` once the path enters a function this TU does not define.
      std::function<void(const CallGraphSummary::Function&, bool)> walk = [&](const CallGraphSummary::Function& fn,
                                                                            bool crossed) {
        for (const auto& site : fn.calls) {
          auto def = defs.find(site.calleeUsr);
          CallTarget kind = site.kind != CallTarget::None ? site.kind
                            : def != defs.end()           ? def->second->kind
                                                          : CallTarget::None;
          if (kind != CallTarget::None) {
            if (crossed && reported.insert(site.calleeUsr).second) {
              CrossTUCall c{task.name, site.calleeName, kind, path.empty() ? site.loc : path.front().loc, {}};
              for (size_t i = 1; i < path.size(); ++i) c.steps.push_back(path[i]);
              c.steps.push_back({fn.name, site.calleeName, site.loc});
              out.push_back(std::move(c));
            }
            continue;
          }
          if (def == defs.end() || !visited.insert(site.calleeUsr).second) continue;
          path.push_back({fn.name, site.calleeName, site.loc});
          walk(*def->second, crossed || !tu.functions.count(site.calleeUsr));
          path.pop_back();
        }
      };
      walk(task, false);
    }
  }
  return out;
}

}  // namespace flytecc::analysis
