// The task container contract: the one place that names the arguments, templates, environment variables
// and files that propeller and a flytecc task executable agree on (see docs/task-contract.md).
// Header-only and dependency-free: the lowering (flyteidl/), the task runtime (runtime/) and the local
// executor (executor/) all include it, and none may spell these strings anywhere else.
#pragma once

#include <string_view>

namespace flytecc::contract {

// The program every TaskTemplate runs (container.args[0]); the image puts it on PATH.
inline constexpr std::string_view kTaskExecutable = "flytecc-task";

// Command-line options of the task executable, each followed by its value.
inline constexpr std::string_view kInputsArg = "--inputs";
inline constexpr std::string_view kOutputPrefixArg = "--output-prefix";
inline constexpr std::string_view kRawOutputDataPrefixArg = "--raw-output-data-prefix";
inline constexpr std::string_view kCheckpointPathArg = "--checkpoint-path";
inline constexpr std::string_view kPrevCheckpointArg = "--prev-checkpoint";
inline constexpr std::string_view kTaskArg = "--task";
// Map tasks (ArrayNode targets) only: comma-separated names of the inputs a partial bound (may be empty).
inline constexpr std::string_view kMapBoundInputsArg = "--map-bound-inputs";
// Fused map tasks only (the map-fusion pass), repeated in order: `--then TASK:INPUT` runs TASK after the
// previous task in the same item, with the previous task's output o0 as its input INPUT; TASK's other inputs
// are bound inputs of the map task (passed whole). The item's outputs.pb holds the last task's outputs.
inline constexpr std::string_view kThenArg = "--then";
inline constexpr char kThenSeparator = ':';
// Fused task chains only (the task-chain-fusion pass), repeated in order: `--chain TASK:IN=SRC,IN=SRC...` runs
// TASK after the previous task in the same container, feeding each input IN (every input of TASK is listed)
// from SRC: `out.NAME`, the previous task's output NAME, or `in.NAME`, the input NAME of the fused task's inputs
// (--inputs). The first task (--task) reads the inputs of its names; outputs.pb holds the last task's outputs.
inline constexpr std::string_view kChainArg = "--chain";
inline constexpr char kChainSeparator = ':';
inline constexpr char kChainFeedSeparator = ',';
inline constexpr char kChainFeedAssign = '=';
inline constexpr std::string_view kChainFromOutput = "out.";
inline constexpr std::string_view kChainFromInput = "in.";

// flytecc's own extension for the local executor (not used by propeller): `flytecc-task --worker` serves many
// invocations over a pipe (runtime/ItemRunner.h).
inline constexpr std::string_view kWorkerArg = "--worker";
// The generated task main built as a shared object (`flytecc run --isolation=none`) exports this `extern "C"`
// function: runtime::InProcessItemFn (runtime/ItemRunner.h), which the flytecc tool loads with dlopen.
inline constexpr const char* kInProcessEntrySymbol = "flytecc_task_run_item";

// Templates propeller substitutes in container.args before it starts the pod.
inline constexpr std::string_view kInputTemplate = "{{.input}}";
inline constexpr std::string_view kOutputPrefixTemplate = "{{.outputPrefix}}";
inline constexpr std::string_view kRawOutputDataPrefixTemplate = "{{.rawOutputDataPrefix}}";
inline constexpr std::string_view kCheckpointOutputPrefixTemplate = "{{.checkpointOutputPrefix}}";
inline constexpr std::string_view kPrevCheckpointPrefixTemplate = "{{.prevCheckpointPrefix}}";

// ArrayNode items: the name of the variable holding the item index, and its default name.
inline constexpr std::string_view kArrayIndexVarNameEnv = "BATCH_JOB_ARRAY_INDEX_VAR_NAME";
inline constexpr std::string_view kDefaultArrayIndexEnv = "FLYTE_K8S_ARRAY_INDEX";
inline constexpr std::string_view kArrayIndexOffsetEnv = "BATCH_JOB_ARRAY_INDEX_OFFSET";

// Files under the output prefix.
inline constexpr std::string_view kOutputsFile = "outputs.pb";  // core.LiteralMap, on success
inline constexpr std::string_view kErrorFile = "error.pb";      // core.ErrorDocument, on failure

}  // namespace flytecc::contract
