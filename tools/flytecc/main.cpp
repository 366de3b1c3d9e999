#include <cstdlib>
#include <llvm/Support/ErrorHandling.h>
#include <llvm/Support/InitLLVM.h>
#include <llvm/Support/Signals.h>
#include <llvm/Support/raw_ostream.h>

#include "flyteidl/ProtobufLog.h"
#include "support/Limits.h"
#include "tools/flytecc/Driver.h"

// A fatal error inside LLVM or Clang (report_fatal_error) on user input is a diagnostic and a clean exit,
// never an abort: registered temporary files are removed first (RemoveFileOnSignal's list).
static void onFatalError(void*, const char* reason, bool) {
  llvm::errs() << "flytecc: error: " << reason << "\n";
  llvm::errs().flush();
  llvm::sys::RunInterruptHandlers();
  std::_Exit(1);
}

int main(int argc, char** argv) {
  llvm::InitLLVM init(argc, argv);
  llvm::install_fatal_error_handler(onFatalError, nullptr);
  flytecc::idl::quietProtobufLog();  // a failed parse is our own located error
  auto limits = flytecc::support::limitsFromEnvironment();
  if (!limits) {
    llvm::errs() << "flytecc: error: " << llvm::toString(limits.takeError()) << "\n";
    return 2;
  }
  flytecc::support::setLimits(*limits);
  std::vector<std::string> args(argv + 1, argv + argc);
  return flytecc::driver::runDriver(args, llvm::outs(), llvm::errs());
}
