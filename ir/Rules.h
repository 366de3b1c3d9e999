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

// Outputs named other than o0..oN are named outputs (a C++ struct marked FLYTE_NAMED_OUTPUTS, flytekit's
// NamedTuple): the analysis names outputs after the fields, and only then; the generated task main and runner read
// the fields by those names.
bool hasNamedOutputs(const std::vector<Variable>& outputs);

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

// flytekit's `_dnsify`: a node id from `.with_overrides({.node_name = ...})` ("Train Big" -> "train-big"):
// lower case, '-' for '_', '-', '.' and before upper-case letters, other characters dropped; names of 63 or more
// characters are shortened to an md5 prefix and their tail.
std::string dnsify(std::string_view value);

// The interface one item of `map` runs: the mapped task's, or for a fused map (MapTask::then) the first task's
// inputs, then each step's inputs but the one the previous single output feeds (those must be bound inputs of
// the map and unique), and the last task's output. nullopt with `why` when a step does not fit: an unknown task
// or input, a task without exactly one output, an output that does not cast to the next input.
std::optional<Interface> mapItemInterface(const Module& module, const MapTask& map, std::string* why = nullptr);

// What a node calling launch plan `lp` of workflow `wf` binds (flytekit's LaunchPlan interface): the workflow's
// inputs but the fixed ones, each defaulting to the launch plan's default, else the workflow's; the workflow's outputs.
Interface launchPlanInterface(const Workflow& wf, const LaunchPlan& lp);

// A launch plan's problems against its workflow, one message each (empty: none): a fixed or default input that
// is not an input, a value that does not fit the input's type, an input both fixed and defaulted, a kickoff
// input that is not a DATETIME input, a rate that is not positive, a cron schedule cronProblem rejects. The
// analyzer reports them at the source (flyte-launch-plan), at the part `about` names; the verifier checks the same.
struct LaunchPlanProblem {
  enum class About { LaunchPlan, Inputs, Cron, FixedRate, KickoffInput };
  About about = About::LaunchPlan;
  std::string message;
  bool operator==(const std::string& m) const { return message == m; }
};
std::vector<LaunchPlanProblem> launchPlanProblems(const Workflow& wf, const LaunchPlan& lp);

// Why `schedule` is not a cron schedule Flyte accepts (CronSchedule.schedule), or empty. Flyte's documented form:
// one of flytekit's aliases (hourly, @hourly, daily, ..., case-insensitive), or five space-separated fields
// (minute 0-59, hour 0-23, day of month 1-31, month 1-12 or JAN-DEC, day of week 0-6 or SUN-SAT, names
// case-insensitive), each `*`, `?` (day fields only), a value, a range `a-b`, either with a step `/n`, or a
// comma-separated list of those.
std::string cronProblem(std::string_view schedule);
// Two Kubernetes quantities ("500m", "2Gi", "1.5", "1e3") compared exactly: negative, zero or positive as `a` is
// less than, equal to or greater than `b`; nullopt when either is not a quantity.
std::optional<int> compareQuantities(std::string_view a, std::string_view b);

// A resource whose request is above its limit (both set): Kubernetes rejects such a pod, and Flyte's propeller
// lowers the request to the limit. `name` is the field's name (cpu, mem, gpu, ephemeral_storage).
struct RequestAboveLimit {
  std::string name, request, limit;
};
std::vector<RequestAboveLimit> requestsAboveLimits(const Resources& requests, const Resources& limits);

// Kubernetes quantities ("500m", "2Gi", "1.5"): the larger of two (either may be empty = unset, which loses
// to a set one); nullopt when they do not compare (a suffix Kubernetes does not know). A fused map item runs
// both tasks in one container, so it asks for the larger of each.
std::optional<std::string> largerQuantity(const std::string& a, const std::string& b);
std::optional<Resources> largerResources(const Resources& a, const Resources& b);

// A container image reference by the Docker reference grammar: [HOST[:PORT]/]PATH[:TAG][@DIGEST], PATH of
// lowercase components separated by '/', the name at most 255 characters. A Flyte template such as
// "{{.image.default.fqn}}:{{.image.default.version}}" is resolved at registration and accepted as is.
bool isValidImageReference(std::string_view ref);

}  // namespace flytecc::ir
