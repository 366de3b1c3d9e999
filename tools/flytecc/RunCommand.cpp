#include "tools/flytecc/RunCommand.h"

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Process.h>
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "flyteidl/Emit.h"
#include "support/Files.h"
#include "frontend/Frontend.h"
#include "tools/flytecc/Interrupt.h"
#include "tools/flytecc/Subcommands.h"
#include "tools/flytecc/TaskBuild.h"
#include "tools/flytecc/TaskLibrary.h"
#include "executor/Engine.h"
#include "executor/Literals.h"
#include "flyteidl/Lowering.h"
#include "tools/flytecc/Options.h"

#ifndef FLYTECC_VERSION
#define FLYTECC_VERSION "0.0.0"
#endif

namespace flytecc::driver {
namespace ex = flytecc::executor;

void printRunHelp(llvm::raw_ostream& out) {
  out << "  flytecc run FILES...|OUT_DIR|PACKAGE.tgz [--workflow NAME] [--input NAME=JSON]... [RUN OPTIONS]\n"
         "              [-p BUILD_DIR] [-- FLAGS...]\n"
         "  flytecc cache list|clear [--cache FILE]\n"
         "\n"
         "  run       Execute a workflow's emitted flyteidl on this machine, as Flyte would: nodes in dependency\n"
         "            order (independent ones in parallel), map tasks item by item on a worker pool bounded by\n"
         "            their concurrency (unset: the machine's cores), min_success_ratio, retries, timeouts,\n"
         "            sub-workflows, launch-plan defaults for inputs not given, and the cache. Each task item\n"
         "            runs in a child process of the task executable (docs/task-contract.md), so a crash,\n"
         "            abort, hang or allocation failure fails that item only. Prints the outputs as JSON.\n"
         "\n"
         "RUN OPTIONS:\n"
         "  --workflow NAME         the workflow to run (entity name or its last component); needed when\n"
         "                          there are several\n"
         "  --input NAME=JSON       a workflow input (else the launch plan's default)\n"
         "  --task-executable PATH  the task program (flytecc-task); needed for OUT_DIR and packages. From\n"
         "                          sources, flytecc builds it (kept under the cache directory until they change)\n"
         "  --output-dir DIR        also write the outputs as DIR/outputs.pb (core.LiteralMap)\n"
         "  --run-dir DIR           keep every node's inputs.pb, outputs.pb, error.pb and task.log in DIR\n"
         "                          (default: a temporary directory, removed after the run)\n"
         "  --isolation=worker      (default) a persistent worker process per running item serves item after\n"
         "                          item (`flytecc-task --worker`); a crash or timeout fails that item only and the\n"
         "                          worker is replaced\n"
         "  --isolation=process     a new process for every item, as on a cluster (slower; nothing is shared)\n"
         "  --isolation=none        in this process: the tasks built as a shared library and loaded (fastest; from\n"
         "                          sources only; a crash ends the run, timeouts and memory limits do not apply)\n"
         "  --parallelism N         map items at once when a map task sets no concurrency (default: cores)\n"
         "  --memory-limit Q        address-space limit per item when the task sets no memory limit (e.g. 2Gi)\n"
         "  --cache FILE            the cache database (default $XDG_CACHE_HOME/flytecc/cache.sqlite or\n"
         "                          ~/.cache/flytecc/cache.sqlite); --no-cache: neither read nor write it\n"
         "  --quiet                 no progress output\n"
         "  -O0 | -O1 | -O2         optimization level for sources (default -O1); also --passes=a,b, -Rpass=PASS,\n"
         "                          -Rpass-missed=PASS, --verify-each, --print-after-all (see flytecc compile --help)\n";
}

namespace {

// run and cache parse their own options; an option of another subcommand is named as such, as the
// table-driven parser (Options.cpp) does for the others.
std::string notAnOptionOf(const std::string& sub, llvm::StringRef arg) {
  llvm::StringRef name = arg.split('=').first;
  std::string owners;
  for (const auto& other : subcommands())
    for (const auto& o : other.options)
      if (o.name == name) {
        owners += (owners.empty() ? "" : ", ") + other.name;
        break;
      }
  if (owners.empty()) return "unknown option '" + arg.str() + "' (see flytecc --help)";
  return "option '" + name.str() + "' does not apply to " + sub + " (it is an option of " + owners + ")";
}

struct RunArgs {
  std::vector<std::string> files;
  std::string buildDir;
  std::vector<std::string> flags;
  bool haveFlags = false;
  std::string workflow, taskExecutable, outputDir, runDir, cachePath;
  bool noCache = false, quiet = false, processPerItem = false, inProcess = false;
  unsigned parallelism = 0;
  uint64_t memoryLimit = 0;
  std::vector<std::pair<std::string, std::string>> inputs;
  std::vector<std::string> optimizer;  // -O0/-O1/-O2, --passes, -Rpass...: for sources (tools/flytecc/Optimize.cpp)
};

// Progress: one live line per running map node on a terminal, plain log lines otherwise.
class Progress final : public ex::Observer {
 public:
  Progress(llvm::raw_ostream& errs, bool quiet) : errs_(errs), quiet_(quiet), tty_(isatty(2) != 0) {
    if (tty_ && !quiet_) painter_ = std::thread([this] { paintLoop(); });
  }
  ~Progress() override { stop(); }
  void stop() {
    {
      std::lock_guard g(mu_);
      if (stopped_) return;
      stopped_ = true;
      cv_.notify_all();
    }
    if (painter_.joinable()) painter_.join();
    std::lock_guard g(mu_);
    clearLines();
  }

