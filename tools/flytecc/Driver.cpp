#include "tools/flytecc/Driver.h"

#include "analysis/Diagnostics.h"
#include "frontend/Frontend.h"
#include "tools/flytecc/Options.h"
#include "tools/flytecc/RunCommand.h"
#include "tools/flytecc/Subcommands.h"

#ifndef FLYTECC_VERSION
#define FLYTECC_VERSION "0.0.0"
#endif

namespace flytecc::driver {

int runDriver(const std::vector<std::string>& args, llvm::raw_ostream& out, llvm::raw_ostream& errs) {
  if (args.empty()) {
    errs << fullHelp();
    return 2;
  }
  const std::string& cmd = args[0];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    const SubcommandSpec* about = args.size() > 1 ? findSubcommand(args[1]) : nullptr;
    out << (about ? subcommandHelp(*about) : fullHelp());
    return 0;
  }
  if (cmd == "--version") {
    out << "flytecc " FLYTECC_VERSION "\n";
    return 0;
  }
  if (cmd == "--print-resource-dir") {
    out << frontend::clangResourceDir() << "\n";
    return 0;
  }
  const SubcommandSpec* sub = findSubcommand(cmd);
  if (!sub) {
    reportError("unknown subcommand '" + cmd + "' (see flytecc --help)", errs);
    return 2;
  }
  auto parsed = parseArgs(*sub, std::vector<std::string>(args.begin() + 1, args.end()));
  if (!parsed) {
    report(parsed.takeError(), errs);
    return 2;
  }
  if (parsed->has("--help")) {
    out << subcommandHelp(*sub);
    return 0;
  }
  if (parsed->has("--list-checks")) {
    for (auto name : analysis::checkNames()) out << name << "\n";
    return 0;
  }
  if (cmd == "compile") return runCompile(*parsed, out, errs);
  if (cmd == "check") return runCheck(*parsed, out, errs);
  if (cmd == "package") return runPackage(*parsed, out, errs);
  if (cmd == "dump") return runDump(*parsed, out, errs);
  if (cmd == "run") return runRunCommand(*parsed, out, errs);
  if (cmd == "cache") return runCacheCommand(*parsed, out, errs);
  return runIr(*parsed, out, errs);
}

}  // namespace flytecc::driver
