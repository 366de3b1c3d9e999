// Running one task item: a plain task node, or one item of an ArrayNode. The executor prepares inputs.pb and
// an output prefix; a Launcher runs the task's program on them and reports what it wrote (outputs.pb) or why
// it failed (error.pb, exit status, signal, timeout).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "flyteidl/core/literals.pb.h"
#include "flyteidl/core/tasks.pb.h"

namespace flytecc::executor {

struct ItemRequest {
  const flyteidl::core::TaskTemplate* task = nullptr;
  std::string inputsPath;    // the (whole, for ArrayNode items) core.LiteralMap
  std::string outputPrefix;  // a directory for this attempt: outputs.pb / error.pb / task.log
  std::optional<int64_t> arrayIndex;
  std::chrono::milliseconds timeout{0};  // 0: none
  uint64_t memoryLimitBytes = 0;         // 0: none (address-space limit of the item's process)
};

struct ItemOutcome {
  bool ok = false;
  bool recoverable = true;  // false: error.pb said NON_RECOVERABLE; the executor does not retry
  std::string message;      // why it failed (error.pb message, signal, exit code, timeout) and the log's tail
  flyteidl::core::LiteralMap outputs;
};

class Launcher {
 public:
  virtual ~Launcher() = default;
  // Thread-safe: the executor calls it from many threads at once, one call per item and attempt.
  virtual ItemOutcome run(const ItemRequest& request) = 0;
};

// The task executable's argument list for a request: the container args of the template with the contract's
// templates filled in, the program (args[0] == contract::kTaskExecutable) replaced by `executable`.
std::vector<std::string> taskArguments(const ItemRequest& request, const std::string& executable);
// The contract's environment additions for an ArrayNode item (index variable name and value).
std::vector<std::pair<std::string, std::string>> itemEnvironment(const ItemRequest& request);

// Reads outputs.pb or error.pb under the request's output prefix after the program ended.
ItemOutcome collectOutcome(const ItemRequest& request, const std::string& failure);

// Each item in a new child process of `executable` (fork/exec): a crash, abort, exit, hang (timeout, then
// SIGKILL of its process group) or allocation failure under the memory limit fails only that item.
std::unique_ptr<Launcher> makeProcessLauncher(std::string executable);

// Like the process launcher, but each concurrently running item has a persistent worker (`flytecc-task --worker`,
// runtime/ItemRunner.h) serving item after item over a socket, which reads the shared input file once: far less
// overhead per item. Isolation holds: a worker that crashes or hangs fails its current item only, is killed and
// replaced. An item's memory limit applies to its worker's process.
std::unique_ptr<Launcher> makeWorkerLauncher(std::string executable);

// Calls `entry` with the argument list (argv[0] included) and environment additions in this process: fastest, but
// a crashing task takes the executor with it, and timeouts and memory limits do not apply. For programs that link
// their tasks and the runtime: the entry is runtime::ItemRunner::run (see bench/run/InProcessBench.cpp). The entry
// returns the task executable's exit status; on 0 it has set `outputs` (no outputs.pb is read), else it has
// written error.pb under the output prefix.
using InProcessEntry =
    std::function<int(const std::vector<std::string>& args, const std::vector<std::pair<std::string, std::string>>& env,
                      flyteidl::core::LiteralMap* outputs)>;
std::unique_ptr<Launcher> makeInProcessLauncher(InProcessEntry entry);

// For an interrupted run (Ctrl-C): kills the process group of every item process and worker the launchers started
// and that is still running, removes the workers' log files, and makes launchers kill any process they start
// afterwards. Thread-safe; not async-signal-safe (call it from a thread that waited for the signal).
void killAllChildren();

// Memory quantities as Kubernetes writes them ("512Mi", "2Gi", "1G", "1000"); nullopt when malformed.
std::optional<uint64_t> parseQuantity(const std::string& text);

}  // namespace flytecc::executor
