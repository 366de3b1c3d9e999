// The one rule both fusions follow (passes/MapFusion.cpp: two maps' items in one pod; passes/TaskChainFusion.cpp:
// two task nodes in one pod): running the second unit's work right after the first's, in the first's container,
// must not change a result or what the tasks run with. Each function returns why not, or empty when it cannot.
#pragma once

#include <string>

#include "ir/Module.h"

namespace flytecc::passes {

// A task that may run inside a fused unit: not a reference task (its code is registered elsewhere, not in our
// task executable).
std::string whyNotFusable(const ir::Task& t);

// `a` and `b` in one container: one image, the same secrets and environment, resources that compare (the fused
// unit asks for the larger of each, ir::largerResources).
std::string whyNotOneContainer(const ir::Task& a, const ir::Task& b);

// The run metadata of the two units (the tasks' for a chain, the maps' for map items), named `aName` and `bName`
// and called `unit` ("task" or "map") in the reasons: neither cached nor cache_serialize (cache entries are per
// task), equal retries (a retry reruns both) and interruptibility, timeouts on both or neither (the fused unit
// gets their sum).
std::string whyNotOneRun(const ir::Metadata& a, const std::string& aName, const ir::Metadata& b,
                         const std::string& bName, const char* unit);

// A node the user customised (with_overrides, or a node name): fusing would drop what it says.
std::string whyNotNode(const ir::Node& n);

}  // namespace flytecc::passes
