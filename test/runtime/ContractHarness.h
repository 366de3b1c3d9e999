// Test support: run processes, and play propeller for emitted workflows (test/runtime/ContractTest.cpp).
// Object URIs may be local paths or s3:// (through flytecc's own storage layer, as the pod would).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "flyteidl/core/errors.pb.h"
#include "flyteidl/core/literals.pb.h"
#include "flyteidl/core/tasks.pb.h"
#include "flyteidl/core/workflow.pb.h"
#include "runtime/TaskRuntime.h"

namespace flytecc::test {
namespace core = ::flyteidl::core;

struct ProcessResult {
  int status = -1;  // exit status, or 128 + signal
  std::string out, err;
};
// Runs argv[0] with the current environment plus `env` ("NAME=value"; "NAME=" removes NAME).
ProcessResult runProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env);

// A fresh directory under the build's temporary directory, removed at the end of the test.
struct LocalDir {
  explicit LocalDir(const std::string& name);
  ~LocalDir();
  std::string path;
};

// Objects through flytecc's storage (local paths, file://, s3://).
std::string readFile(const std::string& uri);
bool writeMessage(const std::string& uri, const google::protobuf::Message& m);
std::optional<core::LiteralMap> readLiteralMap(const std::string& uri);
std::optional<core::ErrorDocument> readErrorDocument(const std::string& uri);

// One run of a task executable with inputs.pb at <prefix>/inputs.pb, outputs under <prefix>/out, blobs under
// <prefix>/raw; items when `index` is set (bound inputs as given).
struct TaskRun {
  int status = -1;
  std::string err;
  std::optional<core::LiteralMap> outputs;
  std::optional<core::ErrorDocument> error;
};
TaskRun runOne(const std::string& exe, const std::string& task, const core::LiteralMap& inputs,
               const std::string& prefix, std::optional<int> index = std::nullopt,
               std::optional<std::vector<std::string>> bound = std::nullopt, std::vector<std::string> env = {});

struct WorkflowRun {
  std::string error;                  // empty: succeeded
  std::vector<core::Literal> outputs;  // in the workflow's output binding order
};

// Executes WorkflowTemplates from a directory of `flytecc compile` output, running every task node and ArrayNode
// item through the task executable as propeller would.
class Propeller {
 public:
  Propeller(std::string pbDir, std::string exe, std::string store, std::vector<std::string> env = {});
  std::vector<std::string> workflowNames() const;
  WorkflowRun runWorkflow(const std::string& name);
  std::size_t itemsRun() const { return items_; }

 private:
  core::TaskTemplate task(const std::string& name) const;
  // Runs a TaskTemplate's container.args; returns the outputs or sets `error`.
  std::optional<core::LiteralMap> runContainer(const core::TaskTemplate& t, const std::string& inputsUri,
                                               const std::string& prefix, std::optional<std::size_t> index,
                                               std::string& error);
  std::string pbDir_, exe_, store_;
  std::vector<std::string> env_;
  std::size_t runs_ = 0, items_ = 0;
};

// The outputs as the --emit=runner program prints them (sdk/include/flyte/local.hpp's show()).
std::string showLiteral(const core::Literal& l);
std::string showOutputs(const std::vector<core::Literal>& outputs);

}  // namespace flytecc::test
