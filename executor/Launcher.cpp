#include "executor/Launcher.h"
#include "support/Sanitizers.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "flyteidl/TaskContract.h"
#include "flyteidl/core/errors.pb.h"
#include "runtime/WorkerProtocol.h"

extern char** environ;

namespace flytecc::executor {
namespace contract = flytecc::contract;

// Memory limits are RLIMIT_AS on the item's process. An AddressSanitizer build (the asan preset) cannot enforce
// them: its task executables reserve terabytes of shadow address space at start-up and would fail under any limit.
#if FLYTECC_ASAN
static constexpr bool kAddressSpaceLimits = false;
#else
static constexpr bool kAddressSpaceLimits = true;
#endif

static std::string join(const std::string& dir, std::string_view name) {
  llvm::SmallString<256> p(dir);
  llvm::sys::path::append(p, name);
  return std::string(p);
}

std::vector<std::string> taskArguments(const ItemRequest& r, const std::string& executable) {
  std::vector<std::string> args;
  const auto& in = r.task->container().args();
  for (int i = 0; i < in.size(); ++i) {
    const std::string& a = in[i];
    if (i == 0 && a == contract::kTaskExecutable) args.push_back(executable);
    else if (a == contract::kInputTemplate) args.push_back(r.inputsPath);
    else if (a == contract::kOutputPrefixTemplate) args.push_back(r.outputPrefix);
    else if (a == contract::kRawOutputDataPrefixTemplate) args.push_back(join(r.outputPrefix, "raw"));
    else if (a == contract::kCheckpointOutputPrefixTemplate) args.push_back(join(r.outputPrefix, "checkpoint"));
    else if (a == contract::kPrevCheckpointPrefixTemplate) args.push_back("");
    else args.push_back(a);
  }
  return args;
}

std::vector<std::pair<std::string, std::string>> itemEnvironment(const ItemRequest& r) {
  if (!r.arrayIndex) return {};
  return {{std::string(contract::kArrayIndexVarNameEnv), std::string(contract::kDefaultArrayIndexEnv)},
          {std::string(contract::kDefaultArrayIndexEnv), std::to_string(*r.arrayIndex)}};
}

// The last lines (at most 5, 2000 bytes) of the item's log, for the failure message.
static std::string logTail(const std::string& prefix) {
  auto buf = llvm::MemoryBuffer::getFile(join(prefix, "task.log"));
  if (!buf) return "";
  llvm::StringRef text = (*buf)->getBuffer().rtrim();
  size_t start = text.size();
  for (int lines = 0; lines < 5 && start != llvm::StringRef::npos && start > 0; ++lines)
    start = text.rfind('\n', start - 1);
  llvm::StringRef tail = (start == llvm::StringRef::npos ? text : text.substr(start + 1)).trim();
  return tail.take_back(2000).str();
}

ItemOutcome collectOutcome(const ItemRequest& r, const std::string& failure) {
  ItemOutcome out;
  if (failure.empty()) {
    auto buf = llvm::MemoryBuffer::getFile(join(r.outputPrefix, contract::kOutputsFile));
    if (buf && out.outputs.ParseFromArray((*buf)->getBufferStart(), int((*buf)->getBufferSize()))) {
      out.ok = true;
      return out;
    }
    out.message = buf ? std::string(contract::kOutputsFile) + " is corrupt"
                      : "exited successfully but wrote no " + std::string(contract::kOutputsFile);
  }
  if (auto buf = llvm::MemoryBuffer::getFile(join(r.outputPrefix, contract::kErrorFile))) {
    flyteidl::core::ErrorDocument doc;
    if (doc.ParseFromArray((*buf)->getBufferStart(), int((*buf)->getBufferSize()))) {
      out.message = doc.error().message();
      if (!doc.error().code().empty()) out.message = doc.error().code() + ": " + out.message;
      out.recoverable = doc.error().kind() != flyteidl::core::ContainerError::NON_RECOVERABLE;
    }
  }
  if (!failure.empty()) out.message = out.message.empty() ? failure : out.message + " (" + failure + ")";
  if (std::string tail = logTail(r.outputPrefix); !tail.empty() && out.message.find(tail) == std::string::npos)
    out.message += "\n" + tail;
  return out;
}

std::optional<uint64_t> parseQuantity(const std::string& text) {
  static const std::pair<const char*, uint64_t> suffixes[] = {
      {"Ki", 1ull << 10}, {"Mi", 1ull << 20}, {"Gi", 1ull << 30}, {"Ti", 1ull << 40}, {"k", 1000ull},
      {"K", 1000ull},     {"M", 1000000ull},  {"G", 1000000000ull}, {"T", 1000000000000ull}, {"", 1}};
  llvm::StringRef s(text);
  for (const auto& [suffix, scale] : suffixes) {
    llvm::StringRef num = s;
    if (!num.consume_back(suffix)) continue;
    double v = 0;
    if (num.empty() || num.getAsDouble(v) || v < 0) return std::nullopt;
    return static_cast<uint64_t>(v * double(scale));
  }
  return std::nullopt;
}

// Why a process ended badly ("" when it exited 0).
static std::string describeStatus(int status, bool timedOut, const ItemRequest& r, const std::string& exe) {
  if (timedOut) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "timed out after %g s", double(r.timeout.count()) / 1000.0);
    return buf;
  }
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    std::string out = std::string("killed by signal SIG") + sigabbrev_np(sig) + " (" + strsignal(sig) + ")";
    if (sig == SIGKILL && r.memoryLimitBytes) out += "; out of memory?";
    return out;
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && !llvm::sys::fs::exists(exe)) return "cannot run '" + exe + "'";
  if (WIFEXITED(status) && WEXITSTATUS(status) != 0) return "exit code " + std::to_string(WEXITSTATUS(status));
  return "";
}

