#include "runtime/TaskRuntime.h"

#include "runtime/MapItem.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <filesystem>
#include <set>
#include <system_error>

#include "flyteidl/Serialize.h"
#include "flyteidl/TaskContract.h"

namespace flytecc::runtime {
namespace fs = std::filesystem;
namespace contract = flytecc::contract;

static std::int64_t nowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// --- arguments -----------------------------------------------------------------------------------------------

std::string taskUsage() {
  std::string s;
  s += "USAGE:\n  ";
  s += contract::kTaskExecutable;
  s += " " + std::string(contract::kInputsArg) + " INPUTS " + std::string(contract::kOutputPrefixArg) +
       " PREFIX " + std::string(contract::kRawOutputDataPrefixArg) + " PREFIX\n      " +
       std::string(contract::kCheckpointPathArg) + " PREFIX " + std::string(contract::kPrevCheckpointArg) +
       " PREFIX " + std::string(contract::kTaskArg) + " NAME [" + std::string(contract::kMapBoundInputsArg) +
       " NAMES]\n";
  s += R"(
Runs one Flyte task built from C++ sources by flytecc, as a TaskTemplate's container.args do in a Flyte pod
(propeller fills in {{.input}}, {{.outputPrefix}}, ...). Paths are local paths, file://, or s3:// URIs
(S3 settings from FLYTE_AWS_* / AWS_* environment variables).

  --inputs URI                  the node's inputs.pb (a flyteidl.core.LiteralMap)
  --output-prefix URI           where outputs.pb (success) or error.pb (a core.ErrorDocument) is written
  --raw-output-data-prefix URI  where output files and directories (flyte::File, flyte::Directory) are uploaded
  --checkpoint-path URI         checkpoint prefix (accepted; C++ tasks do not checkpoint yet)
  --prev-checkpoint URI         previous checkpoint prefix (idem)
  --task NAME                   the task's Flyte entity name (see --list)
  --map-bound-inputs NAMES      ArrayNode item of a map task: comma-separated inputs bound by a partial (may be
                                empty). Every other input must be a list; the item takes element I of each, where I
                                is the value of the variable named by BATCH_JOB_ARRAY_INDEX_VAR_NAME (default
                                FLYTE_K8S_ARRAY_INDEX) plus BATCH_JOB_ARRAY_INDEX_OFFSET, and writes that item's
                                outputs (single values, not lists).
  --then TASK:INPUT             fused map item (repeatable): then run TASK with the previous task's o0 as INPUT
  --chain TASK:IN=SRC,...       fused task chain (repeatable): then run TASK, each input IN from out.NAME (the
                                previous task's output) or in.NAME (an input of --inputs)
  --list                        print the task names this executable runs
  --help                        this text

Exit status: 0 success; 1 the task threw (error.pb kind USER); 2 the runtime failed (bad arguments, unreadable or
ill-typed inputs, storage errors: error.pb kind SYSTEM); 3 error.pb could not be written either.
Set FLYTECC_TASK_TIMINGS=1 to print the time of each step on standard error.
)";
  return s;
}

static std::optional<std::int64_t> parseInt(std::string_view text) {
  std::int64_t v = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || r.ec != std::errc() || r.ptr != text.data() + text.size()) return std::nullopt;
  return v;
}

