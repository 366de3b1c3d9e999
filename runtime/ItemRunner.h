// Many task invocations in one process, for the local executor: the in-process mode (the executor calls run()
// directly) and the task executable's worker mode (`flytecc-task --worker`: one process serves many items over
// a pipe, so a 100,000-item map starts a handful of processes, not 100,000).
//
// Each invocation is the contract's argument list (docs/task-contract.md, parsed by parseTaskArgs) and an array
// index. The input file is read and parsed once and kept while consecutive items use it (ArrayNode items all read
// the same file), which makes an item O(1) instead of O(items). Blobs pass as local paths (no hooks): these modes
// run on the machine that holds the data.
//
// Contract: run() never throws, prints or exits; on failure it has written error.pb under the output prefix (as
// runTask does), on success outputs.pb (unless told not to write files).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "runtime/TaskRuntime.h"

namespace flytecc::runtime {

class ItemRunner {
 public:
  explicit ItemRunner(std::span<const TaskEntry> tasks) : tasks_(tasks) {}

  // `args` excludes the program name. `outputs` receives the outputs on success. Thread-safe.
  TaskOutcome run(const std::vector<std::string>& args, std::optional<std::int64_t> index,
                  core::LiteralMap* outputs, bool writeOutputs = true);

 private:
  std::shared_ptr<const core::LiteralMap> inputsOf(const std::string& uri, StorageSet& storage, std::string* error);

  std::span<const TaskEntry> tasks_;
  std::mutex mu_;
  std::string cachedUri_;  // the URI, size, modification time and inode of the cached inputs
  std::shared_ptr<const core::LiteralMap> cached_;
};

// `flytecc-task --worker`: reads requests from standard input until it closes, answers each on standard output
// (with the outputs; error.pb on failure), the items' output going to standard error. The framing is in
// runtime/WorkerProtocol.h; the executor's side is executor/Launcher.h (makeWorkerLauncher).
int workerMain(std::span<const TaskEntry> tasks);

// The in-process entry of a task library (the generated main compiled with -DFLYTECC_TASK_SHARED_OBJECT, exported
// as contract::kInProcessEntrySymbol): `args` is the contract's argument list (program name first), `env` the
// item's environment additions (the array index). Returns the task executable's exit status; on 0 `outputs` holds
// the outputs (no outputs.pb is written), else error.pb is under the output prefix. Never throws. The signature
// matches executor::InProcessEntry, which the tool wraps around it.
using InProcessItemFn = int (*)(const std::vector<std::string>* args,
                                const std::vector<std::pair<std::string, std::string>>* env,
                                core::LiteralMap* outputs);
int runInProcessItem(ItemRunner& runner, const std::vector<std::string>& args,
                     const std::vector<std::pair<std::string, std::string>>& env, core::LiteralMap* outputs);

}  // namespace flytecc::runtime
