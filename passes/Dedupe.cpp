// dedupe: one map task per map call comes out of the lowering; map calls with the same task and options give
// identical map tasks (same flytekit name, same template). They are registered once: later copies go, and
// the ArrayNodes that named them already name the first (the name is the same).
#include <fmt/format.h>
#include <map>

#include "ir/Printer.h"
#include "passes/Pass.h"

namespace flytecc::passes {

void runDedupe(ir::Module& m, PassContext& ctx) {
  std::map<std::string, std::pair<std::string, ir::SourceLoc>> kept;  // name -> (text, first loc)
  std::vector<ir::MapTask> out;
  out.reserve(m.mapTasks.size());
  for (auto& mt : m.mapTasks) {
    std::string text = ir::print(mt);
    auto [it, fresh] = kept.emplace(mt.name, std::make_pair(text, mt.loc));
    if (fresh || it->second.first != text) {  // a different entity under a used name stays for the verifier
      out.push_back(std::move(mt));
      continue;
    }
    ctx.passed(mt.loc, fmt::format("map task '{}' is identical to the one at {}: registered once", mt.name,
                                   it->second.second.str()));
  }
  m.mapTasks = std::move(out);
}

}  // namespace flytecc::passes
