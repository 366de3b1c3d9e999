// Explicit entity names in configs.
#include <flyte/flyte.hpp>

#include <string>

FLYTE_TASK(.name = "etl.extract")
std::string extract(std::string source) { return source + ":rows"; }

FLYTE_TASK(.name = "etl.load", .interruptible = true)
int load(std::string rows) { return static_cast<int>(rows.size()); }

FLYTE_WORKFLOW(.name = "etl.daily")
int daily(std::string source = "warehouse") { return load(extract(source)); }