  void nodeStarted(const std::string& node, const std::string& task, std::optional<size_t> items) override {
    std::lock_guard g(mu_);
    if (items) {
      maps_[node] = {task, std::chrono::steady_clock::now(), {}, 0};
      maps_[node].counts.total = *items;
    }
    if (!tty_) log(node + " started: " + task + (items ? " (" + std::to_string(*items) + " items)" : ""));
  }
  void mapProgress(const std::string& node, const ex::MapCounts& c) override {
    std::lock_guard g(mu_);
    auto& m = maps_[node];
    m.counts = c;
    if (!tty_) {  // a line every tenth of the items
      size_t finished = c.succeeded + c.failed + c.cached;
      size_t step = std::max<size_t>(1, c.total / 10);
      if (finished / step > m.logged) {
        m.logged = finished / step;
        log(node + ": " + describe(m));
      }
    }
  }
  void itemRetried(const std::string& node, std::optional<size_t> item, int attempt, const std::string& msg) override {
    std::lock_guard g(mu_);
    std::string first = llvm::StringRef(msg).split('\n').first.str();
    log(node + (item ? " item " + std::to_string(*item) : "") + " attempt " + std::to_string(attempt) +
        " failed, retrying: " + first);
  }
  void nodeFinished(const std::string& node, bool ok, bool cached, const ex::MapCounts& c) override {
    std::lock_guard g(mu_);
    auto it = maps_.find(node);
    std::string what = node + (ok ? (cached ? " cached" : " succeeded") : " failed");
    if (it != maps_.end()) {
      it->second.counts = c;
      what += ": " + describe(it->second);
      maps_.erase(it);
    }
    log(what);
  }
  void cacheProblem(const std::string& message) override {
    std::lock_guard g(mu_);
    clearLines();
    errs_ << "flytecc: warning: cache: " << message << "\n";
    errs_.flush();
  }

 private:
  struct MapState {
    std::string task;
    std::chrono::steady_clock::time_point start;
    ex::MapCounts counts;
    size_t logged = 0;
  };
  static std::string describe(const MapState& m) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - m.start).count();
    const auto& c = m.counts;
    return llvm::formatv("{0}/{1} done, {2} failed, {3} cached, {4} running, {5:f1}s", c.succeeded + c.cached,
                         c.total, c.failed, c.cached, c.running, secs)
        .str();
  }
  void log(const std::string& line) {
    if (quiet_) return;
    clearLines();
    errs_ << "flytecc: " << line << "\n";
    errs_.flush();
  }
  void clearLines() {
    for (; drawn_ > 0; --drawn_) errs_ << "\033[1A\033[2K";
    errs_.flush();
  }
  void paintLoop() {
    std::unique_lock lock(mu_);
    while (!stopped_) {
      clearLines();
      for (const auto& [node, m] : maps_) {
        errs_ << "  " << node << " " << llvm::StringRef(m.task).rsplit('.').second << " " << describe(m) << "\n";
        ++drawn_;
      }
      errs_.flush();
      cv_.wait_for(lock, std::chrono::milliseconds(200));
    }
  }

