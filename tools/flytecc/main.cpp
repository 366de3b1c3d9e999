#include <llvm/Support/InitLLVM.h>
#include <llvm/Support/raw_ostream.h>

#include "tools/flytecc/Driver.h"

int main(int argc, char** argv) {
  llvm::InitLLVM init(argc, argv);
  std::vector<std::string> args(argv + 1, argv + argc);
  return flytecc::driver::runDriver(args, llvm::outs(), llvm::errs());
}