ParsedArgs parseTaskArgs(const std::vector<std::string>& args, const std::function<const char*(const char*)>& getenv) {
  ParsedArgs p;
  TaskRequest& r = p.request;
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--help" || a == "-h") {
      p.help = true;
      return p;
    }
    std::string* target = nullptr;
    std::string bound;
    if (a == contract::kInputsArg) target = &r.inputs;
    else if (a == contract::kOutputPrefixArg) target = &r.outputPrefix;
    else if (a == contract::kRawOutputDataPrefixArg) target = &r.rawOutputDataPrefix;
    else if (a == contract::kCheckpointPathArg) target = &r.checkpointPath;
    else if (a == contract::kPrevCheckpointArg) target = &r.prevCheckpoint;
    else if (a == contract::kTaskArg) target = &r.task;
    else if (a == contract::kMapBoundInputsArg) target = &bound;
    else if (a == contract::kThenArg) {
      std::size_t sep = i + 1 < args.size() ? args[i + 1].rfind(contract::kThenSeparator) : std::string::npos;
      if (sep == std::string::npos || sep == 0 || sep + 1 == args[i + 1].size()) {
        if (p.error.empty()) p.error = "argument '" + a + "' needs a value TASK" + contract::kThenSeparator + "INPUT";
        ++i;
        continue;
      }
      r.then.push_back({args[i + 1].substr(0, sep), args[i + 1].substr(sep + 1), {}});
      ++i;
      continue;
    } else if (a == contract::kChainArg) {
      std::string value = i + 1 < args.size() ? args[i + 1] : std::string();
      ++i;
      std::size_t sep = value.find(contract::kChainSeparator);
      TaskRequest::Step step;
      bool ok = sep != std::string::npos && sep != 0;
      if (ok) {
        step.task = value.substr(0, sep);
        std::string_view rest = std::string_view(value).substr(sep + 1);
        while (ok && !rest.empty()) {
          std::size_t comma = rest.find(contract::kChainFeedSeparator);
          std::string_view feed = rest.substr(0, comma);
          rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
          std::size_t eq = feed.find(contract::kChainFeedAssign);
          if (eq == std::string_view::npos || eq == 0) {
            ok = false;
            break;
          }
          TaskRequest::Feed f;
          f.input = std::string(feed.substr(0, eq));
          std::string_view src = feed.substr(eq + 1);
          if (src.starts_with(contract::kChainFromOutput)) {
            f.fromPrevious = true;
            src.remove_prefix(contract::kChainFromOutput.size());
          } else if (src.starts_with(contract::kChainFromInput)) {
            src.remove_prefix(contract::kChainFromInput.size());
          } else {
            ok = false;
          }
          f.source = std::string(src);
          ok = ok && !f.source.empty();
          step.feeds.push_back(std::move(f));
        }
      }
      if (!ok) {
        if (p.error.empty())
          p.error = "argument '" + a + "' needs a value TASK" + contract::kChainSeparator + "INPUT" +
                    contract::kChainFeedAssign + std::string(contract::kChainFromOutput) + "NAME or " +
                    std::string(contract::kChainFromInput) + "NAME, ...";
        continue;
      }
      r.chain.push_back(std::move(step));
      continue;
    } else {
      if (p.error.empty()) p.error = "unknown argument '" + a + "'";
      continue;
    }
    if (!seen.insert(a).second && p.error.empty()) p.error = "argument '" + a + "' is given twice";
    if (i + 1 >= args.size()) {
      if (p.error.empty()) p.error = "argument '" + a + "' needs a value";
      break;
    }
    *target = args[++i];
    if (target == &bound) {
      std::vector<std::string> names;
      std::size_t start = 0;
      while (!bound.empty() && start <= bound.size()) {
        std::size_t comma = bound.find(',', start);
        if (comma == std::string::npos) comma = bound.size();
        if (comma > start) names.push_back(bound.substr(start, comma - start));
        start = comma + 1;
      }
      r.mapBoundInputs = std::move(names);
    }
  }
  if (!p.error.empty()) return p;
  for (auto [value, name] : {std::pair{&r.inputs, contract::kInputsArg}, {&r.outputPrefix, contract::kOutputPrefixArg},
                             {&r.task, contract::kTaskArg}}) {
    if (value->empty()) {
      p.error = "missing " + std::string(name);
      return p;
    }
  }
  if (r.mapBoundInputs) {
    const char* varName = getenv(std::string(contract::kArrayIndexVarNameEnv).c_str());
    std::string var = varName && *varName ? varName : std::string(contract::kDefaultArrayIndexEnv);
    const char* value = getenv(var.c_str());
    if (!value) {
      p.error = "map task item without an index: " + var + " is not set";
      return p;
    }
    auto index = parseInt(value);
    if (!index || *index < 0) {
      p.error = var + "='" + value + "' is not an array index";
      return p;
    }
    if (const char* offset = getenv(std::string(contract::kArrayIndexOffsetEnv).c_str()); offset && *offset) {
      auto o = parseInt(offset);
      if (!o || *o < 0 || *o > std::numeric_limits<std::int64_t>::max() - *index) {
        p.error = std::string(contract::kArrayIndexOffsetEnv) + "='" + offset + "' is not an index offset";
        return p;
      }
      *index += *o;
    }
    r.arrayIndex = *index;
  }
  return p;
}

