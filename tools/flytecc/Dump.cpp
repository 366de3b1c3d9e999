// flytecc dump: a .pb or a whole package as JSON or protobuf text.
#include "flyteidl/Dump.h"
#include "tools/flytecc/Subcommands.h"

namespace flytecc::driver {

int runDump(const ParsedArgs& args, llvm::raw_ostream& out, llvm::raw_ostream& errs) {
  idl::DumpOptions o;
  if (const std::string* format = args.value("--format")) {
    if (*format == "json")
      o.json = true;
    else if (*format == "text")
      o.json = false;
    else {
      reportError("unknown --format '" + *format + "' (expected json or text)", errs);
      return 2;
    }
  }
  if (const std::string* type = args.value("--type")) o.type = *type;
  if (args.positionals.size() > 1) {
    reportError("dump takes one file", errs);
    return 2;
  }
  if (args.positionals.empty()) {
    reportError("no input file", errs);
    return 2;
  }
  o.path = args.positionals.front();
  if (auto error = idl::dump(o, out)) {
    report(std::move(error), errs);
    return 1;
  }
  return 0;
}

}  // namespace flytecc::driver
