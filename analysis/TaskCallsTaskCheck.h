// flyte-task-calls-task: a task whose body reaches another task, a workflow, flyte::map_task or
// flyte::partial, directly or through helpers, lambdas, member functions, templates and function
// pointers that are resolved statically. Inside the task's container such calls are plain function
// calls: no caching, retries or parallelism, and a map over the task loses the map task's speed.
#pragma once

#include <clang/AST/ASTContext.h>

#include "analysis/Diagnostics.h"

namespace flytecc::analysis {

void checkTasksCallingTasks(clang::ASTContext& ctx, Reporter& reporter);

}  // namespace flytecc::analysis

#include <map>
#include <string>
#include <vector>

#include "ir/Module.h"

namespace flytecc::analysis {

// What one TU tells the others for flyte-task-calls-task across files: each function it defines
// (outside system headers, by USR) and the functions each one refers to.
struct CallGraphSummary {
  struct Site {
    std::string calleeUsr, calleeName;
    CallTarget kind = CallTarget::None;  // as seen at the call
    ir::SourceLoc loc;
  };
  struct Function {
    std::string name;
    CallTarget kind = CallTarget::None;  // Task, Workflow or None
    ir::SourceLoc loc;
    std::vector<Site> calls;
  };
  std::map<std::string, Function> functions;
};

void summarizeCalls(clang::ASTContext& ctx, CallGraphSummary& summary);

// A task reaching a flyte entity through a function defined in another TU (paths within one TU are
// reported by checkTasksCallingTasks while the TU is alive).
struct CrossTUCall {
  std::string task, target;
  CallTarget kind = CallTarget::Task;
  ir::SourceLoc at;                                       // the first call, in the task's body
  struct Step {
    std::string caller, callee;
    ir::SourceLoc loc;
  };
  std::vector<Step> steps;  // the rest of the path, one note each
};
std::vector<CrossTUCall> findCrossTUCalls(const std::vector<CallGraphSummary>& tus);

}  // namespace flytecc::analysis