// --- inputs of one call --------------------------------------------------------------------------------------

const core::Literal& TaskCall::input(std::size_t i) const {
  const std::string name(entry.inputs.at(i));
  auto it = inputs.literals().find(name);
  if (it == inputs.literals().end()) throw InputError("missing input '" + name + "'");
  const core::Literal& whole = it->second;
  const bool isBound = !bound || mapitem::isBound(*bound, name);
  if (const core::Literal* item = mapitem::select(whole, isBound, index)) return *item;  // runtime/MapItem.h
  if (!whole.has_collection())
    throw InputError("input '" + name + "' of a map task item must be a list (it is not among the bound inputs), got " +
                     describeLiteral(whole));
  throw InputError("array index " + std::to_string(index) + " is out of range for input '" + name + "' (" +
                   std::to_string(whole.collection().literals_size()) + " items)");
}

// --- storage -------------------------------------------------------------------------------------------------

static bool isLocal(const std::string& uri) { return uri.find("://") == std::string::npos; }
static std::string schemeKey(const std::string& uri) {
  auto p = uri.find("://");
  return p == std::string::npos ? "" : uri.substr(0, p);
}

Result<Storage*> StorageSet::at(const std::string& uri) {
  std::string key = schemeKey(uri);
  if (key == "file") key = "";
  auto it = byScheme_.find(key);
  if (it == byScheme_.end()) {
    auto made = storageFor(uri);
    if (!made) return made.error();
    it = byScheme_.emplace(key, std::move(*made)).first;
  }
  return it->second.get();
}

static std::string storageMessage(const StorageError& e) { return e.message; }

Status loadOffloaded(core::Literal& literal, StorageSet& storage) {
  for (int depth = 0; literal.has_offloaded_metadata(); ++depth) {
    const std::string uri = literal.offloaded_metadata().uri();
    if (depth > 8) return StorageError{StorageError::Kind::Invalid, uri + ": offloaded literals nest too deeply"};
    auto s = storage.at(uri);
    if (!s) return s.error();
    auto bytes = (*s)->read(uri);
    if (!bytes) return bytes.error();
    core::Literal loaded;
    if (!loaded.ParseFromString(*bytes))
      return StorageError{StorageError::Kind::Invalid, uri + ": not a flyteidl.core.Literal"};
    literal = std::move(loaded);
  }
  if (literal.has_collection())
    for (auto& item : *literal.mutable_collection()->mutable_literals())
      if (auto st = loadOffloaded(item, storage)) return st;
  if (literal.has_map())
    for (auto& [k, item] : *literal.mutable_map()->mutable_literals())
      if (auto st = loadOffloaded(item, storage)) return st;
  return std::nullopt;
}

// Input blobs are downloaded into a private directory; output blobs are uploaded under the raw output prefix.
class TaskBlobs : public BlobHooks {
 public:
  TaskBlobs(StorageSet& storage, const TaskRequest& request) : storage_(storage), request_(request) {}
  ~TaskBlobs() override {
    if (!workdir_.empty()) {
      std::error_code ec;
      fs::remove_all(workdir_, ec);
    }
  }

  std::string localize(const std::string& uri, bool multipart) override {
    if (isLocal(uri) || uri.starts_with("file://")) {  // already here: the task reads it in place
      std::string local = isLocal(uri) ? uri : uri.substr(7);
      origins_[local] = uri;
      return local;
    }
    Storage& s = at(uri);
    fs::path dest = fs::path(workdir()) / ("in" + std::to_string(counter_++));
    std::string name = baseName(uri);
    if (!multipart) {
      fs::create_directories(dest);
      dest /= name.empty() ? "file" : name;
      if (auto st = s.download(uri, dest.string())) throw StorageFailure(storageMessage(*st));
    } else {
      std::string prefix = uri.ends_with("/") ? uri : uri + "/";
      auto objects = s.list(prefix);
      if (!objects) throw StorageFailure(storageMessage(objects.error()));
      fs::create_directories(dest);
      for (const auto& object : *objects) {
        std::string rel = object.substr(std::min(prefix.size(), object.size()));
        if (rel.empty() || rel.ends_with("/")) continue;
        fs::path target = dest / rel;
        if (target.lexically_normal().string().rfind(dest.string(), 0) != 0)
          throw StorageFailure(object + ": object name escapes the download directory");
        fs::create_directories(target.parent_path());
        if (auto st = s.download(object, target.string())) throw StorageFailure(storageMessage(*st));
      }
    }
    origins_[dest.string()] = uri;
    return dest.string();
  }