  llvm::raw_ostream& errs_;
  bool quiet_, tty_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopped_ = false;
  std::map<std::string, MapState> maps_;
  unsigned drawn_ = 0;
  std::thread painter_;
};

bool parseRun(const std::vector<std::string>& args, RunArgs& r, llvm::raw_ostream& errs) {
  for (size_t i = 0; i < args.size(); ++i) {
    llvm::StringRef a = args[i];
    if (a == "--") {
      r.haveFlags = true;
      r.flags.assign(args.begin() + i + 1, args.end());
      break;
    }
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) {
        errs << "flytecc: error: option '" << a << "' needs a value\n";
        return false;
      }
      out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--workflow") {
      if (!value(r.workflow)) return false;
    } else if (a == "--task-executable") {
      if (!value(r.taskExecutable)) return false;
    } else if (a == "--output-dir") {
      if (!value(r.outputDir)) return false;
    } else if (a == "--run-dir") {
      if (!value(r.runDir)) return false;
    } else if (a == "--cache") {
      if (!value(r.cachePath)) return false;
    } else if (a == "-p") {
      if (!value(r.buildDir)) return false;
    } else if (a.consume_front("--isolation=")) {
      r.processPerItem = a == "process";
      r.inProcess = a == "none";
      if (a != "process" && a != "worker" && a != "none") {
        errs << "flytecc: error: unknown --isolation '" << a << "' (expected worker, process or none)\n";
        return false;
      }
    } else if (a == "--no-cache") {
      r.noCache = true;
    } else if (a == "--quiet" || a == "-q") {
      r.quiet = true;
    } else if (a == "--input") {
      if (!value(v)) return false;
      auto [name, json] = llvm::StringRef(v).split('=');
      if (name.empty() || json.empty()) {
        errs << "flytecc: error: --input takes NAME=JSON, not '" << v << "'\n";
        return false;
      }
      r.inputs.emplace_back(name.str(), json.str());
    } else if (a == "--parallelism") {
      if (!value(v)) return false;
      if (llvm::StringRef(v).getAsInteger(10, r.parallelism)) {
        errs << "flytecc: error: --parallelism takes a number, not '" << v << "'\n";
        return false;
      }
    } else if (a == "--memory-limit") {
      if (!value(v)) return false;
      auto q = ex::parseQuantity(v);
      if (!q) {
        errs << "flytecc: error: --memory-limit takes a quantity such as 512Mi or 2Gi, not '" << v << "'\n";
        return false;
      }
      r.memoryLimit = *q;
    } else if (isOptimizerOption(a)) {
      r.optimizer.push_back(a.str());
    } else if (a.starts_with("-")) {
      errs << "flytecc: error: " << notAnOptionOf("run", a) << "\n";
      return false;
    } else {
      r.files.push_back(a.str());
    }
  }
  if (r.files.empty()) {
    errs << "flytecc: error: no input files\n";
    return false;
  }
  return true;
}

