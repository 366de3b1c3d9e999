// task-chain-fusion (-O1, opt-in per workflow: FLYTE_WORKFLOW(.fuse_tasks = true), `fuse_tasks` in IR text): a task
// node B whose only upstream data is the outputs of one task node A (and constants or workflow inputs), where A's
// outputs have no other consumer, becomes one node whose task runs A then B in one container (ir::Task::chain;
// the runtime feeds B's inputs from A's outputs, see `--chain` in flyteidl/TaskContract.h). One pod instead of two,
// and A's outputs are never written. Chains fuse whole (a fused node fuses again with its consumer).
//
// It fires only when the result cannot differ (the rule shared with map-fusion, passes/Fusion.h): no reference
// task, neither task cached nor cache_serialize (cache entries are per task), equal retries (a retry reruns the
// chain) and interruptibility, timeouts on both or neither (the fused task gets their sum), one image, the same
// secrets and environment, no node overrides, resources that compare (the fused task asks for the larger of
// each, ir::largerResources). Otherwise a missed remark says why; without
// the opt-in the remark says "not enabled", at every -O level.
#include <algorithm>
#include <fmt/format.h>
#include <functional>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/MD5.h>
#include <map>
#include <set>

#include "ir/Printer.h"
#include "ir/Rules.h"
#include "passes/Fusion.h"
#include "passes/Pass.h"

