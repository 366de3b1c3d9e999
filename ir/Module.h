// flytecc's workflow IR: tasks, map tasks (ArrayNode targets) and workflows as a typed graph.
// Built by the frontend, checked by the verifier, printed as text and lowered to flyteidl.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ir/Literal.h"
#include "ir/Type.h"

namespace flytecc::ir {

struct SourceLoc {
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
  std::string str() const;  // file:line:col, or "<unknown>"
};

struct Variable {
  std::string name;
  Type type;
  std::optional<Literal> defaultValue;  // workflow inputs only: the C++ default argument
};

// Inputs in declaration order; outputs o0..oN.
struct Interface {
  std::vector<Variable> inputs;
  std::vector<Variable> outputs;
  const Variable* findInput(const std::string& name) const;
  const Variable* findOutput(const std::string& name) const;
};

// flytekit's TaskMetadata: what caching, retries, timeout and interruptibility a task run gets.
struct Metadata {
  bool cache = false;
  std::string cacheVersion;
  bool cacheSerialize = false;
  std::uint32_t retries = 0;
  std::int64_t timeoutSeconds = 0;  // 0 = none
  bool interruptible = false;
  friend bool operator==(const Metadata&, const Metadata&) = default;
};

// Kubernetes quantities; empty = unset.
struct Resources {
  std::string cpu, mem, gpu, ephemeralStorage;
  bool empty() const { return cpu.empty() && mem.empty() && gpu.empty() && ephemeralStorage.empty(); }
  friend bool operator==(const Resources&, const Resources&) = default;
};

// flytekit's Secret: a secret the task's pod gets, from group/key, mounted as the backend chooses (Any), as an
// environment variable or as a file; envVar names the variable.
struct Secret {
  enum class Mount { Any, EnvVar, File };
  std::string group, key;
  Mount mount = Mount::Any;
  std::string envVar;
  friend bool operator==(const Secret&, const Secret&) = default;
};

struct EnvVar {
  std::string key, value;
  friend bool operator==(const EnvVar&, const EnvVar&) = default;
};

// Task-chain fusion (passes/TaskChainFusion.cpp): one input of a further task of a fused chain, fed from the
// previous task's output `source` (fromPrevious) or from the fused task's input `source`.
struct ChainFeed {
  std::string input;
  bool fromPrevious = false;
  std::string source;
  friend bool operator==(const ChainFeed&, const ChainFeed&) = default;
};
// One task of a fused chain. The first step reads the fused task's inputs of the same names (no feeds); every
// further step lists a feed for each of its task's inputs.
struct ChainStep {
  std::string task;
  std::vector<ChainFeed> feeds;
  friend bool operator==(const ChainStep&, const ChainStep&) = default;
};

// The full identifier of an entity registered on Flyte by someone else (flytekit's reference_task and
// reference_launch_plan): nodes name it as it is, the package never includes it.
struct EntityRef {
  std::string project, domain, name, version;
  std::string str() const;  // project/domain/name:version
  friend bool operator==(const EntityRef&, const EntityRef&) = default;
};

struct Task {
  std::string name;     // Flyte entity name, e.g. advanced_composition.map_task.detect_anomalies
  std::string cxxName;  // qualified C++ name
  // The function's pointer type, fully qualified, with which generated code takes its address (static_cast):
  // the name may also name other functions there, such as POSIX `read` in the task executable, which includes
  // <unistd.h> where the user's source did not. Empty when a type cannot be named there. Not in the IR text.
  std::string cxxPointerType;
  Interface interface;
  Metadata metadata;
  Resources requests, limits;
  std::string image;  // empty: the compile's default image
  std::vector<Secret> secrets;       // in declared order (securityContext.secrets)
  std::vector<EnvVar> environment;   // in declared order (container.env)
  SourceLoc loc;
  // Non-empty: a fused task chain (no C++ function of its own): the steps run in order in one container, and
  // the fused task's outputs are the last step's. Its metadata, resources and image cover every step.
  std::vector<ChainStep> chain;
  // A reference task (FLYTE_REFERENCE_TASK): `name` is reference->name; no template is packaged.
  std::optional<EntityRef> reference;
  // A reference task whose declared function the program also defines: that definition is its local stand-in,
  // which `flytecc run` executes (and plain C++ calls) in place of the registered task. Never packaged.
  bool standIn = false;
};

// Map fusion (passes/MapFusion.cpp): after the mapped task, an item runs `task` in the same container with the
// previous task's single output as its input `input`; the step's other inputs are bound inputs of the map task.
struct MapStep {
  std::string task;
  std::string input;
  friend bool operator==(const MapStep&, const MapStep&) = default;
};

// A task mapped over lists: the target of an ArrayNode.
struct MapTask {
  std::string name;  // {module}.map_{function}_{hash}-arraynode
  std::string task;  // the mapped Task's name (the LaunchPlan's when overLaunchPlan)
  // flytekit 1.16's map_task over a launch plan: an ArrayNode whose sub-node is a launch-plan node. Such map tasks
  // (and those over reference tasks) have no template of their own: the sub-node names the entity itself.
  bool overLaunchPlan = false;
  std::vector<std::string> boundInputs;  // sorted; bound by a partial, passed whole to every item
  std::optional<std::uint32_t> concurrency;
  std::optional<double> minSuccessRatio;
  std::optional<std::uint32_t> minSuccesses;
  Metadata metadata;     // the options' metadata, else the mapped task's
  Interface interface;   // mapped inputs T become [T]; the output T becomes [T] or [T?]
  SourceLoc loc;
  std::vector<MapStep> then;  // fused tasks each item runs after `task`, in order (empty: none)
  bool isBound(const std::string& input) const;
};

// flytekit's naming: {module}.map_{function}_{md5(bound + concurrency + min_successes + ratio)}-arraynode.
// Metadata that differs from the mapped task's is hashed too, so different map tasks never share a name.
std::string mapTaskName(const Task& mapped, const MapTask& map);

// A value flowing into an input: a constant, another node's output (or a workflow input when nodeId is
// empty), or a list assembled from such values.
struct BindingValue {
  enum class Kind { Literal, Promise, Collection };
  Kind kind = Kind::Literal;
  Literal literal;
  std::string nodeId;  // empty: the workflow's inputs (start-node)
  std::string var;
  std::vector<BindingValue> items;

