// The optimizer's command line (compile, package, ir): -O0/-O1/-O2, --passes, IR printing around passes,
// --stats and -Rpass/-Rpass-missed remarks. The passes themselves live in passes/.
#include <llvm/ADT/StringExtras.h>
#include <llvm/ADT/StringRef.h>

#include "flyteidl/Emit.h"
#include "passes/PassManager.h"
#include "tools/flytecc/Subcommands.h"

namespace flytecc::driver {

std::vector<OptionSpec> optimizerOptions() {
  auto value = [](std::string n, std::string h) { return OptionSpec{std::move(n), true, std::move(h)}; };
  auto flag = [](std::string n, std::string h) { return OptionSpec{std::move(n), false, std::move(h)}; };
  return {flag("-O0", "-O0 | -O1 | -O2         optimization level (default -O1; passes: docs/optimizer.md)"),
          flag("-O1", ""),
          flag("-O2", ""),
          value("--passes", "--passes=a,b,c          run exactly these passes, in this order (instead of -O)"),
          value("--print-before", "--print-before=PASS     print the IR before PASS (comma-separated list)"),
          value("--print-after", "--print-after=PASS      print the IR after PASS (comma-separated list)"),
          flag("--print-after-all", "--print-after-all       print the IR after every pass"),
          flag("--verify-each", "--verify-each           run the IR verifier after every pass"),
          flag("--stats", "--stats                 per pass: entities, nodes, ArrayNodes, bytes, pods (before -> after)"),
          value("--stats-list-length", "--stats-list-length=N   list length the pod counts assume (default 100)"),
          value("-Rpass", "-Rpass=PASS             remarks where PASS changed the IR and why (comma list, or all)"),
          value("-Rpass-missed", "-Rpass-missed=PASS      remarks where PASS left a candidate alone and why")};
}

static std::set<std::string> nameList(const std::string* v) {
  std::set<std::string> out;
  if (!v) return out;
  llvm::SmallVector<llvm::StringRef> parts;
  llvm::StringRef(*v).split(parts, ',', -1, false);
  for (auto p : parts) out.insert(p.trim().str());
  return out;
}

static bool selects(const std::set<std::string>& filter, const std::string& pass) {
  return filter.count("all") || filter.count(pass);
}

bool optimize(const ParsedArgs& args, ir::Module& module, llvm::raw_ostream& out, llvm::raw_ostream& errs,
              unsigned defaultLevel) {
  passes::PipelineOptions o;
  o.level = defaultLevel;
  for (const auto& f : args.flags)
    if (f == "-O0" || f == "-O1" || f == "-O2") o.level = unsigned(f[2] - '0');  // the last one wins
  if (const std::string* list = args.value("--passes")) {
    std::vector<std::string> names;
    llvm::SmallVector<llvm::StringRef> parts;
    llvm::StringRef(*list).split(parts, ',', -1, false);
    for (auto p : parts) names.push_back(p.trim().str());
    o.passes = names;
  }
  o.printBefore = nameList(args.value("--print-before"));
  o.printAfter = nameList(args.value("--print-after"));
  o.printAfterAll = args.has("--print-after-all");
#ifndef NDEBUG
  o.verifyEach = true;
#else
  o.verifyEach = args.has("--verify-each");
#endif
  o.stats = args.has("--stats");
  if (const std::string* n = args.value("--stats-list-length")) {
    unsigned v = 0;
    if (llvm::StringRef(*n).getAsInteger(10, v) || v == 0) {
      reportError("--stats-list-length needs a positive number, not '" + *n + "'", errs);
      return false;
    }
    o.statsListLength = v;
  }
  if (o.stats)
    o.measureBytes = [](const ir::Module& m) -> std::uint64_t {
      // The flyteidl files one compile writes for the module (TaskTemplates, WorkflowTemplates, launch plans).
      auto files = idl::emitModule(m, idl::EmitKind::Pb, idl::LoweringOptions{});
      if (!files) {
        llvm::consumeError(files.takeError());
        return 0;
      }
      std::uint64_t total = 0;
      for (const auto& f : *files) total += f.contents.size();
      return total;
    };
  auto passed = nameList(args.value("-Rpass")), missed = nameList(args.value("-Rpass-missed"));
  for (const auto* filter : {&passed, &missed})
    for (const auto& name : *filter)
      if (name != "all" && !passes::findPass(name)) {
        reportError("unknown pass '" + name + "' in -Rpass/-Rpass-missed", errs);
        return false;
      }
  auto result = passes::runPipeline(module, o);
  if (!result) {
    report(result.takeError(), errs);
    return false;
  }
  for (const auto& r : result->remarks) {
    bool isPassed = r.kind == passes::Remark::Kind::Passed;
    if (!selects(isPassed ? passed : missed, r.pass)) continue;
    std::string where = r.loc.file.empty() ? "flytecc" : r.loc.str();
    errs << where << ": remark: " << r.message << " [" << (isPassed ? "-Rpass=" : "-Rpass-missed=") << r.pass
         << "]\n";
  }
  out << result->printed;
  if (o.stats) errs << passes::formatStats(result->stats, o.statsListLength);
  return true;
}

}  // namespace flytecc::driver
