// Emitters: the verified Module as flyteidl protobuf, proto3 JSON, or IR text; one file per entity.
#pragma once

#include <llvm/ADT/SmallVector.h>
#include <llvm/Support/raw_ostream.h>
#include <system_error>
#include <string>
#include <vector>

#include "ir/Lowering.h"
#include "ir/Module.h"

namespace flytecc::compiler {

enum class EmitKind { Pb, Json, Ir, Runner, TaskMain };

struct OutputFile {
  std::string name;  // e.g. pkg.detect_anomalies.task.pb
  std::string contents;
};

// Tasks and map tasks (flyteidl.core.TaskTemplate), workflows (flyteidl.core.WorkflowTemplate) and
// their default launch plans (flyteidl.admin.LaunchPlan), in a deterministic order and encoding.
std::vector<OutputFile> emitModule(const ir::Module& module, EmitKind kind, const ir::LoweringOptions& options);

// A C++ file that includes `sources` and runs their workflows in process with their default inputs
// (flyte_runner.cpp; see sdk/include/flyte/local.hpp). It also registers the tasks' parameter names,
// which named bindings ("price"_a = p) need in plain C++ execution.
OutputFile emitRunner(const ir::Module& module, const std::vector<std::string>& sources);

// Deterministic binary encoding of a message, and its proto3 JSON built from that encoding (so map
// entries come out sorted).
std::string serializeDeterministic(const google::protobuf::Message& message);
std::string toJson(const google::protobuf::Message& message);

// A new, uniquely named temporary file in `dir` (same file system as the final name, so a rename
// publishes it atomically).
std::error_code createTempIn(llvm::StringRef dir, int& fd, llvm::SmallVectorImpl<char>& path);

// The directory part of `path`, or "." when it has none.
std::string parentDir(llvm::StringRef path);

// Writes every file or none: each goes to a temporary file in `dir` first and is renamed into place
// only after all were written. Errors go to `errs`.
bool writeAll(const std::string& dir, const std::vector<OutputFile>& files, llvm::raw_ostream& errs);

}  // namespace flytecc::compiler
