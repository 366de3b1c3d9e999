// map-fusion (-O2, or at -O1 for maps with `MapOptions{.fuse = true}` on either side): a map whose only mapped input is the whole output of another map over the same items, with no
// other use of that intermediate list, becomes one ArrayNode whose item runs both tasks in one container
// (MapTask::then; the runtime feeds the first task's o0 into the second, see docs/task-contract.md). Pods per
// item halve and the intermediate list is never written. Chains fuse whole (a fused map fuses again).
//
// It fires only when the result cannot differ: no items that may fail (min_success_ratio < 1 or min_successes
// would make the second map see nones), no launch plans, and the rule shared with task-chain-fusion
// (passes/Fusion.h): no reference task, no caching (cache entries are per task), equal retries and
// interruptibility, timeouts on both or neither (the fused item gets their sum), one image, the same secrets and
// environment for every task of both items, no node overrides, resources that compare (the fused item asks for
// the larger of each). Otherwise a missed remark says why.
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
using ir::MapTask;
using ir::Node;

void forEachPromise(const BindingValue& v, const std::function<void(const BindingValue&)>& f) {
  if (v.kind == BindingValue::Kind::Promise) f(v);
  for (const auto& i : v.items) forEachPromise(i, f);
}

std::string fusedName(const ir::Module& m, const MapTask& fused) {
  MapTask unnamed = fused;
  unnamed.name = "fused";
  llvm::MD5 md5;
  md5.update(ir::print(unnamed));
  llvm::MD5::MD5Result digest;
  md5.final(digest);
  llvm::SmallString<32> hex = digest.digest();
  auto shortName = [](const std::string& task) {
    auto dot = task.rfind('.');
    return dot == std::string::npos ? task : task.substr(dot + 1);
  };
  auto dot = fused.task.rfind('.');
  std::string module = dot == std::string::npos ? "" : fused.task.substr(0, dot + 1);
  std::string functions = shortName(fused.task);
  for (const auto& s : fused.then) functions += "__" + shortName(s.task);
  (void)m;
  return fmt::format("{}map_{}_{}-arraynode", module, functions, hex.str().str());
}

// Why mapping `second` over the output of `first` in one item could change a result, or empty when it cannot
// (the shared rule is passes/Fusion.h; what is particular to maps is here).
std::string whyNot(const ir::Module& m, const MapTask& first, const MapTask& second, const Node& a, const Node& b) {
  for (const auto* mt : {&first, &second})
    if (mt->overLaunchPlan) return fmt::format("'{}' maps a launch plan: its items are workflow executions", mt->task);
  // Every task of both items, the first item's head first.
  std::vector<const ir::Task*> tasks;
  for (const auto* mt : {&first, &second}) {
    std::vector<std::string> names{mt->task};
    for (const auto& s : mt->then) names.push_back(s.task);
    for (const auto& name : names) {
      const ir::Task* t = m.findTask(name);
      if (!t) return "a mapped task is not defined";
      if (auto why = whyNotFusable(*t); !why.empty()) return why;
      tasks.push_back(t);
    }
  }
  for (const auto* mt : {&first, &second})
    if (ir::mapItemsMayFail(mt->minSuccessRatio, mt->minSuccesses))
      return fmt::format("items of '{}' may fail (min_success_ratio / min_successes): the second map would see "
                         "the failed items as none",
                         mt->name);
  if (auto why = whyNotOneRun(first.metadata, first.name, second.metadata, second.name, "map"); !why.empty())
    return why;
  for (size_t i = 1; i < tasks.size(); ++i)
    if (auto why = whyNotOneContainer(*tasks[0], *tasks[i]); !why.empty()) return why;
  for (const Node* n : {&a, &b})
    if (auto why = whyNotNode(*n); !why.empty()) return why;
  return "";
}

