// executor_bench: a map over a trivial task, as a plain C++ loop (`loop N`) and through the local executor in
// process (`inprocess N`): the emitted flyteidl of bench/run/trivial.cpp (an output directory of `flytecc compile`)
// run by the engine, each item through runtime::ItemRunner in this process. Prints the items' sum.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <llvm/Support/FileSystem.h>
#include <string>

#include "executor/Engine.h"
#include "executor/Literals.h"
#include "flyteidl/TaskContract.h"
#include "runtime/ItemRunner.h"
#include "runtime/TaskMain.h"
#include "../../bench/run/trivial.cpp"

using namespace flytecc;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: executor_bench loop|inprocess N [PB_DIR]\n");
    return 2;
  }
  std::string mode = argv[1];
  int n = std::atoi(argv[2]);
  if (mode == "loop") {
    std::vector<int> xs = bench::make_list(n);
    std::vector<int> out;
    out.reserve(xs.size());
    for (int x : xs) out.push_back(bench::inc(x));
    long long sum = 0;
    for (int v : out) sum += v;
    std::printf("%lld\n", sum);
    return 0;
  }
  static const runtime::TaskEntry tasks[] = {
      {"bench.make_list", {"n"}, {"o0"}, &runtime::adapt<&bench::make_list>},
      {"bench.inc", {"x"}, {"o0"}, &runtime::adapt<&bench::inc>},
  };
  auto program = executor::loadProgram(argc > 3 ? argv[3] : "bench-pb");
  if (!program) {
    std::fprintf(stderr, "%s\n", llvm::toString(program.takeError()).c_str());
    return 1;
  }
  runtime::ItemRunner runner(tasks);
  auto launcher = executor::makeInProcessLauncher([&](const std::vector<std::string>& args, const auto& env,
                                                    flyteidl::core::LiteralMap* outputs) {
    std::optional<int64_t> index;
    for (const auto& [k, v] : env)
      if (k == contract::kDefaultArrayIndexEnv) index = std::stoll(v);
    return runner.run({args.begin() + 1, args.end()}, index, outputs, /*writeOutputs=*/false) ? 0 : 1;
  });
  llvm::SmallString<128> dir;
  if (llvm::sys::fs::createUniqueDirectory("executor-bench", dir)) return 1;
  executor::RunOptions o;
  o.runDir = std::string(dir);
  o.launcher = launcher.get();
  auto inputs = executor::parseInputs(*program, "bench.map_inc", {{"n", std::to_string(n)}});
  if (!inputs) return 1;
  auto r = executor::runWorkflow(*program, "bench.map_inc", *inputs, o);
  llvm::sys::fs::remove_directories(dir);
  if (!r) {
    std::fprintf(stderr, "%s\n", llvm::toString(r.takeError()).c_str());
    return 1;
  }
  long long sum = 0;
  for (const auto& l : r->literals().at("o0").collection().literals()) sum += l.scalar().primitive().integer();
  std::printf("%lld\n", sum);
  return 0;
}
