// The flyteidl entities the local executor runs: task templates (plain tasks and ArrayNode targets),
// workflow templates and launch plans, by entity name. Loaded from an output directory of `flytecc compile`
// (.task.pb / .workflow.pb / .launchplan.pb), from a registration package (.tgz of admin specs), or built in
// memory by the driver.
#pragma once

#include <llvm/Support/Error.h>
#include <map>
#include <string>

#include "flyteidl/admin/launch_plan.pb.h"
#include "flyteidl/core/tasks.pb.h"
#include "flyteidl/core/workflow.pb.h"

namespace flytecc::executor {

struct Program {
  std::map<std::string, flyteidl::core::TaskTemplate> tasks;
  std::map<std::string, flyteidl::core::WorkflowTemplate> workflows;
  std::map<std::string, flyteidl::admin::LaunchPlan> launchPlans;

  const flyteidl::core::TaskTemplate* findTask(const std::string& name) const;
  const flyteidl::core::WorkflowTemplate* findWorkflow(const std::string& name) const;
  const flyteidl::admin::LaunchPlan* findLaunchPlan(const std::string& name) const;
};

// Every *.task.pb, *.workflow.pb and *.launchplan.pb of `dir` (not recursive). A file that does not parse
// is an error naming it; a directory without workflows is an error.
llvm::Expected<Program> loadDirectory(const std::string& dir);

// A `flytecc package` / flytekit registration archive: {i}_{name}_1.pb TaskSpec, _2.pb WorkflowSpec (with its
// sub-workflows), _3.pb LaunchPlan.
llvm::Expected<Program> loadPackage(const std::string& path);

// A directory, or else a package.
llvm::Expected<Program> loadProgram(const std::string& path);

}  // namespace flytecc::executor
