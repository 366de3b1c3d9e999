// Ctrl-C (SIGINT) and SIGTERM during `flytecc run`: the item processes and workers are killed (they run in their
// own process groups, so the terminal's signal does not reach them), the temporary run directory is removed, and
// flytecc exits with 128 + the signal number.
#pragma once

#include <atomic>
#include <string>
#include <thread>

#include <llvm/Support/raw_ostream.h>

namespace flytecc::driver {

class InterruptGuard {
 public:
  // Blocks SIGINT and SIGTERM in this thread (and the threads it starts later) and waits for them in a thread of
  // its own. Create it before the run starts any thread. `tempDir` (may be empty) is removed on a signal.
  InterruptGuard(std::string tempDir, llvm::raw_ostream& errs);
  ~InterruptGuard();  // restores the signal mask
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

 private:
  std::string tempDir_;
  llvm::raw_ostream& errs_;
  std::atomic<bool> done_{false};
  std::thread waiter_;
};

}  // namespace flytecc::driver
