// flytecc's checks as a clang-tidy module plugin:
//   clang-tidy --load=libFlyteTidyModule.so -checks='-*,flyte-*' FILE.cpp -- -std=c++20 -I...
// Each check name of analysis/Diagnostics.def is a clang-tidy check; together they run the same
// analysis/ code as `flytecc check` once per translation unit, and each reports only its own diagnostics.
#include <clang-tidy/ClangTidyCheck.h>
#include <clang-tidy/ClangTidyModule.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>

#include "analysis/Diagnostics.h"
#include "analysis/WorkflowAnalysis.h"
#include "ir/Module.h"

#include <map>
#include <mutex>
#include <string>

namespace flytecc::tidy {
using namespace clang;
using namespace clang::tidy;

namespace {

class FlyteCheck;

// The flyte checks one clang-tidy run enabled (one ClangTidyContext; clang-tidy and clangd create the
// checks anew for each translation unit). The first of them to see the translation unit runs the
// analysis once for all of them, and each diagnostic goes to the check of its name.
struct CheckGroup {
  std::map<std::string, FlyteCheck*, std::less<>> checks;
  const ASTContext* analyzed = nullptr;
};
std::mutex groupsMutex;
std::map<const ClangTidyContext*, CheckGroup> groups;  // clangd runs several contexts on several threads

// Routes the analysis' diagnostics to ClangTidyCheck::diag of the check of their name (which appends
// the [check-name]); those of checks that are not enabled, and their notes, are dropped.
class TidyReporter : public analysis::Reporter {
 public:
  TidyReporter(const CheckGroup& group, DiagnosticsEngine& diags) : group_(group), diags_(diags) {
    dropped_ = diags_.getCustomDiagID(DiagnosticsEngine::Warning, "%0");
    diags_.setSeverity(dropped_, diag::Severity::Ignored, {});
  }

  DiagnosticBuilder report(SourceLocation loc, analysis::DiagKind kind) override;

 private:
  const CheckGroup& group_;
  DiagnosticsEngine& diags_;
  unsigned dropped_ = 0;
  FlyteCheck* last_ = nullptr;  // the check of the last diagnostic, which gets its notes
};

class FlyteCheck : public ClangTidyCheck {
 public:
  FlyteCheck(llvm::StringRef name, ClangTidyContext* context) : ClangTidyCheck(name, context), context_(context) {
    std::lock_guard<std::mutex> lock(groupsMutex);
    CheckGroup& group = groups[context_];
    group.checks[name.str()] = this;
    group.analyzed = nullptr;
  }
  ~FlyteCheck() override {
    std::lock_guard<std::mutex> lock(groupsMutex);
    auto it = groups.find(context_);
    it->second.checks.erase(std::string(getID()));
    if (it->second.checks.empty()) groups.erase(it);
  }

  bool isLanguageVersionSupported(const LangOptions& lo) const override { return lo.CPlusPlus20; }

  void registerMatchers(ast_matchers::MatchFinder* finder) override {
    finder->addMatcher(ast_matchers::translationUnitDecl().bind("tu"), this);
  }

  void check(const ast_matchers::MatchFinder::MatchResult& result) override {
    CheckGroup* group;
    {
      std::lock_guard<std::mutex> lock(groupsMutex);
      group = &groups[context_];  // only this context's thread uses or changes its group's entries
    }
    if (group->analyzed == result.Context) return;  // another flyte check of this run did it
    group->analyzed = result.Context;
    TidyReporter reporter(*group, result.Context->getDiagnostics());
    ir::Module module;
    analysis::analyzeTranslationUnit(*result.Context, reporter, module);
  }

 private:
  const ClangTidyContext* context_;
};

DiagnosticBuilder TidyReporter::report(SourceLocation loc, analysis::DiagKind kind) {
  const analysis::DiagInfo& info = analysis::diagInfo(kind);
  if (info.level == analysis::DiagLevel::Note) {
    if (last_) return last_->diag(loc, info.text, DiagnosticIDs::Note);
    return diags_.Report(SourceLocation(), dropped_);  // see below
  }
  auto it = group_.checks.find(info.name);
  last_ = it == group_.checks.end() ? nullptr : it->second;
  // Dropped at no location, where the Ignored mapping holds: `#pragma clang diagnostic` regions (the SDK's FLYTE_TASK
  // has one) keep their own diagnostic states, which a mapping set after parsing does not reach.
  if (!last_) return diags_.Report(SourceLocation(), dropped_);
  return last_->diag(loc, info.text,
                     info.level == analysis::DiagLevel::Error ? DiagnosticIDs::Error : DiagnosticIDs::Warning);
}

class FlyteModule : public ClangTidyModule {
 public:
  void addCheckFactories(ClangTidyCheckFactories& factories) override {
    for (std::string_view name : analysis::checkNames())
      factories.registerCheckFactory(std::string(name), [](llvm::StringRef n, ClangTidyContext* context) {
        return std::make_unique<FlyteCheck>(n, context);
      });
  }
};

}  // namespace

static ClangTidyModuleRegistry::Add<FlyteModule> registration("flyte-module",
                                                              "Flyte map tasks, partials and workflows (flytecc).");

}  // namespace flytecc::tidy
