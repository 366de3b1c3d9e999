#include "passes/PassManager.h"

#include <fmt/format.h>

#include "ir/Printer.h"
#include "ir/Verifier.h"

namespace flytecc::passes {

const std::vector<Pass>& allPasses() {
  static const std::vector<Pass> passes = {
      {"dedupe", 1, "identical map tasks registered once", runDedupe},
      {"prune-dependencies", 1, "upstream_node_ids only where no binding implies the dependency",
       runPruneDependencies},
      {"task-chain-fusion", 1,
       "a chain of task nodes runs in one pod (opt-in: FLYTE_WORKFLOW(.fuse_tasks = true))", runTaskChainFusion},
      {"map-fusion", 1, "a map over another map's output runs both tasks in one pod per item (-O2, or .fuse = true)",
       runMapFusion},
  };
  return passes;
}

const Pass* findPass(const std::string& name) {
  for (const auto& p : allPasses())
    if (name == p.name) return &p;
  return nullptr;
}

Cost measure(const ir::Module& m, unsigned listLength) {
  Cost c;
  c.tasks = m.tasks.size();
  c.mapTasks = m.mapTasks.size();
  c.workflows = m.workflows.size();
  for (const auto& w : m.workflows)
    for (const auto& n : w.nodes) {
      ++c.nodes;
      if (n.kind == ir::Node::Kind::Array) {
        ++c.arrayNodes;
        c.pods += listLength;
      } else if (n.kind == ir::Node::Kind::Task) {
        ++c.pods;
      }
    }
  return c;
}

llvm::Expected<std::vector<const Pass*>> selectPasses(const PipelineOptions& o) {
  std::vector<const Pass*> out;
  if (o.passes) {
    for (const auto& name : *o.passes) {
      const Pass* p = findPass(name);
      if (!p) {
        std::string known;
        for (const auto& k : allPasses()) known += (known.empty() ? "" : ", ") + std::string(k.name);
        return llvm::createStringError(fmt::format("unknown pass '{}' (passes: {})", name, known));
      }
      out.push_back(p);
    }
    return out;
  }
  if (o.level > 2) return llvm::createStringError(fmt::format("unknown optimization level -O{} (0, 1 or 2)", o.level));
  for (const auto& p : allPasses())
    if (p.level <= o.level) out.push_back(&p);
  return out;
}

static std::string dump(const char* when, const std::string& pass, const ir::Module& m) {
  return fmt::format("// -----// IR Dump {} {} //----- //\n{}", when, pass, ir::print(m));
}

llvm::Expected<PipelineResult> runPipeline(ir::Module& module, const PipelineOptions& o) {
  auto selected = selectPasses(o);
  if (!selected) return selected.takeError();
  for (const auto* set : {&o.printBefore, &o.printAfter})
    for (const auto& name : *set)
      if (!findPass(name)) return llvm::createStringError(fmt::format("unknown pass '{}' in --print-before/--print-after", name));
  PipelineResult result;
  auto cost = [&] {
    Cost c = measure(module, o.statsListLength);
    if (o.measureBytes) c.bytes = o.measureBytes(module);
    return c;
  };
  std::optional<Cost> current, initial;
  if (o.stats) initial = current = cost();
  for (const Pass* p : *selected) {
    if (o.printBefore.count(p->name)) result.printed += dump("Before", p->name, module);
    PassContext ctx(p->name, o.passes ? 2 : o.level);
    p->run(module, ctx);
    for (auto& r : ctx.remarks()) result.remarks.push_back(std::move(r));
    if (o.printAfterAll || o.printAfter.count(p->name)) result.printed += dump("After", p->name, module);
    if (o.verifyEach) {
      auto problems = ir::verify(module);
      if (!problems.empty())
        return llvm::createStringError(fmt::format("the IR does not verify after pass '{}': {}: {}", p->name,
                                                   problems.front().loc.str(), problems.front().message));
    }
    if (o.stats) {
      Cost after = cost();
      result.stats.push_back({p->name, *current, after});
      current = after;
    }
  }
  if (o.stats) result.stats.push_back({"total", *initial, *current});
  return result;
}

std::string formatStats(const std::vector<PassStats>& stats, unsigned listLength) {
  std::string out = fmt::format("{:<20} {:>17} {:>15} {:>15} {:>21} {:>19}\n", "pass", "entities", "nodes",
                                "array nodes", "bytes", fmt::format("pods ({} items)", listLength));
  auto pair = [](auto a, auto b) { return fmt::format("{} -> {}", a, b); };
  for (const auto& s : stats) {
    std::string bytes = s.before.bytes && s.after.bytes ? pair(*s.before.bytes, *s.after.bytes) : "-";
    out += fmt::format("{:<20} {:>17} {:>15} {:>15} {:>21} {:>19}\n", s.pass,
                       pair(s.before.entities(), s.after.entities()), pair(s.before.nodes, s.after.nodes),
                       pair(s.before.arrayNodes, s.after.arrayNodes), bytes, pair(s.before.pods, s.after.pods));
  }
  return out;
}

}  // namespace flytecc::passes
