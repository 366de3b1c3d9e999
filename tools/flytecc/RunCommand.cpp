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

namespace {

struct RunArgs {
  std::vector<std::string> files;
  std::string buildDir;
  std::vector<std::string> flags;
  bool haveFlags = false;
  std::string workflow, launchPlan, taskExecutable, outputDir, runDir, cachePath;
  bool haveLaunchPlan = false;
  bool noCache = false, quiet = false, processPerItem = false, inProcess = false;
  unsigned parallelism = 0;
  uint64_t memoryLimit = 0;
  std::vector<std::pair<std::string, std::string>> inputs;
  const ParsedArgs* optimizer = nullptr;  // -O0/-O1/-O2, --passes, -Rpass...: for sources (tools/flytecc/Optimize.cpp)
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

// The options table (tools/flytecc/Options.cpp) parsed the command line; these are the values' own rules.
bool readRunArgs(const ParsedArgs& args, RunArgs& r, llvm::raw_ostream& errs) {
  auto get = [&](std::string_view name, std::string& out) {
    if (const std::string* v = args.value(name)) out = *v;
  };
  r.files = args.positionals;
  r.haveFlags = args.haveDashDash;
  r.flags = args.afterDashDash;
  get("-p", r.buildDir);
  get("--workflow", r.workflow);
  get("--launch-plan", r.launchPlan);
  r.haveLaunchPlan = args.value("--launch-plan") != nullptr;
  if (r.haveLaunchPlan && args.value("--workflow")) {
    errs << "flytecc: error: give --workflow or --launch-plan, not both\n";
    return false;
  }
  get("--task-executable", r.taskExecutable);
  get("--output-dir", r.outputDir);
  get("--run-dir", r.runDir);
  get("--cache", r.cachePath);
  r.noCache = args.has("--no-cache");
  r.quiet = args.has("--quiet") || args.has("-q");
  if (const std::string* v = args.value("--isolation")) {
    if (*v != "process" && *v != "worker" && *v != "none") {
      reportError("unknown --isolation '" + *v + "' (expected worker, process or none)", errs);
      return false;
    }
    r.processPerItem = *v == "process";
    r.inProcess = *v == "none";
  }
  for (const auto& v : args.every("--input")) {
    auto [name, json] = llvm::StringRef(v).split('=');
    if (name.empty() || json.empty()) {
      reportError("--input takes NAME=JSON, not '" + v + "'", errs);
      return false;
    }
    r.inputs.emplace_back(name.str(), json.str());
  }
  if (const std::string* v = args.value("--parallelism")) {
    if (llvm::StringRef(*v).getAsInteger(10, r.parallelism)) {
      reportError("--parallelism takes a number, not '" + *v + "'", errs);
      return false;
    }
  }
  if (const std::string* v = args.value("--memory-limit")) {
    auto q = ex::parseQuantity(*v);
    if (!q) {
      reportError("--memory-limit takes a quantity such as 512Mi or 2Gi, not '" + *v + "'", errs);
      return false;
    }
    r.memoryLimit = *q;
  }
  r.optimizer = &args;
  if (r.files.empty()) {
    reportError("no input files", errs);
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
  if (!optimize(*r.optimizer, *fr.module, errs, errs)) return std::nullopt;
  idl::LoweringOptions lo;
  lo.image = "flytecc/task-runtime:" FLYTECC_VERSION;
  lo.sdkVersion = FLYTECC_VERSION;
  ex::Program p;
  const ir::Module& m = *fr.module;
  for (const auto& t : m.tasks)
    // A reference task runs only through its local stand-in; without one, its node fails when it runs.
    if (!t.reference || t.standIn) p.tasks[t.name] = idl::lowerTask(t, lo);
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

int runRunCommand(const ParsedArgs& args, llvm::raw_ostream& out, llvm::raw_ostream& errs) {
  RunArgs r;
  if (!readRunArgs(args, r, errs)) return 2;
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
  // The entity to launch: a workflow (with its default launch plan) or a named launch plan.
  std::string lpName;
  if (r.haveLaunchPlan) {
    auto lp = ex::chooseLaunchPlan(*program, r.launchPlan);
    if (!lp) {
      errs << "flytecc: error: " << llvm::toString(lp.takeError()) << "\n";
      return 2;
    }
    lpName = *lp;
  }
  auto wf = r.haveLaunchPlan ? ex::launchedWorkflow(*program, lpName) : ex::chooseWorkflow(*program, r.workflow);
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
  auto result = r.haveLaunchPlan ? ex::runLaunchPlan(*program, lpName, *inputs, o)
                                 : ex::runWorkflow(*program, *wf, *inputs, o);
  progress.stop();
  if (tempRunDir) llvm::sys::fs::remove_directories(runDir);
  if (!result) {
    errs << "flytecc: error: " << (r.haveLaunchPlan ? "launch plan " + lpName : "workflow " + *wf)
         << " failed: " << llvm::toString(result.takeError()) << "\n";
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

int runCacheCommand(const ParsedArgs& args, llvm::raw_ostream& out, llvm::raw_ostream& errs) {
  const auto& p = args.positionals;
  if (p.size() != 1 || (p[0] != "list" && p[0] != "clear")) {
    reportError("usage: flytecc cache list|clear [--cache FILE]", errs);
    return 2;
  }
  std::string action = p[0];
  std::string path = args.value("--cache") ? *args.value("--cache") : "";
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