  std::string publish(const std::string& path, bool multipart) override {
    if (!isLocal(path) && !path.starts_with("file://")) return path;  // already remote: passes through
    if (auto it = origins_.find(path); it != origins_.end()) return it->second;
    std::string local = path.starts_with("file://") ? path.substr(7) : path;
    if (request_.rawOutputDataPrefix.empty())
      throw StorageFailure("cannot upload '" + local + "': no " + std::string(contract::kRawOutputDataPrefixArg));
    std::error_code ec;
    if (multipart != fs::is_directory(local, ec))
      throw StorageFailure("output '" + local + "' is " + (multipart ? "not a directory" : "a directory, not a file"));
    std::string dir = joinUri(request_.rawOutputDataPrefix,
                              (request_.arrayIndex ? std::to_string(*request_.arrayIndex) + "-" : std::string()) + "o" +
                                  std::to_string(counter_++));
    Storage& s = at(dir);
    if (!multipart) {
      std::string name = baseName(local);
      std::string uri = joinUri(dir, name.empty() ? "file" : name);
      if (auto st = s.upload(local, uri)) throw StorageFailure(storageMessage(*st));
      return uri;
    }
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(local, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
      if (it->is_regular_file()) files.push_back(it->path());
    if (ec) throw StorageFailure("cannot read directory '" + local + "': " + ec.message());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::string rel = fs::relative(f, local).generic_string();
      if (auto st = s.upload(f.string(), joinUri(dir, rel))) throw StorageFailure(storageMessage(*st));
    }
    return dir + "/";
  }

 private:
  Storage& at(const std::string& uri) {
    auto s = storage_.at(uri);
    if (!s) throw StorageFailure(storageMessage(s.error()));
    return **s;
  }
  static std::string baseName(std::string uri) {
    while (uri.ends_with("/")) uri.pop_back();
    auto slash = uri.rfind('/');
    return slash == std::string::npos ? uri : uri.substr(slash + 1);
  }
  const std::string& workdir() {
    if (workdir_.empty()) {
      std::string model = (fs::temp_directory_path() / "flytecc-task-XXXXXX").string();
      if (!mkdtemp(model.data())) throw StorageFailure("cannot create a directory for input blobs in " + model);
      workdir_ = model;
    }
    return workdir_;
  }

  StorageSet& storage_;
  const TaskRequest& request_;
  std::string workdir_;
  int counter_ = 0;
  std::map<std::string, std::string> origins_;  // local copy -> the input blob's URI
};

// --- running -------------------------------------------------------------------------------------------------

static std::string serialize(const google::protobuf::Message& m) { return idl::serializeDeterministic(m); }

core::ErrorDocument errorDocument(const TaskOutcome& outcome) {
  core::ErrorDocument doc;
  auto* e = doc.mutable_error();
  e->set_code(outcome.code);
  e->set_message(outcome.message);
  e->set_kind(core::ContainerError::NON_RECOVERABLE);
  e->set_origin(outcome.kind == TaskOutcome::Kind::User ? core::ExecutionError::USER : core::ExecutionError::SYSTEM);
  auto now = std::chrono::system_clock::now().time_since_epoch();
  auto secs = std::chrono::duration_cast<std::chrono::seconds>(now);
  e->mutable_timestamp()->set_seconds(secs.count());
  e->mutable_timestamp()->set_nanos(static_cast<int>(std::chrono::duration_cast<std::chrono::nanoseconds>(now - secs).count()));
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) == 0) e->set_worker(host);
  return doc;
}

