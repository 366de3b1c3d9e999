// flytecc ir: reads IR text, verifies it, runs the passes asked for and prints it back (round trips, and the
// way tests drive the passes, like mlir-opt). --split-input-file handles `// -----`-separated cases one by one.
#include <llvm/Support/MemoryBuffer.h>

#include "ir/Parser.h"
#include "ir/Printer.h"
#include "ir/Verifier.h"
#include "tools/flytecc/Subcommands.h"

namespace flytecc::driver {

// One case: the text keeps its lines' numbers in the file (earlier cases become empty lines).
static int runOne(const ParsedArgs& args, llvm::StringRef text, const std::string& path, llvm::raw_ostream& out,
                  llvm::raw_ostream& errs) {
  auto module = ir::parseModule(text, path);
  if (!module) {
    report(module.takeError(), errs);
    return 1;
  }
  auto problems = ir::verify(*module);
  for (const auto& p : problems) reportError(path + ": " + p.message, errs);
  if (!problems.empty()) return 1;
  if (!optimize(args, *module, out, errs, /*defaultLevel=*/0)) return 1;  // like mlir-opt: no passes unless asked
  out << ir::print(*module);
  return 0;
}

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
  llvm::StringRef text = (*buffer)->getBuffer();
  if (!args.has("--split-input-file")) return runOne(args, text, path, out, errs);
  int status = 0;
  std::string padding;  // the lines before the case
  bool first = true;
  while (true) {
    size_t at = text.find("// -----");
    while (at != llvm::StringRef::npos && at > 0 && text[at - 1] != '\n') at = text.find("// -----", at + 1);
    llvm::StringRef chunk = text.substr(0, at);
    if (!first) out << "// -----\n";
    first = false;
    status = std::max(status, runOne(args, padding + chunk.str(), path, out, errs));
    if (at == llvm::StringRef::npos) break;
    padding.append(chunk.count('\n'), '\n');
    text = text.substr(at);
    size_t eol = text.find('\n');
    padding += '\n';
    text = eol == llvm::StringRef::npos ? llvm::StringRef() : text.substr(eol + 1);
  }
  return status;
}

}  // namespace flytecc::driver
