// The task executable of the executor tests: small C++ tasks that crash, hang, fail, allocate, count their runs
// and stamp their start and end times, served by the real task runtime (runtime/TaskMain.h).
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "test/executor/TestTasks.h"
#include "runtime/TaskMain.h"

namespace t {

int64_t square(int64_t x) { return x * x; }

// Crashes on its first two attempts for each x, then succeeds (attempts counted in files under `dir`).
int64_t flaky(std::string dir, int64_t x) {
  std::string path = dir + "/attempts-" + std::to_string(x);
  int n = 0;
  {
    std::ifstream in(path);
    in >> n;
  }
  std::ofstream(path) << n + 1;
  if (n < 2) {
    std::fprintf(stderr, "flaky attempt %d\n", n + 1);
    std::abort();
  }
  return x;
}

// 3: segfault, 4: abort, 5: exit(7), 6: throw; anything else comes back.
int64_t crash(int64_t x) {
  if (x == 3) raise(SIGSEGV);
  if (x == 4) std::abort();
  if (x == 5) std::exit(7);
  if (x == 6) throw std::invalid_argument("six is not allowed");
  return x;
}

// 1 never returns.
int64_t hang(int64_t x) {
  if (x == 1)
    for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
  return x;
}

// 2 allocates and touches 8 GiB.
int64_t alloc(int64_t x) {
  if (x == 2) {
    std::vector<char> big(size_t(8) << 30, 1);
    return int64_t(big[12345]);
  }
  return x;
}

// Writes "<start ns> <end ns>" to dir/stamp-x around a short sleep.
int64_t stamp(std::string dir, int64_t x) {
  auto now = [] {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  auto start = now();
  std::this_thread::sleep_for(std::chrono::milliseconds(40));
  std::ofstream(dir + "/stamp-" + std::to_string(x)) << start << " " << now() << "\n";
  return x;
}

// Appends a line to dir/runs-x per execution.
int64_t counted(std::string dir, int64_t x) {
  std::ofstream(dir + "/runs-" + std::to_string(x), std::ios::app) << "run\n";
  return x + 1;
}

int64_t add(int64_t a, int64_t b) { return a + b; }

}  // namespace t

std::span<const flytecc::runtime::TaskEntry> testTasks() {
  using flytecc::runtime::adapt;
  static const flytecc::runtime::TaskEntry tasks[] = {
      {"t.square", {"x"}, {"o0"}, &adapt<&t::square>},
      {"t.flaky", {"dir", "x"}, {"o0"}, &adapt<&t::flaky>},
      {"t.crash", {"x"}, {"o0"}, &adapt<&t::crash>},
      {"t.hang", {"x"}, {"o0"}, &adapt<&t::hang>},
      {"t.alloc", {"x"}, {"o0"}, &adapt<&t::alloc>},
      {"t.stamp", {"dir", "x"}, {"o0"}, &adapt<&t::stamp>},
      {"t.counted", {"dir", "x"}, {"o0"}, &adapt<&t::counted>},
      {"t.add", {"a", "b"}, {"o0"}, &adapt<&t::add>},
  };
  return tasks;
}
