// A pass over the IR: a small unit with a kebab-case name, run in place on a Module by the pass manager
// (passes/PassManager.h). A pass never prints: it reports what it did (or why it did not) as remarks.
// Every pass is idempotent and keeps ir::verify clean.
#pragma once

#include <string>
#include <vector>

#include "ir/Module.h"

namespace flytecc::passes {

// -Rpass=NAME shows Passed remarks (the pass changed something, and why), -Rpass-missed=NAME shows Missed
// ones (a candidate the pass left alone, and why).
struct Remark {
  enum class Kind { Passed, Missed };
  Kind kind = Kind::Passed;
  std::string pass;
  ir::SourceLoc loc;
  std::string message;
};

class PassContext {
 public:
  // `level`: the -O level the pipeline runs at (2 for an explicit --passes list): passes with opt-ins (map-fusion
  // at -O1 fuses only maps with `.fuse = true`) read it.
  explicit PassContext(std::string pass, unsigned level = 2) : pass_(std::move(pass)), level_(level) {}
  unsigned level() const { return level_; }
  void passed(const ir::SourceLoc& loc, std::string message) {
    remarks_.push_back({Remark::Kind::Passed, pass_, loc, std::move(message)});
  }
  void missed(const ir::SourceLoc& loc, std::string message) {
    remarks_.push_back({Remark::Kind::Missed, pass_, loc, std::move(message)});
  }
  std::vector<Remark>& remarks() { return remarks_; }

 private:
  std::string pass_;
  unsigned level_;
  std::vector<Remark> remarks_;
};

struct Pass {
  const char* name;         // kebab-case, e.g. "prune-dependencies"
  unsigned level;           // the lowest -O level that runs it
  const char* description;  // one line, for --help and the docs
  void (*run)(ir::Module&, PassContext&);
};

// Every pass, in pipeline order (one file per pass: passes/<Name>.cpp).
const std::vector<Pass>& allPasses();
const Pass* findPass(const std::string& name);

void runDedupe(ir::Module&, PassContext&);
void runPruneDependencies(ir::Module&, PassContext&);
void runTaskChainFusion(ir::Module&, PassContext&);
void runMapFusion(ir::Module&, PassContext&);

}  // namespace flytecc::passes
