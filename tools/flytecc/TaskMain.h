// The task executable's dispatch: a C++ file that includes the sources and lists every task with its adapter
// (runtime/TaskMain.h), so that the container program needs no hand-written registration.
#pragma once

#include <string>
#include <vector>

#include "support/Files.h"
#include "ir/Module.h"

namespace flytecc::driver {

// flytecc_task_main.cpp: `main` runs the contract (docs/task-contract.md) for the module's tasks. Map tasks need
// no entry of their own: their TaskTemplates run the mapped task with --map-bound-inputs. Tasks whose C++ name
// cannot be spelled (e.g. in an anonymous namespace) are left out, with a comment saying so.
support::OutputFile emitTaskMain(const ir::Module& module, const std::vector<std::string>& sources);

// The address of a task's or workflow's function in generated code: `static_cast<TYPE>(&::ns::f)`, which picks
// it among functions of the same name (ir::Task::cxxPointerType), or `&::ns::f` when TYPE is unknown.
std::string functionAddress(const std::string& cxxName, const std::string& cxxPointerType);

}  // namespace flytecc::driver
