// prune-dependencies: a node's upstream_node_ids keep only the dependencies its bindings do not already imply.
// Flyte orders a node after every node whose output it binds (flytepropeller's compiler adds an execution
// edge per promise binding; flytecc run does the same), so such ids only add bytes. An id is implied when a
// binding reads that node, or when that node is an ancestor of another dependency of the node.
#include <fmt/format.h>
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "passes/Pass.h"

namespace flytecc::passes {

static void bindingNodes(const ir::BindingValue& v, std::set<std::string>& out) {
  if (v.kind == ir::BindingValue::Kind::Promise && !v.nodeId.empty()) out.insert(v.nodeId);
  for (const auto& i : v.items) bindingNodes(i, out);
}

static void pruneWorkflow(ir::Workflow& w, PassContext& ctx) {
  std::map<std::string, std::set<std::string>> reads;  // node -> nodes its bindings read
  std::map<std::string, const ir::Node*> byId;
  for (const auto& n : w.nodes) {
    for (const auto& in : n.inputs) bindingNodes(in.value, reads[n.id]);
    byId[n.id] = &n;
  }
  // Ancestors through bindings and upstream ids, memoized; ids that name no node are left to the verifier.
  std::map<std::string, std::set<std::string>> ancestors;
  std::set<std::string> visiting;
  std::function<const std::set<std::string>&(const std::string&)> ancestorsOf = [&](const std::string& id)
      -> const std::set<std::string>& {
    if (auto it = ancestors.find(id); it != ancestors.end()) return it->second;
    std::set<std::string> result;
    auto node = byId.find(id);
    if (node != byId.end() && visiting.insert(id).second) {
      std::set<std::string> direct = reads[id];
      direct.insert(node->second->upstream.begin(), node->second->upstream.end());
      for (const auto& d : direct) {
        result.insert(d);
        const auto& more = ancestorsOf(d);
        result.insert(more.begin(), more.end());
      }
      visiting.erase(id);
    }
    return ancestors[id] = std::move(result);
  };
  for (auto& n : w.nodes) {
    if (n.upstream.empty()) continue;
    std::vector<std::string> keep;
    for (const auto& up : n.upstream) {
      std::string why;
      if (reads[n.id].count(up)) {
        why = fmt::format("a binding of {} reads {}", n.id, up);
      } else {
        std::set<std::string> others = reads[n.id];
        others.insert(keep.begin(), keep.end());
        for (const auto& later : n.upstream)
          if (later != up && std::find(keep.begin(), keep.end(), later) == keep.end()) others.insert(later);
        for (const auto& o : others)
          if (o != up && ancestorsOf(o).count(up)) {
            why = fmt::format("{} runs after {}", o, up);
            break;
          }
      }
      if (why.empty()) {
        keep.push_back(up);
        ctx.missed(n.loc, fmt::format("{} keeps its dependency on {} in '{}': no binding implies it", n.id, up,
                                      w.name));
      } else {
        ctx.passed(n.loc, fmt::format("{} does not list {} in upstream_node_ids in '{}': {}", n.id, up, w.name, why));
      }
    }
    n.upstream = std::move(keep);
  }
}

void runPruneDependencies(ir::Module& m, PassContext& ctx) {
  for (auto& w : m.workflows) pruneWorkflow(w, ctx);
}

}  // namespace flytecc::passes
