// Structural and type checks on a whole Module, with Flyte's compiler rules (the same ones
// flytepropeller applies at registration), so that broken IR never reaches an emitter.
#pragma once

#include <string>
#include <vector>

#include "ir/Module.h"

namespace flytecc::ir {

struct VerifierError {
  SourceLoc loc;
  std::string message;
};

std::vector<VerifierError> verify(const Module& module);

}  // namespace flytecc::ir
