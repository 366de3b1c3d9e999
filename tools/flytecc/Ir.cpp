// flytecc ir: reads IR text, verifies it and prints it back (round trips, and a way into passes).
#include <llvm/Support/MemoryBuffer.h>

#include "ir/Parser.h"
#include "ir/Printer.h"
#include "ir/Verifier.h"
#include "tools/flytecc/Subcommands.h"

namespace flytecc::driver {

int runIr(const ParsedArgs& args, llvm::raw_ostream& out, llvm::raw_ostream& errs) {
  if (args.positionals.size() != 1) {
    reportError("ir takes one file (flytecc ir FILE.fir)", errs);
    return 2;
  }
  const std::string& path = args.positionals.front();
  auto buffer = llvm::MemoryBuffer::getFileOrSTDIN(path);
  if (!buffer) {
    reportError("cannot read '" + path + "': " + buffer.getError().message(), errs);
    return 1;
  }
  auto module = ir::parseModule((*buffer)->getBuffer(), path);
  if (!module) {
    report(module.takeError(), errs);
    return 1;
  }
  auto problems = ir::verify(*module);
  for (const auto& p : problems) reportError(path + ": " + p.message, errs);
  if (!problems.empty()) return 1;
  out << ir::print(*module);
  return 0;
}

}  // namespace flytecc::driver