namespace {

// Every running child's process group and every worker log, for killAllChildren().
struct Children {
  std::mutex mu;
  std::set<pid_t> groups;
  std::set<std::string> logs;
  bool killed = false;
};
Children& children() {
  static Children* c = new Children;  // never destroyed: a signal thread may use it at exit
  return *c;
}
void track(pid_t pid) {
  auto& c = children();
  std::lock_guard g(c.mu);
  c.groups.insert(pid);
  if (c.killed) kill(-pid, SIGKILL);
}
// After killAllChildren(): launchers start nothing and write nothing more (the run directory is being removed).
bool interrupted() {
  auto& c = children();
  std::lock_guard g(c.mu);
  return c.killed;
}
const char* const kInterrupted = "interrupted";
void untrack(pid_t pid) {
  auto& c = children();
  std::lock_guard g(c.mu);
  c.groups.erase(pid);
}
void trackLog(const std::string& path, bool add) {
  auto& c = children();
  std::lock_guard g(c.mu);
  if (add) c.logs.insert(path);
  else c.logs.erase(path);
}
// The children start with no signal blocked, whatever the launching thread blocks (the tool blocks SIGINT and
// SIGTERM in its threads to handle them in one).
const sigset_t& emptySignalSet() {
  static const sigset_t s = [] {
    sigset_t e;
    sigemptyset(&e);
    return e;
  }();
  return s;
}

class ProcessLauncher final : public Launcher {
 public:
  explicit ProcessLauncher(std::string exe) : exe_(std::move(exe)) {}

