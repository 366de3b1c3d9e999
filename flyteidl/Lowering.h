// Lowering of the IR to the official flyteidl messages.
#pragma once

#include <string>

#include "flyteidl/TaskContract.h"
#include "flyteidl/admin/launch_plan.pb.h"
#include "flyteidl/core/tasks.pb.h"
#include "flyteidl/core/workflow.pb.h"
#include "ir/Module.h"

namespace flytecc::idl {

struct LoweringOptions {
  std::string image;       // container image of tasks that name none
  std::string sdkVersion;  // RuntimeMetadata.version
  std::string taskExecutable{contract::kTaskExecutable};  // runs one task inside the container
};

flyteidl::core::LiteralType lowerType(const ir::Type& type);
flyteidl::core::Literal lowerLiteral(const ir::Literal& value, const ir::Type& type);

flyteidl::core::TaskTemplate lowerTask(const ir::Task& task, const LoweringOptions& options);
// Whether a map task has a TaskTemplate of its own: not when it maps a launch plan or a reference task (the
// ArrayNode's sub-node names that entity).
bool hasTemplate(const ir::MapTask& map, const ir::Module& module);
flyteidl::core::TaskTemplate lowerMapTask(const ir::MapTask& map, const ir::Module& module,
                                          const LoweringOptions& options);
flyteidl::core::WorkflowTemplate lowerWorkflow(const ir::Workflow& workflow, const ir::Module& module);
// The workflow's default launch plan: its C++ default arguments become default inputs.
flyteidl::admin::LaunchPlan lowerLaunchPlan(const ir::Workflow& workflow);
// A named launch plan of `workflow` (FLYTE_LAUNCH_PLAN): fixed inputs as a LiteralMap, the other inputs as
// parameters defaulting to the launch plan's, else the workflow's defaults; schedule, notifications, labels and
// annotations as flytekit 1.16 writes them.
flyteidl::admin::LaunchPlan lowerLaunchPlan(const ir::LaunchPlan& launchPlan, const ir::Workflow& workflow);

}  // namespace flytecc::idl