void fuseWorkflow(ir::Module& m, ir::Workflow& w, PassContext& ctx, std::set<std::string>& touched) {
  // One forward walk: a fused node takes the second map's place, so a third map later in the chain meets it.
  {
    for (size_t bi = 0; bi < w.nodes.size(); ++bi) {
      Node& b = w.nodes[bi];
      if (b.kind != Node::Kind::Array) continue;
      const MapTask* second = m.findMapTask(b.target);
      if (!second) continue;
      // The one mapped input, bound to a whole node output.
      const ir::Binding* mapped = nullptr;
      size_t mappedCount = 0;
      for (const auto& in : b.inputs)
        if (!second->isBound(in.var)) {
          ++mappedCount;
          mapped = &in;
        }
      if (mappedCount != 1 || mapped->value.kind != BindingValue::Kind::Promise || mapped->value.nodeId.empty())
        continue;
      const std::string aId = mapped->value.nodeId, aVar = mapped->value.var;
      auto ait = std::find_if(w.nodes.begin(), w.nodes.end(), [&](const Node& n) { return n.id == aId; });
      if (ait == w.nodes.end() || ait->kind != Node::Kind::Array) continue;
      const MapTask* first = m.findMapTask(ait->target);
      if (!first) continue;
      auto missed = [&](const std::string& why) {
        ctx.missed(b.loc, fmt::format("{} maps the output of map {} in '{}' but is not fused: {}", b.id, aId, w.name, why));
      };
      if (ctx.level() < 2 && !ait->fuse && !b.fuse) {
        missed("not enabled (map fusion runs at -O2, or with MapOptions{.fuse = true} on either map)");
        continue;
      }
      // No other use of the intermediate list (nor of the node: an explicit dependency on it).
      size_t uses = 0;
      for (const auto& n : w.nodes) {
        for (const auto& in : n.inputs)
          forEachPromise(in.value, [&](const BindingValue& v) { uses += v.nodeId == aId; });
        if (n.id != b.id && std::count(n.upstream.begin(), n.upstream.end(), aId)) {
          missed(fmt::format("{} runs after {}", n.id, aId));
          goto next;
        }
      }
      for (const auto& o : w.outputs) forEachPromise(o.value, [&](const BindingValue& v) { uses += v.nodeId == aId; });
      if (uses != 1) {
        missed(fmt::format("the output of {} has {} other use(s)", aId, uses - 1));
        continue;
      }
      if (std::string why = whyNot(m, *first, *second, *ait, b); !why.empty()) {
        missed(why);
        continue;
      }
      {
        MapTask fused;
        fused.task = first->task;
        fused.then = first->then;
        fused.then.push_back({second->task, mapped->var});
        fused.then.insert(fused.then.end(), second->then.begin(), second->then.end());
        std::set<std::string> bound(first->boundInputs.begin(), first->boundInputs.end());
        bound.insert(second->boundInputs.begin(), second->boundInputs.end());
        fused.boundInputs.assign(bound.begin(), bound.end());
        if (first->concurrency && second->concurrency)
          fused.concurrency = std::min(*first->concurrency, *second->concurrency);
        else
          fused.concurrency = first->concurrency ? first->concurrency : second->concurrency;
        fused.metadata = first->metadata;
        fused.metadata.timeoutSeconds = first->metadata.timeoutSeconds + second->metadata.timeoutSeconds;
        fused.loc = b.loc;
        std::string why;
        auto item = ir::mapItemInterface(m, fused, &why);
        if (!item) {
          missed(why);
          continue;
        }
        // Inputs of the first map's node, and the second's bound inputs, must not share a name.
        std::set<std::string> names;
        for (const auto& in : ait->inputs) names.insert(in.var);
        bool clash = false;
        for (const auto& in : b.inputs)
          if (&in != mapped && !names.insert(in.var).second) clash = true;
        if (clash) {
          missed("the two maps have inputs of the same name");
          continue;
        }
        fused.interface = ir::mapTaskInterface(*item, fused.boundInputs, false);
        fused.name = fusedName(m, fused);

        Node node;
        node.id = b.id;  // consumers of the second map's output keep their bindings
        node.kind = Node::Kind::Array;
        node.target = fused.name;
        node.displayName = fused.name;
        node.loc = b.loc;
        node.fuse = ait->fuse || b.fuse;
        node.inputs = ait->inputs;
        for (const auto& in : b.inputs)
          if (&in != mapped) node.inputs.push_back(in);
        std::sort(node.inputs.begin(), node.inputs.end(), [](const auto& x, const auto& y) { return x.var < y.var; });
        std::set<std::string> up(ait->upstream.begin(), ait->upstream.end());
        for (const auto& u : b.upstream)
          if (u != aId) up.insert(u);
        node.upstream.assign(up.begin(), up.end());

        ctx.passed(b.loc, fmt::format("fused map {} (@{}) into {} (@{}) in '{}': each item runs both tasks in one pod "
                                      "(one pod per item instead of two; no intermediate list)",
                                      aId, first->task, b.id, second->task, w.name));
        touched.insert(first->name);
        touched.insert(second->name);
        if (!m.findMapTask(fused.name)) m.mapTasks.push_back(fused);
        size_t ai = size_t(ait - w.nodes.begin());
        w.nodes[bi] = std::move(node);
        w.nodes.erase(w.nodes.begin() + ai);
        --bi;  // the fused node now sits at bi - 1; go on with the node after it
      }
    next:;
    }
  }
}

}  // namespace

void runMapFusion(ir::Module& m, PassContext& ctx) {
  std::set<std::string> touched;  // map tasks a fusion stopped using
  for (auto& w : m.workflows) fuseWorkflow(m, w, ctx, touched);
  if (touched.empty()) return;
  std::set<std::string> used;
  for (const auto& w : m.workflows)
    for (const auto& n : w.nodes)
      if (n.kind == Node::Kind::Array) used.insert(n.target);
  // Index every map task first: the lookups notice a removal by the vector getting shorter than what they indexed.
  if (!m.mapTasks.empty()) (void)m.findMapTask(m.mapTasks.back().name);
  std::erase_if(m.mapTasks, [&](const MapTask& mt) { return touched.count(mt.name) && !used.count(mt.name); });
}

}  // namespace flytecc::passes
