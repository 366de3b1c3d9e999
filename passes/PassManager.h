// The pass manager: picks the passes of an -O level (or an explicit --passes list), runs them in order on a
// Module, verifies between passes when asked, collects remarks, IR printed before/after passes and per-pass
// statistics. It never prints: the driver (tools/flytecc) shows what comes back.
#pragma once

#include <cstdint>
#include <functional>
#include <llvm/Support/Error.h>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ir/Module.h"
#include "passes/Pass.h"

namespace flytecc::passes {

// What a module costs on a cluster: entities registered, bytes (when the caller can measure them: the
// flyteidl encoding lives above ir/), ArrayNodes, and pods for one run of every workflow with lists of
// `listLength` items (a task node is a pod, an ArrayNode one pod per item; sub-workflows are counted once,
// as workflows of the module).
struct Cost {
  size_t tasks = 0, mapTasks = 0, workflows = 0, nodes = 0, arrayNodes = 0;
  std::optional<std::uint64_t> bytes;
  std::uint64_t pods = 0;
  size_t entities() const { return tasks + mapTasks + workflows; }
};
Cost measure(const ir::Module& module, unsigned listLength);

struct PipelineOptions {
  unsigned level = 1;                                // -O0, -O1 (default), -O2
  std::optional<std::vector<std::string>> passes;    // --passes=a,b,c: exactly these, in this order
  std::set<std::string> printBefore, printAfter;     // --print-before=PASS, --print-after=PASS
  bool printAfterAll = false;                        // --print-after-all
  bool verifyEach = false;                           // ir::verify after every pass (tests, debug builds)
  bool stats = false;                                // --stats
  unsigned statsListLength = 100;                    // --stats-list-length=N
  std::function<std::uint64_t(const ir::Module&)> measureBytes;  // package bytes, for --stats
};

struct PassStats {
  std::string pass;
  Cost before, after;
};

struct PipelineResult {
  std::vector<Remark> remarks;  // in the order the passes reported them
  std::string printed;          // "// -----// IR Dump After NAME //----- //" sections, in order
  std::vector<PassStats> stats;  // one row per pass, then "total" (first before -> last after)
};

// The passes `options` select, in order; an unknown name in --passes is an error naming the known ones.
llvm::Expected<std::vector<const Pass*>> selectPasses(const PipelineOptions& options);

// Runs the selected passes on `module`. With verifyEach, a pass that leaves the verifier unhappy is an error
// naming the pass and the first problem (the module is then in that pass's output state).
llvm::Expected<PipelineResult> runPipeline(ir::Module& module, const PipelineOptions& options);

// --stats as a table, one row per pass (before -> after).
std::string formatStats(const std::vector<PassStats>& stats, unsigned listLength);

}  // namespace flytecc::passes
