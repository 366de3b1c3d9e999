// `flytecc compile --emit=runner`: a C++ program that runs the workflows locally, in process.
#pragma once

#include <string>
#include <vector>

#include "ir/Module.h"
#include "support/Files.h"

namespace flytecc::driver {

// A C++ file that includes `sources` and runs their workflows in process with their default inputs
// (flyte_runner.cpp; see sdk/include/flyte/local.hpp). It also registers the tasks' parameter names,
// which named bindings ("price"_a = p) need in plain C++ execution.
support::OutputFile emitRunner(const ir::Module& module, const std::vector<std::string>& sources);

}  // namespace flytecc::driver
