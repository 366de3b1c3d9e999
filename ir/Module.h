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

struct Task {
  std::string name;     // Flyte entity name, e.g. advanced_composition.map_task.detect_anomalies
  std::string cxxName;  // qualified C++ name
  Interface interface;
  Metadata metadata;
  Resources requests, limits;
  std::string image;  // empty: the compile's default image
  SourceLoc loc;
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
  std::string task;  // the mapped Task's name
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

struct Node {
  enum class Kind { Task, Array, Workflow };
  std::string id;  // n0, n1, ... in creation order
  Kind kind = Kind::Task;
  std::string target;       // Task, MapTask or Workflow name
  std::string displayName;  // NodeMetadata.name
  std::vector<Binding> inputs;  // sorted by var
  std::vector<std::string> upstream;
  Resources overrideRequests, overrideLimits;
  std::string overrideImage;
  SourceLoc loc;
};

struct Workflow {
  std::string name;
  std::string cxxName;
  Interface interface;  // inputs carry their defaults
  std::vector<Node> nodes;
  std::vector<Binding> outputs;
  SourceLoc loc;
};

// name -> position, grown lazily as entities are appended (lookups stay O(1) on large modules).
struct NameIndex {
  std::unordered_map<std::string, size_t> positions;
  size_t indexed = 0;
};

struct Module {
  std::vector<Task> tasks;
  std::vector<MapTask> mapTasks;
  std::vector<Workflow> workflows;

  const Task* findTask(const std::string& name) const;
  const MapTask* findMapTask(const std::string& name) const;
  const Workflow* findWorkflow(const std::string& name) const;
  // The interface a node of the given kind and target sees, or nullptr.
  const Interface* targetInterface(Node::Kind kind, const std::string& target) const;

 private:
  mutable NameIndex taskIndex_, mapTaskIndex_, workflowIndex_;
};

}  // namespace flytecc::ir