  ItemOutcome run(const ItemRequest& r) override {
    if (interrupted()) return {false, false, kInterrupted, {}};
    if (auto ec = llvm::sys::fs::create_directories(r.outputPrefix))
      return {false, true, "cannot create '" + r.outputPrefix + "': " + ec.message(), {}};
    std::vector<std::string> args = taskArguments(r, exe_);
    // Everything the child needs is built before the fork: the child only makes system calls.
    std::vector<std::string> envStrings;
    for (const auto& [k, v] : itemEnvironment(r)) envStrings.push_back(k + "=" + v);
    std::vector<char*> envp;
    for (char** e = environ; *e; ++e) {
      bool replaced = false;
      for (const auto& [k, v] : itemEnvironment(r))
        if (std::strncmp(*e, k.c_str(), k.size()) == 0 && (*e)[k.size()] == '=') replaced = true;
      if (!replaced) envp.push_back(*e);
    }
    for (auto& s : envStrings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::string logPath = join(r.outputPrefix, "task.log");
    int logFd = ::open(logPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (logFd < 0) return {false, true, "cannot create '" + logPath + "': " + std::strerror(errno), {}};
    int nullFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    rlimit limit{r.memoryLimitBytes, r.memoryLimitBytes};
    const sigset_t* noSignals = &emptySignalSet();

    pid_t pid = vfork();
    if (pid == 0) {
      setpgid(0, 0);
      sigprocmask(SIG_SETMASK, noSignals, nullptr);
      if (kAddressSpaceLimits && r.memoryLimitBytes) setrlimit(RLIMIT_AS, &limit);
      dup2(nullFd, 0);
      dup2(logFd, 1);
      dup2(logFd, 2);
      execve(argv[0], argv.data(), envp.data());
      _exit(127);
    }
    ::close(logFd);
    ::close(nullFd);
    if (pid < 0) return {false, true, std::string("cannot start the task executable: ") + std::strerror(errno), {}};
    track(pid);

    bool timedOut = false;
    int status = 0;
    int pidfd = int(syscall(SYS_pidfd_open, pid, 0));
    if (pidfd >= 0) {
      pollfd p{pidfd, POLLIN, 0};
      int ms = r.timeout.count() > 0 ? int(std::min<int64_t>(r.timeout.count(), INT32_MAX)) : -1;
      int rc;
      while ((rc = poll(&p, 1, ms)) < 0 && errno == EINTR) {
      }
      if (rc == 0) {
        timedOut = true;
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
      }
      ::close(pidfd);
      while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
    } else {
      auto deadline = std::chrono::steady_clock::now() + r.timeout;
      while (true) {
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid) break;
        if (r.timeout.count() > 0 && std::chrono::steady_clock::now() > deadline && !timedOut) {
          timedOut = true;
          kill(-pid, SIGKILL);
          kill(pid, SIGKILL);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    }
    kill(-pid, SIGKILL);  // whatever the item left running in its group
    untrack(pid);
    std::string failure = describeStatus(status, timedOut, r, exe_);
    auto out = collectOutcome(r, failure);
    if (timedOut) out.recoverable = true;
    return out;
  }

 private:
  std::string exe_;
};

// Persistent workers (`flytecc-task --worker`), one per concurrently running item, each serving many items over a
// socket (runtime/WorkerProtocol.h). A worker that crashes, or is killed at a timeout, fails its item only and is
// replaced by a new one. Each worker's output goes to a log file; a failed item's part of it becomes its task.log.
class WorkerLauncher final : public Launcher {
  struct Worker {
    pid_t pid = -1;
    int fd = -1, logFd = -1;
    std::string logPath;
    uint64_t memoryLimit = 0;
    std::string pending;  // bytes read after the last reply
  };

 public:
  explicit WorkerLauncher(std::string exe) : exe_(std::move(exe)) {}
  ~WorkerLauncher() override {
    for (auto& w : idle_) stop(*w, /*kill=*/false);
  }

  ItemOutcome run(const ItemRequest& r) override {
    std::string error;
    if (interrupted()) return {false, false, kInterrupted, {}};
    std::unique_ptr<Worker> w = take(r.memoryLimitBytes, error);
    if (!w) return {false, true, error, {}};
    if (ftruncate(w->logFd, 0) != 0) {
    }
    std::vector<std::string> args = taskArguments(r, exe_);
    args.erase(args.begin());
    std::string request = runtime::worker::encodeRequest(args, r.arrayIndex);
    bool dead = false;
    for (size_t off = 0; off < request.size();) {
      ssize_t n = ::send(w->fd, request.data() + off, request.size() - off, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        dead = true;
        break;
      }
      off += size_t(n);
    }
    // The reply: a header line and the outputs, unless the worker dies or the item times out.
    auto deadline = std::chrono::steady_clock::now() + r.timeout;
    bool timedOut = false;
    int code = -1;
    size_t length = 0;
    while (!dead) {
      size_t nl = w->pending.find('\n');
      if (code < 0 && nl != std::string::npos) {
        unsigned long long len = 0;
        if (std::sscanf(w->pending.c_str(), "%d %llu", &code, &len) != 2) {
          dead = true;
          break;
        }
        length = size_t(len);
        w->pending.erase(0, nl + 1);
      }
      if (code >= 0 && w->pending.size() >= length) break;
      int ms = -1;
      if (r.timeout.count() > 0) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        ms = int(std::max<int64_t>(0, std::min<int64_t>(left.count(), INT32_MAX)));
      }
      pollfd p{w->fd, POLLIN, 0};
      int rc = poll(&p, 1, ms);
      if (rc < 0 && errno == EINTR) continue;
      if (rc == 0) {
        timedOut = true;
        break;
      }
      char buf[4096];
      ssize_t n = ::read(w->fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) dead = true;
      else w->pending.append(buf, size_t(n));
    }
    if ((timedOut || dead) && interrupted()) {
      stop(*w, /*kill=*/true);
      return {false, false, kInterrupted, {}};
    }
    if (timedOut || dead) {
      if (timedOut) ::kill(-w->pid, SIGKILL);
      int status = stop(*w, /*kill=*/false, [&] { keepLog(*w, r); });
      return collectOutcome(r, describeStatus(status, timedOut, r, exe_));
    }
    ItemOutcome out;
    if (code == 0 && out.outputs.ParseFromArray(w->pending.data(), int(length))) out.ok = true;
    w->pending.erase(0, length);
    if (!out.ok) keepLog(*w, r);
    give(std::move(w));
    if (out.ok) return out;
    return collectOutcome(r, "exit code " + std::to_string(code));
  }

 private:
  // The worker's output for the failed item, as the item's task.log.
  static void keepLog(const Worker& w, const ItemRequest& r) {
    llvm::sys::fs::create_directories(r.outputPrefix);
    llvm::sys::fs::copy_file(w.logPath, join(r.outputPrefix, "task.log"));
  }

  std::unique_ptr<Worker> take(uint64_t memoryLimit, std::string& error) {
    {
      std::lock_guard g(mu_);
      for (auto it = idle_.begin(); it != idle_.end(); ++it)
        if ((*it)->memoryLimit == memoryLimit) {
          auto w = std::move(*it);
          idle_.erase(it);
          return w;
        }
    }
    auto w = std::make_unique<Worker>();
    llvm::SmallString<128> logPath;
    if (auto ec = llvm::sys::fs::createTemporaryFile("flytecc-worker", "log", w->logFd, logPath)) {
      error = "cannot create a worker log: " + ec.message();
      return nullptr;
    }
    w->logPath = std::string(logPath);
    int childLog = ::open(w->logPath.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    int sv[2];
    if (childLog < 0 || socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
      error = std::string("cannot start a worker: ") + std::strerror(errno);
      if (childLog >= 0) ::close(childLog);
      ::close(w->logFd);
      llvm::sys::fs::remove(w->logPath);
      return nullptr;
    }
    std::string exe = exe_, flag(contract::kWorkerArg);
    char* argv[] = {exe.data(), flag.data(), nullptr};
    rlimit limit{memoryLimit, memoryLimit};
    const sigset_t* noSignals = &emptySignalSet();
    trackLog(w->logPath, true);
    pid_t pid = vfork();
    if (pid == 0) {
      setpgid(0, 0);
      sigprocmask(SIG_SETMASK, noSignals, nullptr);
      if (kAddressSpaceLimits && memoryLimit) setrlimit(RLIMIT_AS, &limit);
      dup2(sv[1], 0);
      dup2(sv[1], 1);
      dup2(childLog, 2);
      execve(argv[0], argv, environ);
      _exit(127);
    }
    ::close(sv[1]);
    ::close(childLog);
    if (pid > 0) track(pid);
    w->pid = pid;
    w->fd = sv[0];
    w->memoryLimit = memoryLimit;
    if (pid < 0) {
      error = std::string("cannot start a worker: ") + std::strerror(errno);
      stop(*w, false);
      return nullptr;
    }
    return w;
  }
  void give(std::unique_ptr<Worker> w) {
    std::lock_guard g(mu_);
    idle_.push_back(std::move(w));
  }
  // Ends a worker (closing its socket ends it normally); returns its wait status.
  // `beforeRemovingLog` runs once the worker has ended.
  static int stop(Worker& w, bool kill, const std::function<void()>& beforeRemovingLog = {}) {
    int status = 0;
    if (w.pid > 0) {
      if (kill) ::kill(-w.pid, SIGKILL);
      ::close(w.fd);
      while (waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
      }
      ::kill(-w.pid, SIGKILL);  // anything the worker's items left behind
      untrack(w.pid);
    }
    if (beforeRemovingLog) beforeRemovingLog();
    ::close(w.logFd);
    llvm::sys::fs::remove(w.logPath);
    trackLog(w.logPath, false);
    return status;
  }

  std::string exe_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Worker>> idle_;
};

class InProcessLauncher final : public Launcher {
 public:
  explicit InProcessLauncher(InProcessEntry entry) : entry_(std::move(entry)) {}
  ItemOutcome run(const ItemRequest& r) override {
    ItemOutcome out;
    int rc = entry_(taskArguments(r, std::string(contract::kTaskExecutable)), itemEnvironment(r), &out.outputs);
    if (rc == 0) {
      out.ok = true;
      return out;
    }
    return collectOutcome(r, "exit code " + std::to_string(rc));
  }

 private:
  InProcessEntry entry_;
};

}  // namespace

void killAllChildren() {
  auto& c = children();
  std::lock_guard g(c.mu);
  c.killed = true;
  for (pid_t pid : c.groups) {
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);
  }
  for (const auto& log : c.logs) ::unlink(log.c_str());
}

std::unique_ptr<Launcher> makeProcessLauncher(std::string executable) {
  return std::make_unique<ProcessLauncher>(std::move(executable));
}
std::unique_ptr<Launcher> makeWorkerLauncher(std::string executable) {
  return std::make_unique<WorkerLauncher>(std::move(executable));
}
std::unique_ptr<Launcher> makeInProcessLauncher(InProcessEntry entry) {
  return std::make_unique<InProcessLauncher>(std::move(entry));
}

}  // namespace flytecc::executor
