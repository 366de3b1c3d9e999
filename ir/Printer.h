// The stable, human-readable text form of the IR (`flytecc compile --emit=ir`, FileCheck tests).
#pragma once

#include <string>

#include "ir/Module.h"

namespace flytecc::ir {

std::string print(const Task& task);
std::string print(const MapTask& map);
std::string print(const Workflow& workflow);
std::string print(const LaunchPlan& launchPlan);  // not read back by the parser
std::string print(const Module& module);

}  // namespace flytecc::ir
