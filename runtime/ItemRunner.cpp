#include "runtime/ItemRunner.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "flyteidl/TaskContract.h"

namespace flytecc::runtime {

std::shared_ptr<const core::LiteralMap> ItemRunner::inputsOf(const std::string& uri, StorageSet& storage,
                                                             std::string* error) {
  // Kept only for local files, and only while their size and modification time stay the same.
  std::string key;
  struct stat st {};
  std::string local = uri.rfind("file://", 0) == 0 ? uri.substr(7) : uri;
  if (uri.find("://") == std::string::npos || uri.rfind("file://", 0) == 0)
    if (::stat(local.c_str(), &st) == 0)
      key = uri + '\0' + std::to_string(st.st_size) + '\0' + std::to_string(st.st_mtim.tv_sec) + '.' +
            std::to_string(st.st_mtim.tv_nsec) + '\0' + std::to_string(st.st_ino);
  if (!key.empty()) {
    std::lock_guard g(mu_);
    if (cached_ && cachedUri_ == key) return cached_;
  }
  auto s = storage.at(uri);
  if (!s) {
    *error = s.error().message;
    return nullptr;
  }
  auto bytes = (*s)->read(uri);
  if (!bytes) {
    *error = bytes.error().message;
    return nullptr;
  }
  auto m = std::make_shared<core::LiteralMap>();
  if (!m->ParseFromString(*bytes)) {
    *error = uri + ": not a flyteidl.core.LiteralMap (corrupt or truncated inputs)";
    return nullptr;
  }
  for (auto& [name, literal] : *m->mutable_literals())
    if (auto st = loadOffloaded(literal, storage)) {
      *error = "input '" + name + "': " + st->message;
      return nullptr;
    }
  if (!key.empty()) {
    std::lock_guard g(mu_);
    cachedUri_ = key;
    cached_ = m;
  }
  return m;
}

TaskOutcome ItemRunner::run(const std::vector<std::string>& args, std::optional<std::int64_t> index,
                            core::LiteralMap* outputs, bool writeOutputs) {
  std::string indexText = index ? std::to_string(*index) : "";
  const std::string indexVar(contract::kDefaultArrayIndexEnv);
  ParsedArgs parsed = parseTaskArgs(args, [&](const char* name) -> const char* {
    if (index && name == indexVar) return indexText.c_str();
    if (index && name == contract::kArrayIndexVarNameEnv) return indexVar.c_str();
    if (name == contract::kArrayIndexOffsetEnv) return nullptr;
    return std::getenv(name);
  });
  StorageSet storage;
  TaskOutcome outcome;
  const TaskRequest& request = parsed.request;
  auto fail = [&](TaskOutcome::Kind kind, std::string code, std::string message) {
    outcome.kind = kind;
    outcome.code = std::move(code);
    outcome.message = std::move(message);
  };
  const TaskEntry* entry = nullptr;
  for (const auto& t : tasks_)
    if (t.name == request.task) entry = &t;
  std::shared_ptr<const core::LiteralMap> inputs;
  std::string error, stepError, running = request.task;
  std::vector<const TaskEntry*> steps = fusedSteps(request, tasks_, &stepError);  // a fused map item's further tasks
  if (!parsed.error.empty()) {
    fail(TaskOutcome::Kind::System, "SYSTEM:BadArguments", parsed.error);
  } else if (!stepError.empty()) {
    fail(TaskOutcome::Kind::System, "SYSTEM:UnknownTask", stepError);
  } else if (!entry) {
    fail(TaskOutcome::Kind::System, "SYSTEM:UnknownTask", "no task named '" + request.task + "' in this executable");
  } else if (!(inputs = inputsOf(request.inputs, storage, &error))) {
    fail(TaskOutcome::Kind::System, "SYSTEM:Storage", error);
  } else {
    // Exceptions map to outcomes as in runTask.
    try {
      outputs->Clear();
      TaskCall call{*entry, *inputs, request.mapBoundInputs ? &*request.mapBoundInputs : nullptr,
                    request.arrayIndex.value_or(0), nullptr, outputs, nullptr};
      entry->run(call);
      runFusedSteps(request, steps, *inputs, nullptr, outputs, nullptr, &running);
    } catch (const UserFailure& e) {
      fail(TaskOutcome::Kind::User, e.code,
           "task '" + running + "'" + (request.arrayIndex ? " item " + std::to_string(*request.arrayIndex) : "") +
               " failed: " + e.what());
    } catch (const InputError& e) {
      fail(TaskOutcome::Kind::System, "SYSTEM:BadInputs", "task '" + running + "': " + e.what());
    } catch (const std::exception& e) {
      fail(TaskOutcome::Kind::System, "SYSTEM:Unknown", e.what());
    }
  }
  if (outcome && !writeOutputs) return outcome;
  auto os = storage.at(request.outputPrefix.empty() ? "." : request.outputPrefix);
  if (outcome) {
    Status st = os ? (*os)->write(joinUri(request.outputPrefix, contract::kOutputsFile), outputs->SerializeAsString())
                   : Status(os.error());
    if (st) fail(TaskOutcome::Kind::System, "SYSTEM:Storage", st->message);
    else return outcome;
  }
  if (!request.outputPrefix.empty() && os)
    outcome.errorWritten =
        !(*os)->write(joinUri(request.outputPrefix, contract::kErrorFile), errorDocument(outcome).SerializeAsString());
  return outcome;
}

int runInProcessItem(ItemRunner& runner, const std::vector<std::string>& args,
                     const std::vector<std::pair<std::string, std::string>>& env, core::LiteralMap* outputs) {
  std::optional<std::int64_t> index;
  for (const auto& [k, v] : env)
    if (k == contract::kDefaultArrayIndexEnv) {
      char* end = nullptr;
      index = std::strtoll(v.c_str(), &end, 10);
    }
  std::vector<std::string> rest(args.empty() ? args.begin() : args.begin() + 1, args.end());
  TaskOutcome o = runner.run(rest, index, outputs, /*writeOutputs=*/false);
  return o ? 0 : !o.errorWritten ? 3 : o.kind == TaskOutcome::Kind::User ? 1 : 2;
}

namespace {
// Reads exactly what the framing says from a FILE*; false at end of input or on malformed frames.
bool readNumber(FILE* in, long long& out) {
  char line[32];
  if (!std::fgets(line, sizeof line, in)) return false;
  char* end = nullptr;
  out = std::strtoll(line, &end, 10);
  return end != line && *end == '\n';
}
}  // namespace

int workerMain(std::span<const TaskEntry> tasks) {
  ItemRunner runner(tasks);
  // Requests come on the original standard input and replies go to the original standard output (the executor's
  // socket); the items see /dev/null as input and write their output to standard error (the executor's log).
  int replyFd = dup(1), requestFd = dup(0);
  int devNull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (devNull >= 0) dup2(devNull, 0);
  dup2(2, 1);
  FILE* in = fdopen(requestFd, "r");
  FILE* reply = fdopen(replyFd, "w");
  if (!in || !reply) return 3;
  core::LiteralMap outputs;
  std::string bytes;
  while (true) {
    long long n = 0;
    if (!readNumber(in, n) || n < 0 || n > 4096) return 0;
    std::vector<std::string> args(static_cast<size_t>(n));
    for (auto& a : args) {
      long long len = 0;
      if (!readNumber(in, len) || len < 0 || len > (1 << 20)) return 2;
      a.resize(static_cast<size_t>(len));
      if (len && std::fread(a.data(), 1, a.size(), in) != a.size()) return 2;
    }
    long long index = 0;
    if (!readNumber(in, index)) return 2;
    TaskOutcome o = runner.run(args, index >= 0 ? std::optional<std::int64_t>(index) : std::nullopt, &outputs,
                               /*writeOutputs=*/false);
    if (!o) std::fprintf(stderr, "flytecc-task: %s: %s\n", o.code.c_str(), o.message.c_str());
    std::fflush(stdout);
    std::fflush(stderr);
    int status = o ? 0 : !o.errorWritten ? 3 : o.kind == TaskOutcome::Kind::User ? 1 : 2;
    bytes.clear();
    if (o) outputs.SerializeToString(&bytes);
    std::fprintf(reply, "%d %zu\n", status, bytes.size());
    std::fwrite(bytes.data(), 1, bytes.size(), reply);
    std::fflush(reply);
  }
}

}  // namespace flytecc::runtime
