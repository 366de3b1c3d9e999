// What runs in a task pod (docs/task-contract.md): read `inputs.pb`, call one registered C++ task (or one ArrayNode
// item of a map task), write `outputs.pb`, or `error.pb` (a core.ErrorDocument) on failure. The flytecc-task
// executable (TaskMain.h) parses the contract's arguments into a TaskRequest and calls runTask(); the local executor
// can call runTask() in process, or many times from one worker process.
//
// Contract: runTask never throws, prints or exits. It returns the outcome; on success `<outputPrefix>/outputs.pb`
// exists, on failure it has tried to write `<outputPrefix>/error.pb` (kind USER for exceptions thrown by the task,
// SYSTEM for the runtime's own failures: bad arguments, unreadable or ill-typed inputs, storage errors).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "flyteidl/core/errors.pb.h"
#include "flyteidl/core/literals.pb.h"
#include "runtime/Literals.h"
#include "runtime/Storage.h"

namespace flytecc::runtime {

// One invocation, as the container arguments and environment describe it.
struct TaskRequest {
  std::string task;                 // --task: the Flyte entity name of the C++ task
  std::string inputs;               // --inputs: URI or path of the LiteralMap (for items: the whole ArrayNode input)
  std::string outputPrefix;         // --output-prefix
  std::string rawOutputDataPrefix;  // --raw-output-data-prefix: where output blobs are uploaded
  std::string checkpointPath;       // --checkpoint-path (not used by C++ tasks yet)
  std::string prevCheckpoint;       // --prev-checkpoint (idem)
  // Set for ArrayNode items (--map-bound-inputs): the inputs passed whole; every other input is a list.
  std::optional<std::vector<std::string>> mapBoundInputs;
  std::optional<std::int64_t> arrayIndex;  // the item's index (items only), from the environment
  // Fused map items (--then TASK:INPUT, repeated): after `task`, each step's task runs with the previous
  // task's o0 as its input `input`; its other inputs are bound inputs, read whole from the same inputs.
  // Fused task chains (--chain TASK:IN=SRC,..., repeated): after `task`, each step's task runs with every input
  // fed from the previous task's outputs or the whole inputs (`feeds`).
  struct Feed {
    std::string input;
    bool fromPrevious = false;
    std::string source;
  };
  struct Step {
    std::string task, input;  // --then: `input` takes the previous o0
    std::vector<Feed> feeds;  // --chain
  };
  std::vector<Step> then;
  std::vector<Step> chain;
  // The further tasks, whichever option gave them (a request has --then or --chain, not both).
  const std::vector<Step>& steps() const { return then.empty() ? chain : then; }
};

// The contract's command line, or why it is not one (`error`; `request` then holds what was understood, so
// that error.pb can still go under an --output-prefix that was given). `help` is set for --help / -h.
struct ParsedArgs {
  TaskRequest request;
  bool help = false;
  std::string error;
};
// `getenv` reads the environment (the array index variables for items).
ParsedArgs parseTaskArgs(const std::vector<std::string>& args,
                         const std::function<const char*(const char*)>& getenv);

// The usage text of the task executable (its --help).
std::string taskUsage();

// --- the registry the generated flytecc_task_main.cpp fills ------------------------------------------------------

// Thrown by adapters for inputs that are missing, ill-typed, or out of range for an item (a SYSTEM error).
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
// Thrown by adapters when the task itself threw (a USER error). `code` is "USER:<exception type>".
class UserFailure : public std::runtime_error {
 public:
  UserFailure(std::string code, const std::string& message) : std::runtime_error(message), code(std::move(code)) {}
  std::string code;
};
// Thrown by BlobHooks implementations when storage fails (a SYSTEM error).
class StorageFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Nanoseconds spent in each step of one runTask(); filled when asked for.
struct TaskTimings {
  std::int64_t read = 0, parse = 0, decode = 0, call = 0, encode = 0, write = 0;
};

struct TaskEntry;
// What an adapter gets: the whole input map, the item selection, and where outputs go.
struct TaskCall {
  const TaskEntry& entry;
  const core::LiteralMap& inputs;
  const std::vector<std::string>* bound = nullptr;  // non-null: an ArrayNode item
  std::int64_t index = 0;
  BlobHooks* hooks = nullptr;
  core::LiteralMap* outputs = nullptr;
  TaskTimings* timings = nullptr;
  // The literal of input `i` for this call: the whole value, or element `index` of a mapped list.
  const core::Literal& input(std::size_t i) const;
};
using Adapter = void (*)(const TaskCall& call);

struct TaskEntry {
  std::string_view name;                  // Flyte entity name
  std::vector<std::string_view> inputs;   // parameter names, in order
  std::vector<std::string_view> outputs;  // o0..oN
  Adapter run;
};

// Keeps one Storage per URI scheme, made on first use by storageFor().
class StorageSet {
 public:
  Result<Storage*> at(const std::string& uri);

 private:
  std::map<std::string, std::unique_ptr<Storage>> byScheme_;
};

struct TaskOutcome {
  enum class Kind { Success, User, System };
  Kind kind = Kind::Success;
  std::string code;     // e.g. USER:std::runtime_error, SYSTEM:BadInputs
  std::string message;  // for the log; the same text is in error.pb
  bool errorWritten = false;  // failures: error.pb was written
  explicit operator bool() const { return kind == Kind::Success; }
};

TaskOutcome runTask(const TaskRequest& request, std::span<const TaskEntry> tasks, StorageSet& storage,
                    TaskTimings* timings = nullptr);

// A fused map item (TaskRequest::then) or task chain (TaskRequest::chain): the entries of its further tasks, or empty with `error` set (an unknown
// task, or one without the input to feed).
std::vector<const TaskEntry*> fusedSteps(const TaskRequest& request, std::span<const TaskEntry> tasks,
                                         std::string* error);
// After the first task wrote `outputs`, runs each further task with its feeds (--chain) or the previous o0 as its
// fed input and its other inputs whole from `inputs` (--then); `outputs` ends as the last task's. Throws what adapters throw; `running`
// names the task that runs (for messages).
void runFusedSteps(const TaskRequest& request, std::span<const TaskEntry* const> steps, const core::LiteralMap& inputs,
                   BlobHooks* hooks, core::LiteralMap* outputs, TaskTimings* timings, std::string* running);

// The task executable's main: parses the arguments, runs the task, reports on stderr; exit status 0 on success,
// 1 when the task failed (USER), 2 for the runtime's failures (SYSTEM), 3 when even error.pb could not be written.
int taskMain(int argc, char** argv, std::span<const TaskEntry> tasks);

// The tasks of the generated flytecc_task_main.cpp (defined there). Compile that file with
// -DFLYTECC_TASK_MAIN_NO_MAIN to link the same adapters into another program (in-process or worker execution).
std::span<const TaskEntry> registeredTasks();

// The error document runTask writes for an outcome.
core::ErrorDocument errorDocument(const TaskOutcome& outcome);

// Literals stored elsewhere (Literal.offloaded_metadata) replaced by their contents, recursively.
Status loadOffloaded(core::Literal& literal, StorageSet& storage);

}  // namespace flytecc::runtime
