// The task executable's main (TaskRuntime.h: taskMain): the one place of the runtime that prints.
#include <cstdio>
#include <cstdlib>

#include "flyteidl/ProtobufLog.h"
#include "flyteidl/TaskContract.h"
#include "runtime/ItemRunner.h"
#include "runtime/TaskRuntime.h"

namespace flytecc::runtime {

int taskMain(int argc, char** argv, std::span<const TaskEntry> tasks) {
  idl::quietProtobufLog();  // a failed parse is our own error document
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 1 && args[0] == contract::kWorkerArg) return workerMain(tasks);  // runtime/ItemRunner.h
  if (args.size() == 1 && args[0] == "--list") {
    for (const auto& t : tasks) std::printf("%.*s\n", static_cast<int>(t.name.size()), t.name.data());
    return 0;
  }
  ParsedArgs parsed = parseTaskArgs(args, [](const char* name) { return std::getenv(name); });
  if (parsed.help) {
    std::fputs(taskUsage().c_str(), stdout);
    return 0;
  }
  StorageSet storage;
  if (!parsed.error.empty()) {
    std::fprintf(stderr, "flytecc-task: error: %s (see --help)\n", parsed.error.c_str());
    // Still leave an error document where propeller looks, when it said where.
    if (!parsed.request.outputPrefix.empty()) {
      TaskOutcome o;
      o.kind = TaskOutcome::Kind::System;
      o.code = "SYSTEM:BadArguments";
      o.message = parsed.error;
      auto s = storage.at(parsed.request.outputPrefix);
      if (!s || (*s)->write(joinUri(parsed.request.outputPrefix, contract::kErrorFile), errorDocument(o).SerializeAsString()))
        return 3;
    }
    return 2;
  }
  const bool timed = [] {
    const char* t = std::getenv("FLYTECC_TASK_TIMINGS");
    return t && *t && std::string_view(t) != "0";
  }();
  TaskTimings timings;
  TaskOutcome outcome = runTask(parsed.request, tasks, storage, timed ? &timings : nullptr);
  if (timed)
    std::fprintf(stderr, "flytecc-task: timings (us): read %.1f parse %.1f decode %.1f call %.1f encode %.1f write %.1f\n",
                 timings.read / 1e3, timings.parse / 1e3, timings.decode / 1e3, timings.call / 1e3,
                 timings.encode / 1e3, timings.write / 1e3);
  if (outcome) return 0;
  std::fprintf(stderr, "flytecc-task: %s: %s\n", outcome.code.c_str(), outcome.message.c_str());
  if (!outcome.errorWritten) return 3;
  return outcome.kind == TaskOutcome::Kind::User ? 1 : 2;
}

}  // namespace flytecc::runtime
