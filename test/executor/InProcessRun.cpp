// executor_inprocess_run: `flytecc run OUT_DIR` in process, for the guide's examples: the task executable's
// dispatch that `flytecc compile --emit=task-main` generated for examples/map_task.cpp is compiled into this program
// (its `main` renamed), and the engine runs each item through runtime::ItemRunner here, with no child process.
//   usage: executor_inprocess_run OUT_DIR --workflow NAME     (prints the outputs as JSON, like flytecc run)
#define main generated_task_main
#include FLYTECC_GENERATED_TASK_MAIN
#undef main

#include <cstdio>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/raw_ostream.h>
#include <string>

#include "executor/Engine.h"
#include "executor/Literals.h"
#include "flyteidl/TaskContract.h"
#include "runtime/ItemRunner.h"

int main(int argc, char** argv) {
  using namespace flytecc;
  if (argc != 4 || std::string(argv[2]) != "--workflow") {
    std::fprintf(stderr, "usage: executor_inprocess_run OUT_DIR --workflow NAME\n");
    return 2;
  }
  auto program = executor::loadProgram(argv[1]);
  if (!program) {
    llvm::errs() << llvm::toString(program.takeError()) << "\n";
    return 1;
  }
  auto wf = executor::chooseWorkflow(*program, argv[3]);
  if (!wf) {
    llvm::errs() << llvm::toString(wf.takeError()) << "\n";
    return 1;
  }
  runtime::ItemRunner runner(kTasks);
  auto launcher = executor::makeInProcessLauncher(
      [&](const std::vector<std::string>& args, const auto& env, flyteidl::core::LiteralMap* outputs) {
        std::optional<int64_t> index;
        for (const auto& [k, v] : env)
          if (k == contract::kDefaultArrayIndexEnv) index = std::stoll(v);
        return runner.run({args.begin() + 1, args.end()}, index, outputs, /*writeOutputs=*/false) ? 0 : 1;
      });
  llvm::SmallString<128> dir;
  if (llvm::sys::fs::createUniqueDirectory("executor-inprocess", dir)) return 1;
  executor::RunOptions o;
  o.runDir = std::string(dir);
  o.launcher = launcher.get();
  auto r = executor::runWorkflow(*program, *wf, {}, o);
  llvm::sys::fs::remove_directories(dir);
  if (!r) {
    llvm::errs() << llvm::toString(r.takeError()) << "\n";
    return 1;
  }
  llvm::outs() << executor::formatOutputs(*r) << "\n";
  return 0;
}
