// Emitters: the verified Module as flyteidl protobuf, proto3 JSON, or IR text; one file per entity.
#pragma once

#include <google/protobuf/message.h>
#include <llvm/Support/Error.h>
#include <string>
#include <vector>

#include "flyteidl/Lowering.h"
#include "flyteidl/Serialize.h"
#include "ir/Module.h"
#include "support/Files.h"

namespace flytecc::idl {

enum class EmitKind { Pb, Json, Ir };

// Tasks and map tasks (flyteidl.core.TaskTemplate), workflows (flyteidl.core.WorkflowTemplate) and
// their default launch plans (flyteidl.admin.LaunchPlan), in a deterministic order and encoding.
// Fails only if a message cannot be converted to JSON (a bug, not bad input).
llvm::Expected<std::vector<support::OutputFile>> emitModule(const ir::Module& module, EmitKind kind,
                                                            const LoweringOptions& options);

// Proto3 JSON of a message built from its deterministic encoding (flyteidl/Serialize.h), so map entries
// come out sorted. toJson returns "" when the conversion fails.
std::string toJson(const google::protobuf::Message& message);

}  // namespace flytecc::idl
