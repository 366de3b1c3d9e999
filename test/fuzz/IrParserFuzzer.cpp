// Fuzz target: the IR text parser (ir/Parser.h), then the verifier and printer on what it accepts.
#include <cstddef>
#include <cstdint>

#include "ir/Parser.h"
#include "ir/Printer.h"
#include "ir/Verifier.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  llvm::StringRef text(reinterpret_cast<const char*>(data), size);
  auto module = flytecc::ir::parseModule(text, "fuzz.fir");
  if (!module) {
    llvm::consumeError(module.takeError());
    return 0;
  }
  (void)flytecc::ir::verify(*module);
  (void)flytecc::ir::print(*module);
  return 0;
}
