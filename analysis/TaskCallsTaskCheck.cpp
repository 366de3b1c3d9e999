#include "analysis/TaskCallsTaskCheck.h"

#include <clang/AST/Attr.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>
#include <map>
#include <set>
#include <vector>

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
};

// What a callee is, for the diagnostic: 0 task, 1 workflow, 2 map_task, 3 partial; -1 none.
int targetKind(const FunctionDecl* fd) {
  for (const auto* a : fd->specific_attrs<AnnotateAttr>()) {
    if (a->getAnnotation() == "flyte.task") return 0;
    if (a->getAnnotation() == "flyte.workflow") return 1;
  }
  if (isSdkDecl(fd, "map_task")) return 2;
  if (isSdkDecl(fd, "partial")) return 3;
  return -1;
}

bool isTask(const FunctionDecl* fd) { return targetKind(fd) == 0; }

class Checker {
 public:
  Checker(ASTContext& ctx, Reporter& rep) : ctx_(ctx), rep_(rep) {}

  void run(const DeclContext* dc) {
    for (const Decl* d : dc->decls()) {
      if (auto* ns = dyn_cast<NamespaceDecl>(d)) run(ns);
      else if (auto* ls = dyn_cast<LinkageSpecDecl>(d)) run(ls);
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
    return cache_[fd] = std::move(refs.edges);
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
      int kind = targetKind(callee);
      if (kind >= 0) {
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

  void report(const FunctionDecl* task, const FunctionDecl* target, int kind,
              const std::vector<std::pair<const FunctionDecl*, Edge>>& path) {
    rep_.report(path.front().second.loc, DiagKind::TaskCallsTask) << task->getName() << unsigned(kind)
                                                                  << target->getName();
    for (size_t i = 1; i < path.size(); ++i)
      rep_.report(path[i].second.loc, DiagKind::CallPathStep) << path[i].first->getName()
                                                              << path[i].second.callee->getName();
  }

  ASTContext& ctx_;
  Reporter& rep_;
  std::map<const FunctionDecl*, std::vector<Edge>> cache_;
};

}  // namespace

void checkTasksCallingTasks(ASTContext& ctx, Reporter& reporter) {
  Checker(ctx, reporter).run(ctx.getTranslationUnitDecl());
}

}  // namespace flytecc::analysis
