// flytecc check: the analysis only.
#include "tools/flytecc/Subcommands.h"

namespace flytecc::driver {

int runCheck(const ParsedArgs& args, llvm::raw_ostream& out, llvm::raw_ostream& errs) {
  AnalysisArgs a;
  if (!readAnalysisArgs(args, a, errs)) return 2;
  frontend::FrontendResult r = analyze(a.frontend, errs);
  if (!writeReports(a, r, out, errs)) return 1;
  return r.module ? 0 : 1;
}

}  // namespace flytecc::driver