// Sources: compiled in memory to the same flyteidl `flytecc compile` writes; their task executable is built
// (once per change, under the cache directory) unless --task-executable names one.
std::optional<ex::Program> compileSources(RunArgs& r, llvm::raw_ostream& errs) {
  frontend::FrontendOptions fo;
  fo.sources = r.files;
  fo.buildDir = r.buildDir;
  fo.compilerFlags = r.flags;
  fo.haveFlags = r.haveFlags;
  clang::DiagnosticOptions diagOpts;
  diagOpts.ShowColors = llvm::sys::Process::StandardErrHasColors();
  clang::TextDiagnosticPrinter printer(errs, diagOpts);
  auto result = frontend::runFrontend(fo, &printer);
  if (!result) {
    llvm::handleAllErrors(result.takeError(),
                          [&](const llvm::ErrorInfoBase& e) { errs << "flytecc: error: " << e.message() << "\n"; });
    return std::nullopt;
  }
  frontend::FrontendResult fr = std::move(*result);
  if (!fr.module) return std::nullopt;
  if (!optimize(r.optimizer, *fr.module, errs)) return std::nullopt;
  idl::LoweringOptions lo;
  lo.image = "flytecc/task-runtime:" FLYTECC_VERSION;
  lo.sdkVersion = FLYTECC_VERSION;
  ex::Program p;
  const ir::Module& m = *fr.module;
  for (const auto& t : m.tasks)
    if (!t.reference) p.tasks[t.name] = idl::lowerTask(t, lo);  // a reference's node fails when it runs
  for (const auto& mt : m.mapTasks)
    if (idl::hasTemplate(mt, m)) p.tasks[mt.name] = idl::lowerMapTask(mt, m, lo);
  for (const auto& w : m.workflows) {
    p.workflows[w.name] = idl::lowerWorkflow(w, m);
    p.launchPlans[w.name] = idl::lowerLaunchPlan(w);
  }
  for (const auto& lp : m.launchPlans)
    if (const ir::Workflow* w = lp.reference ? nullptr : m.findWorkflow(lp.workflow))
      p.launchPlans[lp.name] = idl::lowerLaunchPlan(lp, *w);
  if (p.workflows.empty()) {
    errs << "flytecc: error: the sources declare no workflow\n";
    return std::nullopt;
  }
  if (r.taskExecutable.empty()) {
    TaskBuildOptions b;
    b.sources = r.files;
    b.flags = fr.buildFlags;  // -p: the compilation database's; then those after `--`
    b.flags.insert(b.flags.end(), r.flags.begin(), r.flags.end());
    b.dependencies = fr.dependencies;
    b.cacheDir = std::string(llvm::sys::path::parent_path(r.cachePath.empty() ? ex::defaultCachePath() : r.cachePath));
    b.sharedObject = r.inProcess;
    auto exe = buildTaskExecutable(m, b, errs);
    if (!exe) return std::nullopt;
    r.taskExecutable = *exe;
  }
  return p;
}

}  // namespace

