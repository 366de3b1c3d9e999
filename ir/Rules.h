// Flyte's rules that more than one layer applies, in one place: the analysis reports them at the C++
// source, the verifier re-checks them on the whole Module, tests build map tasks with them. Nothing
// else may restate them (docs/architecture.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/Module.h"

namespace flytecc::ir {

// Entity names (tasks, map tasks, workflows) become file names in outputs and packages: ASCII letters,
// digits, '_', '-' and '.', not starting with '.' or '-' (nothing that leaves a directory or reads as
// an option).
bool isValidEntityName(std::string_view name);

// min_success_ratio must be in (0, 1].
bool isValidMinSuccessRatio(double ratio);
// min_successes and min_success_ratio are mutually exclusive.
inline bool conflictingSuccessCriteria(const std::optional<double>& ratio,
                                       const std::optional<std::uint32_t>& successes) {
  return ratio.has_value() && successes.has_value();
}

// With min_success_ratio below 1 or min_successes, items may fail: their outputs are empty, so the map
// task's outputs are lists of optionals.
bool mapItemsMayFail(const std::optional<double>& ratio, const std::optional<std::uint32_t>& successes);

// The interface of a map task over `mapped`: bound inputs T stay T, mapped inputs T become [T]; each
// output T becomes [T], or [T?] when items may fail.
Interface mapTaskInterface(const Interface& mapped, const std::vector<std::string>& boundInputs, bool itemsMayFail);

// A container image reference by the Docker reference grammar: [HOST[:PORT]/]PATH[:TAG][@DIGEST], PATH of
// lowercase components separated by '/', the name at most 255 characters. A Flyte template such as
// "{{.image.default.fqn}}:{{.image.default.version}}" is resolved at registration and accepted as is.
bool isValidImageReference(std::string_view ref);

}  // namespace flytecc::ir
