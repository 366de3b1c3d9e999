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
    else {
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

namespace {
struct Failed {
  TaskOutcome::Kind kind;
  std::string code, message;
};
}  // namespace

TaskOutcome runTask(const TaskRequest& request, std::span<const TaskEntry> tasks, StorageSet& storage,
                    TaskTimings* timings) {
  TaskOutcome outcome;
  auto step = [&](std::int64_t TaskTimings::*field, std::int64_t since) {
    if (timings) timings->*field += nowNs() - since;
  };
  try {
    const TaskEntry* entry = nullptr;
    for (const auto& t : tasks)
      if (t.name == request.task) entry = &t;
    if (!entry) {
      std::string known;
      for (const auto& t : tasks) known += (known.empty() ? "" : ", ") + std::string(t.name);
      throw Failed{TaskOutcome::Kind::System, "SYSTEM:UnknownTask",
                   "no task named '" + request.task + "' in this executable (it has: " + known + ")"};
    }
    if (request.mapBoundInputs) {
      if (!request.arrayIndex)
        throw Failed{TaskOutcome::Kind::System, "SYSTEM:BadArguments", "map task item without an array index"};
      for (const auto& b : *request.mapBoundInputs)
        if (std::find(entry->inputs.begin(), entry->inputs.end(), b) == entry->inputs.end())
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
    outcome.message = "task '" + request.task + "'" +
                      (request.arrayIndex ? " item " + std::to_string(*request.arrayIndex) : std::string()) +
                      " failed: " + e.what();
  } catch (const InputError& e) {
    outcome.kind = TaskOutcome::Kind::System;
    outcome.code = "SYSTEM:BadInputs";
    outcome.message = "task '" + request.task + "': " + e.what();
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
