#include "analysis/WorkflowAnalysis.h"

#include "analysis/TaskCallsTaskCheck.h"
#include "analysis/lower/Context.h"

namespace flytecc::analysis {

void analyzeTranslationUnit(clang::ASTContext& ctx, Reporter& reporter, ir::Module& module) {
  lower::TULowering(ctx, reporter, module).run();
  checkTasksCallingTasks(ctx, reporter);
}

}  // namespace flytecc::analysis
