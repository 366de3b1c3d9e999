// Lowering of the IR to the official flyteidl messages.
#pragma once

#include <string>

#include "flyteidl/admin/launch_plan.pb.h"
#include "flyteidl/core/tasks.pb.h"
#include "flyteidl/core/workflow.pb.h"
#include "flyteidl/TaskContract.h"
#include "ir/Module.h"

namespace flytecc::ir {

struct LoweringOptions {
  std::string image;          // container image of tasks that name none
  std::string sdkVersion;     // RuntimeMetadata.version
  std::string taskExecutable{contract::kTaskExecutable};  // runs one task inside the container (docs/task-contract.md)
};

flyteidl::core::LiteralType lowerType(const Type& type);
flyteidl::core::Literal lowerLiteral(const Literal& value, const Type& type);

flyteidl::core::TaskTemplate lowerTask(const Task& task, const LoweringOptions& options);
flyteidl::core::TaskTemplate lowerMapTask(const MapTask& map, const Module& module, const LoweringOptions& options);
flyteidl::core::WorkflowTemplate lowerWorkflow(const Workflow& workflow, const Module& module);
// The workflow's default launch plan: its C++ default arguments become default inputs.
flyteidl::admin::LaunchPlan lowerLaunchPlan(const Workflow& workflow);

}  // namespace flytecc::ir