void runFusedSteps(const TaskRequest& request, std::span<const TaskEntry* const> steps, const core::LiteralMap& inputs,
                   BlobHooks* hooks, core::LiteralMap* outputs, TaskTimings* timings, std::string* running) {
  const auto& all = request.steps();
  for (std::size_t k = 0; k < steps.size() && k < all.size(); ++k) {
    const auto& step = all[k];
    if (running) *running = step.task;
    core::LiteralMap stepInputs;
    if (!request.chain.empty()) {  // --chain: every input fed by name
      for (const auto& f : step.feeds) {
        const core::LiteralMap& from = f.fromPrevious ? *outputs : inputs;
        auto it = from.literals().find(f.source);
        if (it == from.literals().end())
          throw InputError("no " + std::string(f.fromPrevious ? "output" : "input") + " '" + f.source + "' to feed input '" +
                           f.input + "' of '" + step.task + "'");
        (*stepInputs.mutable_literals())[f.input] = it->second;
      }
      core::LiteralMap stepOutputs;
      TaskCall next{*steps[k], stepInputs, nullptr, 0, hooks, &stepOutputs, timings};
      steps[k]->run(next);
      *outputs = std::move(stepOutputs);
      continue;
    }
    auto previous = outputs->literals().find("o0");
    if (previous == outputs->literals().end())
      throw InputError("the task before '" + step.task + "' has no output o0 to feed it");
    for (std::string_view in : steps[k]->inputs) {
      std::string name(in);
      if (name == step.input) {
        (*stepInputs.mutable_literals())[name] = previous->second;
      } else if (auto whole = inputs.literals().find(name); whole != inputs.literals().end()) {
        (*stepInputs.mutable_literals())[name] = whole->second;  // a bound input, whole
      }  // missing: the adapter reports it
    }
    core::LiteralMap stepOutputs;
    TaskCall next{*steps[k], stepInputs, nullptr, 0, hooks, &stepOutputs, timings};
    steps[k]->run(next);
    *outputs = std::move(stepOutputs);
  }
}

std::vector<const TaskEntry*> fusedSteps(const TaskRequest& request, std::span<const TaskEntry> tasks,
                                         std::string* error) {
  std::vector<const TaskEntry*> steps;
  if (!request.then.empty() && !request.chain.empty()) {
    *error = std::string(contract::kThenArg) + " and " + std::string(contract::kChainArg) + " cannot be combined";
    return {};
  }
  for (const auto& step : request.steps()) {
    const TaskEntry* found = nullptr;
    for (const auto& t : tasks)
      if (t.name == step.task) found = &t;
    if (!found) {
      *error = "no task named '" + step.task + "' in this executable";
      return {};
    }
    if (request.chain.empty() &&
        std::find(found->inputs.begin(), found->inputs.end(), step.input) == found->inputs.end()) {
      *error = "task '" + step.task + "' has no input '" + step.input + "' to feed";
      return {};
    }
    for (const auto& f : step.feeds)
      if (std::find(found->inputs.begin(), found->inputs.end(), f.input) == found->inputs.end()) {
        *error = "task '" + step.task + "' has no input '" + f.input + "' to feed";
        return {};
      }
    steps.push_back(found);
  }
  return steps;
}

namespace {
struct Failed {
  TaskOutcome::Kind kind;
  std::string code, message;
};
}  // namespace