  static BindingValue constant(Literal value);
  static BindingValue promise(std::string nodeId, std::string var);
  static BindingValue collection(std::vector<BindingValue> items);
  std::string str() const;
};

struct Binding {
  std::string var;
  BindingValue value;
};

// `.with_overrides({...})` on a node: what the user set; unset fields keep the target's (flyteidl lowering
// applies flytekit's rule: a task's retries, timeout and interruptible are copied onto its node, a map task's onto
// the ArrayNode's sub-node, and a sub-workflow node is `interruptible: false`).
struct NodeOverrides {
  std::optional<std::uint32_t> retries;
  std::optional<std::int64_t> timeoutSeconds;
  std::optional<bool> interruptible;
  std::optional<bool> cache;
  std::string cacheVersion;
  bool cacheSerialize = false;
  bool empty() const { return !retries && !timeoutSeconds && !interruptible && !cache; }
  friend bool operator==(const NodeOverrides&, const NodeOverrides&) = default;
};

struct Node {
  enum class Kind { Task, Array, Workflow, LaunchPlan };
  std::string id;  // n0, n1, ... in creation order
  Kind kind = Kind::Task;
  std::string target;       // Task, MapTask, Workflow or LaunchPlan name
  std::string displayName;  // NodeMetadata.name
  std::vector<Binding> inputs;  // sorted by var
  std::vector<std::string> upstream;
  Resources overrideRequests, overrideLimits;
  std::string overrideImage;
  NodeOverrides overrideMetadata;
  std::string overrideAccelerator;   // extendedResources.gpuAccelerator.device
  std::string overrideSharedMemory;  // extendedResources.sharedMemory.sizeLimit
  // ArrayNodes: `MapOptions{.fuse = true}`: map-fusion may fuse this map with its producer or consumer at -O1.
  bool fuse = false;
  SourceLoc loc;
};

// NodeMetadata.name flytekit gives a node of `target` unless overridden: the entity name's last dotted component
// for task and workflow nodes, the map task's name for ArrayNodes.
std::string defaultNodeName(Node::Kind kind, const std::string& target);

struct Workflow {
  std::string name;
  std::string cxxName;
  std::string cxxPointerType;  // as Task::cxxPointerType
  Interface interface;  // inputs carry their defaults
  std::vector<Node> nodes;
  std::vector<Binding> outputs;
  SourceLoc loc;
  bool fuseTasks = false;  // FLYTE_WORKFLOW(.fuse_tasks = true): task-chain fusion may fuse its task nodes
};

// A launch plan's schedule (flyteidl.admin.Schedule): a cron expression or a fixed rate, optionally passing the
// scheduled time to a DATETIME input (kickoff_time_input_arg).
struct Schedule {
  enum class Kind { None, Cron, Rate };
  enum class Unit { Minute, Hour, Day };
  Kind kind = Kind::None;
  std::string cron;            // Cron
  std::uint32_t rateValue = 0;  // Rate
  Unit rateUnit = Unit::Minute;
  std::string kickoffInput;
  friend bool operator==(const Schedule&, const Schedule&) = default;
};

// flyteidl.admin.Notification: who hears of which terminal phases, by email, Slack or PagerDuty.
struct Notification {
  enum class Channel { Email, Slack, PagerDuty };
  Channel channel = Channel::Email;
  std::vector<std::string> phases;  // WorkflowExecution.Phase names: SUCCEEDED, FAILED, TIMED_OUT, ABORTED
  std::vector<std::string> recipients;
  friend bool operator==(const Notification&, const Notification&) = default;
};

struct NamedLiteral {
  std::string name;
  Literal value;
};

// A named launch plan (FLYTE_LAUNCH_PLAN) of a workflow, or a reference launch plan
// (FLYTE_REFERENCE_LAUNCH_PLAN, `reference` set, no workflow). Workflows get their default launch plans
// without one of these.
struct LaunchPlan {
  std::string name;
  std::string workflow;  // the launched workflow; empty for a reference
  std::vector<NamedLiteral> defaults;  // as given, sorted by name (they replace the workflow's defaults)
  std::vector<NamedLiteral> fixed;     // as given, sorted by name
  Schedule schedule;
  std::vector<Notification> notifications;
  std::vector<std::pair<std::string, std::string>> labels, annotations;  // sorted by key
  // What a node calling it binds: the workflow's inputs without the fixed ones, each with its launch-plan default,
  // else the workflow's (ir::launchPlanInterface); the workflow's outputs. A reference's: its declared signature.
  Interface interface;
  std::optional<EntityRef> reference;
  SourceLoc loc;
};

// name -> position, grown lazily as entities are appended (lookups stay O(1) on large modules).
struct NameIndex {
  std::unordered_map<std::string, size_t> positions;
  size_t indexed = 0;
};

// A C++ enum a task's interface uses: the generated task main gives the runtime its enumerators' names
// (runtime/Literals.h, EnumNames). Not part of the IR text.
struct CxxEnum {
  std::string cxxName;  // fully qualified, e.g. features::enums::Color
  std::vector<std::string> values;
  friend bool operator==(const CxxEnum&, const CxxEnum&) = default;
};

// A C++ struct a task's interface uses (a flytekit dataclass): the generated task main gives the runtime its
// fields (runtime/Literals.h, StructFields). Not part of the IR text.
struct CxxStruct {
  std::string cxxName;              // fully qualified, e.g. features::dataclasses::Point
  std::vector<std::string> fields;  // the data members, in declaration order
  Type type;                        // its Flyte type (Kind::Struct)
  friend bool operator==(const CxxStruct&, const CxxStruct&) = default;
};

struct Module {
  std::vector<Task> tasks;
  std::vector<MapTask> mapTasks;
  std::vector<Workflow> workflows;
  std::vector<LaunchPlan> launchPlans;
  std::vector<CxxEnum> cxxEnums;  // in first-use order, each once
  std::vector<CxxStruct> cxxStructs;  // nested before enclosing, each once

  const Task* findTask(const std::string& name) const;
  const MapTask* findMapTask(const std::string& name) const;
  const Workflow* findWorkflow(const std::string& name) const;
  const LaunchPlan* findLaunchPlan(const std::string& name) const;
  // The interface a node of the given kind and target sees, or nullptr.
  const Interface* targetInterface(Node::Kind kind, const std::string& target) const;

 private:
  mutable NameIndex taskIndex_, mapTaskIndex_, workflowIndex_, launchPlanIndex_;
};

}  // namespace flytecc::ir
