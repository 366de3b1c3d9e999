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
