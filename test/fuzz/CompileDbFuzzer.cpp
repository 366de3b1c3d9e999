// Fuzz target: the compile_commands.json checks (-p), then Clang's loader on what they accept.
#include <clang/Tooling/JSONCompilationDatabase.h>
#include <cstddef>
#include <cstdint>

#include "frontend/CompileDatabase.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  llvm::StringRef text(reinterpret_cast<const char*>(data), size);
  if (auto error = flytecc::frontend::checkCompileCommands(text, "compile_commands.json")) {
    llvm::consumeError(std::move(error));
    return 0;
  }
  std::string message;
  auto db = clang::tooling::JSONCompilationDatabase::loadFromBuffer(text, message,
                                                                    clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (db) (void)db->getAllCompileCommands();
  return 0;
}