TaskOutcome runTask(const TaskRequest& request, std::span<const TaskEntry> tasks, StorageSet& storage,
                    TaskTimings* timings) {
  TaskOutcome outcome;
  std::string running = request.task;  // the task that runs (a fused item runs several)
  auto step = [&](std::int64_t TaskTimings::*field, std::int64_t since) {
    if (timings) timings->*field += nowNs() - since;
  };
  try {
    auto find = [&](const std::string& name) {
      for (const auto& t : tasks)
        if (t.name == name) return &t;
      std::string known;
      for (const auto& t : tasks) known += (known.empty() ? "" : ", ") + std::string(t.name);
      throw Failed{TaskOutcome::Kind::System, "SYSTEM:UnknownTask",
                   "no task named '" + name + "' in this executable (it has: " + known + ")"};
    };
    auto hasInput = [](const TaskEntry* e, const std::string& name) {
      return std::find(e->inputs.begin(), e->inputs.end(), name) != e->inputs.end();
    };
    const TaskEntry* entry = find(request.task);
    std::vector<const TaskEntry*> steps;  // a fused item's or chain's further tasks
    for (const auto& step : request.steps()) find(step.task);  // an unknown task names the known ones
    {
      std::string why;
      steps = fusedSteps(request, tasks, &why);
      if (!why.empty()) throw Failed{TaskOutcome::Kind::System, "SYSTEM:BadArguments", why};
    }
    if (!request.chain.empty() && request.mapBoundInputs)
      throw Failed{TaskOutcome::Kind::System, "SYSTEM:BadArguments",
                   std::string(contract::kChainArg) + " is for task nodes, not map task items"};
    if (!request.then.empty() && !request.mapBoundInputs)
      throw Failed{TaskOutcome::Kind::System, "SYSTEM:BadArguments",
                   std::string(contract::kThenArg) + " is for map task items (with " +
                       std::string(contract::kMapBoundInputsArg) + ")"};
    if (request.mapBoundInputs) {
      if (!request.arrayIndex)
        throw Failed{TaskOutcome::Kind::System, "SYSTEM:BadArguments", "map task item without an array index"};
      for (const auto& b : *request.mapBoundInputs)
        if (!hasInput(entry, b) && std::none_of(steps.begin(), steps.end(), [&](auto* e) { return hasInput(e, b); }))
          throw Failed{TaskOutcome::Kind::System, "SYSTEM:BadArguments",
                       "bound input '" + b + "' is not an input of task '" + request.task + "'"};
    }
    std::int64_t t = nowNs();
    auto s = storage.at(request.inputs);
    if (!s) throw Failed{TaskOutcome::Kind::System, "SYSTEM:Storage", storageMessage(s.error())};
    auto bytes = (*s)->read(request.inputs);
    if (!bytes) throw Failed{TaskOutcome::Kind::System, "SYSTEM:Storage", storageMessage(bytes.error())};
    step(&TaskTimings::read, t);
    t = nowNs();
    core::LiteralMap inputs;
    if (!inputs.ParseFromString(*bytes))
      throw Failed{TaskOutcome::Kind::System, "SYSTEM:BadInputs",
                   request.inputs + ": not a flyteidl.core.LiteralMap (corrupt or truncated inputs)"};
    for (auto& [name, literal] : *inputs.mutable_literals())
      if (auto st = loadOffloaded(literal, storage))
        throw Failed{TaskOutcome::Kind::System, "SYSTEM:Storage", "input '" + name + "': " + storageMessage(*st)};
    step(&TaskTimings::parse, t);

    TaskBlobs blobs(storage, request);
    core::LiteralMap outputs;
    TaskCall call{*entry, inputs, request.mapBoundInputs ? &*request.mapBoundInputs : nullptr,
                  request.arrayIndex.value_or(0), &blobs, &outputs, timings};
    entry->run(call);
    runFusedSteps(request, steps, inputs, &blobs, &outputs, timings, &running);

    t = nowNs();
    auto os = storage.at(request.outputPrefix);
    if (!os) throw Failed{TaskOutcome::Kind::System, "SYSTEM:Storage", storageMessage(os.error())};
    if (auto st = (*os)->write(joinUri(request.outputPrefix, contract::kOutputsFile), serialize(outputs)))
      throw Failed{TaskOutcome::Kind::System, "SYSTEM:Storage", storageMessage(*st)};
    step(&TaskTimings::write, t);
    return outcome;
  } catch (const Failed& f) {
    outcome.kind = f.kind;
    outcome.code = f.code;
    outcome.message = f.message;
  } catch (const UserFailure& e) {
    outcome.kind = TaskOutcome::Kind::User;
    outcome.code = e.code;
    outcome.message = "task '" + running + "'" +
                      (request.arrayIndex ? " item " + std::to_string(*request.arrayIndex) : std::string()) +
                      " failed: " + e.what();
  } catch (const InputError& e) {
    outcome.kind = TaskOutcome::Kind::System;
    outcome.code = "SYSTEM:BadInputs";
    outcome.message = "task '" + running + "': " + e.what();
  } catch (const StorageFailure& e) {
    outcome.kind = TaskOutcome::Kind::System;
    outcome.code = "SYSTEM:Storage";
    outcome.message = e.what();
  } catch (const std::exception& e) {
    outcome.kind = TaskOutcome::Kind::System;
    outcome.code = "SYSTEM:Unknown";
    outcome.message = e.what();
  }
  if (!request.outputPrefix.empty()) {
    const std::string uri = joinUri(request.outputPrefix, contract::kErrorFile);
    auto os = storage.at(request.outputPrefix);
    Status st = os ? (*os)->write(uri, serialize(errorDocument(outcome))) : Status(os.error());
    if (!st) outcome.errorWritten = true;
    else outcome.message += " (and the error document could not be written: " + st->message + ")";
  }
  return outcome;
}

}  // namespace flytecc::runtime
