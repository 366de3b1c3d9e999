// The local executor: runs a workflow's emitted flyteidl (WorkflowTemplate, TaskTemplates, LaunchPlan defaults)
// on this machine with Flyte's semantics: nodes in dependency order, independent nodes in parallel, ArrayNode
// items on a pool bounded by `parallelism` (unset or 0: the machine's cores), `min_successes` /
// `min_success_ratio` (failed items become none values; below the threshold the node fails), per-item retries
// and timeouts, sub-workflows and launch plans, and the cache for templates with `discoverable` set.
//
// Contract: never prints; progress goes to the Observer (called from worker threads, concurrently), failures
// come back as an llvm::Error naming the node, the item index, the attempt and the task's message.
#pragma once

#include <chrono>
#include <cstdint>
#include <llvm/Support/Error.h>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "executor/Cache.h"
#include "executor/Launcher.h"
#include "executor/Program.h"
#include "flyteidl/core/literals.pb.h"

namespace flytecc::executor {

struct MapCounts {
  size_t total = 0, succeeded = 0, failed = 0, cached = 0, running = 0;
};

class Observer {
 public:
  virtual ~Observer() = default;
  // `node` is a path: "n0", or "n2/n0" inside a sub-workflow node.
  virtual void nodeStarted(const std::string& node, const std::string& task, std::optional<size_t> items) {}
  virtual void mapProgress(const std::string& node, const MapCounts& counts) {}
  virtual void itemRetried(const std::string& node, std::optional<size_t> item, int attempt,
                           const std::string& message) {}
  virtual void nodeFinished(const std::string& node, bool ok, bool cached, const MapCounts& counts) {}
  virtual void cacheProblem(const std::string& message) {}
};

struct RunOptions {
  std::string runDir;            // inputs.pb and item output prefixes go here (created)
  Launcher* launcher = nullptr;  // required
  Cache* cache = nullptr;        // optional
  Observer* observer = nullptr;  // optional
  unsigned defaultParallelism = 0;  // 0: the machine's cores
  uint64_t memoryLimitBytes = 0;    // per item, when the task sets no memory limit; 0: none
};

// Named JSON inputs (`--input name=JSON`) as literals of the workflow's input types; unknown names are errors.
llvm::Expected<flyteidl::core::LiteralMap> parseInputs(const Program& program, const std::string& workflow,
                                                       const std::vector<std::pair<std::string, std::string>>& json);

// The workflow to run: `name` (an entity name, or its last dotted component), or the only workflow.
llvm::Expected<std::string> chooseWorkflow(const Program& program, const std::string& name);

// Runs `workflow` with `inputs`, completed by its launch plan's defaults; returns its outputs.
llvm::Expected<flyteidl::core::LiteralMap> runWorkflow(const Program& program, const std::string& workflow,
                                                       const flyteidl::core::LiteralMap& inputs,
                                                       const RunOptions& options);

// A named launch plan (FLYTE_LAUNCH_PLAN; not a workflow's default one): `name` (its name, or its last dotted
// component), or the only one.
llvm::Expected<std::string> chooseLaunchPlan(const Program& program, const std::string& name);
// The workflow a launch plan launches.
llvm::Expected<std::string> launchedWorkflow(const Program& program, const std::string& launchPlan);

// Launches `launchPlan` as Flyte does: its fixed inputs (giving one is an error), `inputs`, then its defaults;
// returns the workflow's outputs.
llvm::Expected<flyteidl::core::LiteralMap> runLaunchPlan(const Program& program, const std::string& launchPlan,
                                                         const flyteidl::core::LiteralMap& inputs,
                                                         const RunOptions& options);

}  // namespace flytecc::executor
