#include "ir/Module.h"

#include <algorithm>
#include <fmt/format.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/MD5.h>

namespace flytecc::ir {

std::string SourceLoc::str() const {
  if (file.empty()) return "<unknown>";
  return fmt::format("{}:{}:{}", file, line, column);
}

template <class Vec>
static const Variable* findVar(const Vec& vars, const std::string& name) {
  auto it = std::find_if(vars.begin(), vars.end(), [&](const Variable& v) { return v.name == name; });
  return it == vars.end() ? nullptr : &*it;
}
const Variable* Interface::findInput(const std::string& name) const { return findVar(inputs, name); }
const Variable* Interface::findOutput(const std::string& name) const { return findVar(outputs, name); }

bool MapTask::isBound(const std::string& input) const {
  return std::find(boundInputs.begin(), boundInputs.end(), input) != boundInputs.end();
}

// Python's str() of the values flytekit hashes: None, ints, and floats with at least one decimal.
static std::string pyStr(const std::optional<std::uint32_t>& v) { return v ? std::to_string(*v) : "None"; }
static std::string pyStr(const std::optional<double>& v) {
  if (!v) return "None";
  std::string s = fmt::format("{}", *v);
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  return s;
}

std::string mapTaskName(const Task& mapped, const MapTask& map) {
  std::string bound;
  for (const auto& b : map.boundInputs) bound += (bound.empty() ? "" : ",") + b;
  std::string key = bound + pyStr(map.concurrency) + pyStr(map.minSuccesses) + pyStr(std::optional<double>(map.minSuccessRatio.value_or(1.0)));
  if (!(map.metadata == mapped.metadata)) {
    const Metadata& m = map.metadata;
    key += fmt::format("|cache={},{},{};retries={};timeout={};interruptible={}", m.cache, m.cacheVersion,
                       m.cacheSerialize, m.retries, m.timeoutSeconds, m.interruptible);
  }
  llvm::MD5 md5;
  md5.update(key);
  llvm::MD5::MD5Result digest;
  md5.final(digest);
  llvm::SmallString<32> hex = digest.digest();

  auto dot = mapped.name.rfind('.');
  std::string module = dot == std::string::npos ? "" : mapped.name.substr(0, dot + 1);
  std::string function = dot == std::string::npos ? mapped.name : mapped.name.substr(dot + 1);
  return fmt::format("{}map_{}_{}-arraynode", module, function, hex.str().str());
}

std::string defaultNodeName(Node::Kind kind, const std::string& target) {
  if (kind == Node::Kind::Array) return target;
  auto dot = target.rfind('.');
  return dot == std::string::npos ? target : target.substr(dot + 1);
}

BindingValue BindingValue::constant(Literal value) {
  BindingValue b;
  b.kind = Kind::Literal;
  b.literal = std::move(value);
  return b;
}
BindingValue BindingValue::promise(std::string nodeId, std::string var) {
  BindingValue b;
  b.kind = Kind::Promise;
  b.nodeId = std::move(nodeId);
  b.var = std::move(var);
  return b;
}
BindingValue BindingValue::collection(std::vector<BindingValue> items) {
  BindingValue b;
  b.kind = Kind::Collection;
  b.items = std::move(items);
  return b;
}

std::string BindingValue::str() const {
  switch (kind) {
    case Kind::Literal: return literal.str();
    case Kind::Promise: return nodeId.empty() ? "$" + var : nodeId + "." + var;
    case Kind::Collection: {
      std::string out = "[";
      for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i].str();
      return out + "]";
    }
  }
  return "?";
}

template <class T>
static const T* findNamed(const std::vector<T>& v, NameIndex& index, const std::string& name) {
  if (index.indexed > v.size()) index = NameIndex{};  // entities were removed: start over
  for (; index.indexed < v.size(); ++index.indexed) index.positions.emplace(v[index.indexed].name, index.indexed);
  auto it = index.positions.find(name);
  if (it == index.positions.end()) return nullptr;
  if (v[it->second].name == name) return &v[it->second];
  // Renamed after it was indexed: re-index everything once, then answer.
  index = NameIndex{};
  return findNamed(v, index, name);
}
const Task* Module::findTask(const std::string& name) const { return findNamed(tasks, taskIndex_, name); }
const MapTask* Module::findMapTask(const std::string& name) const { return findNamed(mapTasks, mapTaskIndex_, name); }
const Workflow* Module::findWorkflow(const std::string& name) const {
  return findNamed(workflows, workflowIndex_, name);
}

const LaunchPlan* Module::findLaunchPlan(const std::string& name) const {
  return findNamed(launchPlans, launchPlanIndex_, name);
}

std::string EntityRef::str() const { return project + "/" + domain + "/" + name + ":" + version; }

const Interface* Module::targetInterface(Node::Kind kind, const std::string& target) const {
  switch (kind) {
    case Node::Kind::Task:
      if (auto* t = findTask(target)) return &t->interface;
      return nullptr;
    case Node::Kind::Array:
      if (auto* m = findMapTask(target)) return &m->interface;
      return nullptr;
    case Node::Kind::Workflow:
      if (auto* w = findWorkflow(target)) return &w->interface;
      return nullptr;
    case Node::Kind::LaunchPlan:
      if (auto* lp = findLaunchPlan(target)) return &lp->interface;
      return nullptr;
  }
  return nullptr;
}

}  // namespace flytecc::ir
