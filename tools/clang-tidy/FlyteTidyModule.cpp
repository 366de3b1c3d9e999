// flytecc's checks as a clang-tidy module plugin:
//   clang-tidy --load=libFlyteTidyModule.so -checks='-*,flyte-*' FILE.cpp -- -std=c++20 -I...
// Each check name of analysis/Diagnostics.def is a clang-tidy check; all of them run the same
// analysis/ code as `flytecc check`, and each reports only its own diagnostics.
#include <clang-tidy/ClangTidyCheck.h>
#include <clang-tidy/ClangTidyModule.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>

#include "analysis/Diagnostics.h"
#include "analysis/WorkflowAnalysis.h"
#include "ir/Module.h"

namespace flytecc::tidy {
using namespace clang;
using namespace clang::tidy;

namespace {

// Routes the analysis' diagnostics of one check name to ClangTidyCheck::diag (which appends the
// [check-name]); the others, and their notes, are dropped.
class TidyReporter : public analysis::Reporter {
 public:
  TidyReporter(ClangTidyCheck& check, llvm::StringRef name, DiagnosticsEngine& diags)
      : check_(check), name_(name), diags_(diags) {
    dropped_ = diags_.getCustomDiagID(DiagnosticsEngine::Warning, "%0");
    diags_.setSeverity(dropped_, diag::Severity::Ignored, {});
  }

  DiagnosticBuilder report(SourceLocation loc, analysis::DiagKind kind) override {
    const analysis::DiagInfo& info = analysis::diagInfo(kind);
    if (info.level == analysis::DiagLevel::Note) {
      if (lastAccepted_) return check_.diag(loc, info.text, DiagnosticIDs::Note);
      return diags_.Report(loc, dropped_);
    }
    lastAccepted_ = info.name == name_;
    if (!lastAccepted_) return diags_.Report(loc, dropped_);
    return check_.diag(loc, info.text,
                       info.level == analysis::DiagLevel::Error ? DiagnosticIDs::Error : DiagnosticIDs::Warning);
  }

 private:
  ClangTidyCheck& check_;
  std::string name_;
  DiagnosticsEngine& diags_;
  unsigned dropped_ = 0;
  bool lastAccepted_ = false;
};

class FlyteCheck : public ClangTidyCheck {
 public:
  FlyteCheck(llvm::StringRef name, ClangTidyContext* context) : ClangTidyCheck(name, context), name_(name) {}

  bool isLanguageVersionSupported(const LangOptions& lo) const override { return lo.CPlusPlus20; }

  void registerMatchers(ast_matchers::MatchFinder* finder) override {
    finder->addMatcher(ast_matchers::translationUnitDecl().bind("tu"), this);
  }

  void check(const ast_matchers::MatchFinder::MatchResult& result) override {
    TidyReporter reporter(*this, name_, result.Context->getDiagnostics());
    ir::Module module;
    analysis::analyzeTranslationUnit(*result.Context, reporter, module);
  }

 private:
  std::string name_;
};

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