namespace flytecc::passes {
namespace {

using ir::BindingValue;
using ir::Node;
using ir::Task;

void forEachPromise(const BindingValue& v, const std::function<void(const BindingValue&)>& f) {
  if (v.kind == BindingValue::Kind::Promise) f(v);
  for (const auto& i : v.items) forEachPromise(i, f);
}

bool reads(const BindingValue& v, const std::string& nodeId) {
  bool found = false;
  forEachPromise(v, [&](const BindingValue& p) { found |= p.nodeId == nodeId; });
  return found;
}

std::string shortName(const std::string& task) {
  auto dot = task.rfind('.');
  return dot == std::string::npos ? task : task.substr(dot + 1);
}

std::string fusedName(const Task& fused) {
  Task unnamed = fused;
  unnamed.name = "fused";
  llvm::MD5 md5;
  md5.update(ir::print(unnamed));
  llvm::MD5::MD5Result digest;
  md5.final(digest);
  llvm::SmallString<32> hex = digest.digest();
  const std::string& head = fused.chain.front().task;
  auto dot = head.rfind('.');
  std::string module = dot == std::string::npos ? "" : head.substr(0, dot + 1);
  std::string functions;
  for (const auto& s : fused.chain) functions += (functions.empty() ? "" : "__") + shortName(s.task);
  return fmt::format("{}chain_{}_{}", module, functions, hex.str().str());
}

std::string tasksOf(const Task& t) {
  if (t.chain.empty()) return "@" + t.name;
  std::string out;
  for (const auto& s : t.chain) out += (out.empty() ? "@" : ", @") + s.task;
  return out;
}

// Why running `b` after `a` in one container could change a result, or empty when it cannot (passes/Fusion.h).
std::string whyNot(const Task& ta, const Task& tb, const Node& a, const Node& b) {
  for (const Task* t : {&ta, &tb})
    if (auto why = whyNotFusable(*t); !why.empty()) return why;
  if (auto why = whyNotOneRun(ta.metadata, ta.name, tb.metadata, tb.name, "task"); !why.empty()) return why;
  if (auto why = whyNotOneContainer(ta, tb); !why.empty()) return why;
  for (const Node* n : {&a, &b})
    if (auto why = whyNotNode(*n); !why.empty()) return why;
  return "";
}

void fuseWorkflow(ir::Module& m, ir::Workflow& w, PassContext& ctx, std::set<std::string>& touched) {
  for (size_t bi = 0; bi < w.nodes.size(); ++bi) {
    Node& b = w.nodes[bi];
    if (b.kind != Node::Kind::Task) continue;
    const Task* tb = m.findTask(b.target);
    if (!tb) continue;
    // The nodes whose outputs b reads; a candidate when one of them is a task node.
    std::set<std::string> producers;
    for (const auto& in : b.inputs)
      forEachPromise(in.value, [&](const BindingValue& v) {
        if (!v.nodeId.empty()) producers.insert(v.nodeId);
      });
    auto findNode = [&](const std::string& id) {
      return std::find_if(w.nodes.begin(), w.nodes.end(), [&](const Node& n) { return n.id == id; });
    };
    std::string aId;
    for (const auto& p : producers)
      if (auto it = findNode(p); it != w.nodes.end() && it->kind == Node::Kind::Task && m.findTask(it->target)) {
        aId = p;
        break;
      }
    if (aId.empty()) continue;
    auto missed = [&](const std::string& why) {
      ctx.missed(b.loc,
                 fmt::format("{} reads the output of task node {} in '{}' but is not fused: {}", b.id, aId, w.name, why));
    };
    if (!w.fuseTasks) {
      missed(fmt::format("not enabled (FLYTE_WORKFLOW(.fuse_tasks = true) on '{}')", w.name));
      continue;
    }
    if (producers.size() > 1) {
      std::string list;
      for (const auto& p : producers) list += (list.empty() ? "" : ", ") + p;
      missed(fmt::format("it reads the outputs of several nodes ({})", list));
      continue;
    }
    auto ait = findNode(aId);
    const Task* ta = m.findTask(ait->target);
    if (!tb->chain.empty()) {
      missed(fmt::format("{} already runs a fused chain", b.id));
      continue;
    }
    // b reads a's outputs whole (not inside a list), and nothing else reads them or waits for a.
    std::string why;
    for (const auto& in : b.inputs)
      if (in.value.kind != BindingValue::Kind::Promise && reads(in.value, aId))
        why = fmt::format("input '{}' of {} puts the output of {} in a list", in.var, b.id, aId);
    for (const auto& n : w.nodes) {
      if (!why.empty()) break;
      if (n.id == b.id || n.id == aId) continue;
      for (const auto& in : n.inputs)
        if (reads(in.value, aId)) why = fmt::format("the output of {} is also read by {}", aId, n.id);
      if (why.empty() && std::count(n.upstream.begin(), n.upstream.end(), aId))
        why = fmt::format("{} runs after {}", n.id, aId);
    }
    for (const auto& o : w.outputs)
      if (why.empty() && reads(o.value, aId)) why = fmt::format("the output of {} is a workflow output", aId);
    if (why.empty()) why = whyNot(*ta, *tb, *ait, b);
    if (!why.empty()) {
      missed(why);
      continue;
    }

    Task fused;
    fused.interface.inputs = ta->interface.inputs;
    fused.interface.outputs = tb->interface.outputs;
    fused.chain = ta->chain.empty() ? std::vector<ir::ChainStep>{{ta->name, {}}} : ta->chain;
    fused.metadata = ta->metadata;
    fused.metadata.timeoutSeconds = ta->metadata.timeoutSeconds + tb->metadata.timeoutSeconds;
    fused.requests = *ir::largerResources(ta->requests, tb->requests);
    fused.limits = *ir::largerResources(ta->limits, tb->limits);
    fused.image = ta->image;
    fused.secrets = ta->secrets;
    fused.environment = ta->environment;
    fused.loc = b.loc;
    Node node;
    node.id = b.id;  // consumers of b's outputs keep their bindings
    node.kind = Node::Kind::Task;
    node.loc = b.loc;
    node.inputs = ait->inputs;
    ir::ChainStep step{tb->name, {}};
    for (const auto& in : tb->interface.inputs) {
      auto bound = std::find_if(b.inputs.begin(), b.inputs.end(), [&](const ir::Binding& x) { return x.var == in.name; });
      if (bound == b.inputs.end()) continue;  // an optional input left unset
      if (bound->value.kind == BindingValue::Kind::Promise && bound->value.nodeId == aId) {
        step.feeds.push_back({in.name, true, bound->value.var});
        continue;
      }
      // A constant or a workflow input: an input of the fused task, renamed when a's inputs use the name.
      std::string name = in.name;
      for (int k = 2; fused.interface.findInput(name); ++k) name = fmt::format("{}_{}", in.name, k);
      ir::Variable v = in;
      v.name = name;
      fused.interface.inputs.push_back(v);
      node.inputs.push_back({name, bound->value});
      step.feeds.push_back({in.name, false, name});
    }
    fused.chain.push_back(std::move(step));
    fused.name = fusedName(fused);
    node.target = fused.name;
    node.displayName = ir::defaultNodeName(node.kind, node.target);
    std::sort(node.inputs.begin(), node.inputs.end(), [](const auto& x, const auto& y) { return x.var < y.var; });
    std::set<std::string> up(ait->upstream.begin(), ait->upstream.end());
    for (const auto& u : b.upstream)
      if (u != aId) up.insert(u);
    node.upstream.assign(up.begin(), up.end());

    ctx.passed(b.loc, fmt::format("fused task node {} ({}) into {} (@{}) in '{}': both run in one pod (one pod "
                                  "instead of two; the outputs of {} are never written)",
                                  aId, tasksOf(*ta), b.id, tb->name, w.name, aId));
    touched.insert(ta->name);
    if (!m.findTask(fused.name)) m.tasks.push_back(std::move(fused));  // invalidates ta and tb
    size_t ai = size_t(ait - w.nodes.begin());
    w.nodes[bi] = std::move(node);
    w.nodes.erase(w.nodes.begin() + ai);
    --bi;  // the fused node now sits at bi - 1; go on with the node after it
  }
}

}  // namespace

void runTaskChainFusion(ir::Module& m, PassContext& ctx) {
  std::set<std::string> touched;  // tasks a fusion stopped using
  for (auto& w : m.workflows) fuseWorkflow(m, w, ctx, touched);
  // Intermediate fused tasks no node runs any more go; the C++ tasks stay (the task executable runs them).
  std::set<std::string> used;
  for (const auto& w : m.workflows)
    for (const auto& n : w.nodes)
      if (n.kind == Node::Kind::Task) used.insert(n.target);
  // Index every task first: the lookups notice a removal by the vector getting shorter than what they indexed
  // (a removal after appends they never indexed would otherwise leave those unfindable).
  if (!m.tasks.empty()) (void)m.findTask(m.tasks.back().name);
  std::erase_if(m.tasks, [&](const Task& t) { return !t.chain.empty() && touched.count(t.name) && !used.count(t.name); });
}

}  // namespace flytecc::passes
