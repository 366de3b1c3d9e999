#include "tools/flytecc/Interrupt.h"

#include <llvm/Support/FileSystem.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstring>

#include "executor/Launcher.h"

namespace flytecc::driver {

static sigset_t interruptSignals() {
  sigset_t s;
  sigemptyset(&s);
  sigaddset(&s, SIGINT);
  sigaddset(&s, SIGTERM);
  return s;
}

InterruptGuard::InterruptGuard(std::string tempDir, llvm::raw_ostream& errs) : tempDir_(std::move(tempDir)), errs_(errs) {
  sigset_t s = interruptSignals();
  pthread_sigmask(SIG_BLOCK, &s, nullptr);
  waiter_ = std::thread([this, s] {
    timespec tick{0, 100 * 1000 * 1000};
    while (!done_) {
      int sig = sigtimedwait(&s, nullptr, &tick);
      if (sig <= 0) continue;
      executor::killAllChildren();
      // Twice: a thread that was writing an item's files when its process died may recreate a directory.
      for (int i = 0; i < 2 && !tempDir_.empty(); ++i) {
        llvm::sys::fs::remove_directories(tempDir_);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      errs_ << "\nflytecc: interrupted (SIG" << sigabbrev_np(sig) << "): the run's processes were killed\n";
      errs_.flush();
      ::_exit(128 + sig);
    }
  });
}

InterruptGuard::~InterruptGuard() {
  done_ = true;
  waiter_.join();
  sigset_t s = interruptSignals();
  pthread_sigmask(SIG_UNBLOCK, &s, nullptr);
}

}  // namespace flytecc::driver