int runRunCommand(const std::vector<std::string>& args, llvm::raw_ostream& out, llvm::raw_ostream& errs) {
  RunArgs r;
  if (!parseRun(args, r, errs)) return 2;
  std::optional<ex::Program> program;
  bool prebuilt = r.files.size() == 1 && (llvm::sys::fs::is_directory(r.files[0]) ||
                                          llvm::StringRef(r.files[0]).ends_with(".tgz") ||
                                          llvm::StringRef(r.files[0]).ends_with(".tar.gz"));
  if (prebuilt) {
    auto p = ex::loadProgram(r.files[0]);
    if (!p) {
      errs << "flytecc: error: " << llvm::toString(p.takeError()) << "\n";
      return 1;
    }
    program = std::move(*p);
  } else {
    program = compileSources(r, errs);
    if (!program) return 1;
  }
  if (prebuilt && r.inProcess) {
    errs << "flytecc: error: --isolation=none needs the sources (flytecc builds their tasks as a library)\n";
    return 2;
  }
  if (r.taskExecutable.empty()) {
    errs << "flytecc: error: no task executable: give --task-executable PATH (the flytecc-task program built "
            "from the sources, e.g. by flytecc_add_task_executable)\n";
    return 2;
  }
  auto wf = ex::chooseWorkflow(*program, r.workflow);
  if (!wf) {
    errs << "flytecc: error: " << llvm::toString(wf.takeError()) << "\n";
    return 2;
  }
  auto inputs = ex::parseInputs(*program, *wf, r.inputs);
  if (!inputs) {
    errs << "flytecc: error: " << llvm::toString(inputs.takeError()) << "\n";
    return 2;
  }

  std::optional<ex::Cache> cache;
  if (!r.noCache) cache.emplace(r.cachePath.empty() ? ex::defaultCachePath() : r.cachePath);
  llvm::SmallString<256> runDir(r.runDir);
  bool tempRunDir = runDir.empty();
  if (tempRunDir) {
    if (auto ec = llvm::sys::fs::createUniqueDirectory("flytecc-run", runDir)) {
      errs << "flytecc: error: cannot create a run directory: " << ec.message() << "\n";
      return 1;
    }
  }
  llvm::SmallString<256> exe(r.taskExecutable);
  llvm::sys::fs::make_absolute(exe);
  std::unique_ptr<ex::Launcher> launcher;
  if (r.inProcess) {
    auto entry = loadTaskLibrary(std::string(exe));
    if (!entry) {
      if (tempRunDir) llvm::sys::fs::remove_directories(runDir);
      errs << "flytecc: error: " << llvm::toString(entry.takeError()) << "\n";
      return 1;
    }
    launcher = ex::makeInProcessLauncher(std::move(*entry));
  } else {
    launcher = r.processPerItem ? ex::makeProcessLauncher(std::string(exe)) : ex::makeWorkerLauncher(std::string(exe));
  }
  InterruptGuard interrupt(tempRunDir ? std::string(runDir) : "", errs);
  Progress progress(errs, r.quiet);
  if (cache && !cache->problem().empty()) progress.cacheProblem(cache->problem());
  ex::RunOptions o;
  o.runDir = std::string(runDir);
  o.launcher = launcher.get();
  o.cache = cache ? &*cache : nullptr;
  o.observer = &progress;
  o.defaultParallelism = r.parallelism;
  o.memoryLimitBytes = r.memoryLimit;
  auto result = ex::runWorkflow(*program, *wf, *inputs, o);
  progress.stop();
  if (tempRunDir) llvm::sys::fs::remove_directories(runDir);
  if (!result) {
    errs << "flytecc: error: workflow " << *wf << " failed: " << llvm::toString(result.takeError()) << "\n";
    return 1;
  }
  if (!r.outputDir.empty()) {
    if (auto error = support::writeAll(r.outputDir, {{"outputs.pb", ex::serializeDeterministic(*result)}})) {
      errs << "flytecc: error: " << llvm::toString(std::move(error)) << "\n";
      return 1;
    }
  }
  out << ex::formatOutputs(*result) << "\n";
  return 0;
}

int runCacheCommand(const std::vector<std::string>& args, llvm::raw_ostream& out, llvm::raw_ostream& errs) {
  std::string action, path;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--cache" && i + 1 < args.size()) path = args[++i];
    else if (action.empty() && (args[i] == "list" || args[i] == "clear")) action = args[i];
    else {
      if (llvm::StringRef(args[i]).starts_with("-") && args[i] != "--cache")
        errs << "flytecc: error: " << notAnOptionOf("cache", args[i]) << "\n";
      errs << "flytecc: error: usage: flytecc cache list|clear [--cache FILE]\n";
      return 2;
    }
  }
  if (action.empty()) {
    errs << "flytecc: error: usage: flytecc cache list|clear [--cache FILE]\n";
    return 2;
  }
  if (path.empty()) path = ex::defaultCachePath();
  ex::Cache cache(path);
  if (!cache.problem().empty()) {
    errs << "flytecc: error: cache: " << cache.problem() << "\n";
    return 1;
  }
  if (action == "clear") {
    auto n = cache.clear();
    if (!n) {
      errs << "flytecc: error: cache: " << cache.problem() << "\n";
      return 1;
    }
    out << "removed " << *n << " cached results from " << path << "\n";
    return 0;
  }
  auto entries = cache.list();
  if (!cache.problem().empty()) {
    errs << "flytecc: error: cache: " << cache.problem() << "\n";
    return 1;
  }
  // One line per task and cache version: how many results, how many bytes.
  std::map<std::pair<std::string, std::string>, std::pair<size_t, size_t>> byTask;
  for (const auto& e : entries) {
    auto& [n, bytes] = byTask[{e.task, e.version}];
    ++n;
    bytes += e.bytes;
  }
  out << path << ": " << entries.size() << " cached results\n";
  for (const auto& [k, v] : byTask)
    out << "  " << k.first << " (version \"" << k.second << "\"): " << v.first << " results, " << v.second
        << " bytes\n";
  return 0;
}

}  // namespace flytecc::driver
