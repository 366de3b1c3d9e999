#include "test/runtime/ContractHarness.h"

#include <fcntl.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "flyteidl/TaskContract.h"
#include "flyteidl/admin/launch_plan.pb.h"

extern char** environ;

namespace flytecc::test {
namespace fs = std::filesystem;
namespace contract = flytecc::contract;
using runtime::StorageSet;

static std::string slurpLocal(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

ProcessResult runProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
  ProcessResult result;
  // The environment: ours, with `env` applied.
  std::map<std::string, std::string> vars;
  for (char** e = environ; *e; ++e) {
    std::string kv = *e;
    auto eq = kv.find('=');
    if (eq != std::string::npos) vars[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  for (const auto& kv : env) {
    auto eq = kv.find('=');
    if (eq + 1 == kv.size()) vars.erase(kv.substr(0, eq));
    else vars[kv.substr(0, eq)] = kv.substr(eq + 1);
  }
  std::vector<std::string> envStrings;
  for (const auto& [k, v] : vars) envStrings.push_back(k + "=" + v);
  std::vector<char*> envp, args;
  for (auto& s : envStrings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> argvCopy = argv;
  for (auto& a : argvCopy) args.push_back(a.data());
  args.push_back(nullptr);

  char outName[] = "/tmp/flytecc-test-out-XXXXXX", errName[] = "/tmp/flytecc-test-err-XXXXXX";
  int outFd = mkstemp(outName), errFd = mkstemp(errName);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, outFd, 1);
  posix_spawn_file_actions_adddup2(&actions, errFd, 2);
  pid_t pid;
  int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc == 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  } else {
    result.err = "cannot run " + argv[0] + ": " + std::strerror(rc);
  }
  close(outFd);
  close(errFd);
  result.out = slurpLocal(outName);
  result.err += slurpLocal(errName);
  unlink(outName);
  unlink(errName);
  return result;
}

LocalDir::LocalDir(const std::string& name) {
  static std::atomic<int> counter{0};
  fs::path p = fs::temp_directory_path() /
               ("flytecc-runtime-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + "-" + name);
  fs::remove_all(p);
  fs::create_directories(p);
  path = p.string();
}
LocalDir::~LocalDir() {
  std::error_code ec;
  fs::remove_all(path, ec);
}

static StorageSet& storage() {
  static StorageSet s;
  return s;
}

std::string readFile(const std::string& uri) {
  auto s = storage().at(uri);
  if (!s) return "";
  auto bytes = (*s)->read(uri);
  return bytes ? *bytes : std::string();
}

bool writeMessage(const std::string& uri, const google::protobuf::Message& m) {
  auto s = storage().at(uri);
  return s && !(*s)->write(uri, m.SerializeAsString());
}

template <class M>
static std::optional<M> readMessage(const std::string& uri) {
  auto s = storage().at(uri);
  if (!s) return std::nullopt;
  auto bytes = (*s)->read(uri);
  M m;
  if (!bytes || !m.ParseFromString(*bytes)) return std::nullopt;
  return m;
}
std::optional<core::LiteralMap> readLiteralMap(const std::string& uri) { return readMessage<core::LiteralMap>(uri); }
std::optional<core::ErrorDocument> readErrorDocument(const std::string& uri) {
  return readMessage<core::ErrorDocument>(uri);
}

static std::vector<std::string> contractArgs(const std::string& exe, const std::string& task, const std::string& inputs,
                                             const std::string& prefix) {
  return {exe,
          std::string(contract::kInputsArg), inputs,
          std::string(contract::kOutputPrefixArg), prefix + "/out",
          std::string(contract::kRawOutputDataPrefixArg), prefix + "/raw",
          std::string(contract::kCheckpointPathArg), prefix + "/checkpoint",
          std::string(contract::kPrevCheckpointArg), "",
          std::string(contract::kTaskArg), task};
}

TaskRun runOne(const std::string& exe, const std::string& task, const core::LiteralMap& inputs,
               const std::string& prefix, std::optional<int> index, std::optional<std::vector<std::string>> bound,
               std::vector<std::string> env) {
  TaskRun run;
  const std::string inputsUri = prefix + "/inputs.pb";
  if (!writeMessage(inputsUri, inputs)) {
    run.err = "cannot write " + inputsUri;
    return run;
  }
  auto args = contractArgs(exe, task, inputsUri, prefix);
  if (bound) {
    std::string joined;
    for (const auto& b : *bound) joined += (joined.empty() ? "" : ",") + b;
    args.push_back(std::string(contract::kMapBoundInputsArg));
    args.push_back(joined);
  }
  if (index) {
    env.push_back(std::string(contract::kArrayIndexVarNameEnv) + "=" + std::string(contract::kDefaultArrayIndexEnv));
    env.push_back(std::string(contract::kDefaultArrayIndexEnv) + "=" + std::to_string(*index));
  }
  ProcessResult r = runProcess(args, env);
  run.status = r.status;
  run.err = r.err;
  run.outputs = readLiteralMap(runtime::joinUri(prefix + "/out", contract::kOutputsFile));
  run.error = readErrorDocument(runtime::joinUri(prefix + "/out", contract::kErrorFile));
  return run;
}

// --- propeller ----------------------------------------------------------------------------------------------

Propeller::Propeller(std::string pbDir, std::string exe, std::string store, std::vector<std::string> env)
    : pbDir_(std::move(pbDir)), exe_(std::move(exe)), store_(std::move(store)), env_(std::move(env)) {}

std::vector<std::string> Propeller::workflowNames() const {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(pbDir_)) {
    std::string f = e.path().filename().string();
    const std::string suffix = ".workflow.pb";
    if (f.size() > suffix.size() && f.ends_with(suffix)) names.push_back(f.substr(0, f.size() - suffix.size()));
  }
  std::sort(names.begin(), names.end());
  return names;
}

core::TaskTemplate Propeller::task(const std::string& name) const {
  core::TaskTemplate t;
  t.ParseFromString(slurpLocal(pbDir_ + "/" + name + ".task.pb"));
  return t;
}

std::optional<core::LiteralMap> Propeller::runContainer(const core::TaskTemplate& t, const std::string& inputsUri,
                                                        const std::string& prefix, std::optional<std::size_t> index,
                                                        std::string& error) {
  // container.args with propeller's templates filled in; args[0] is the executable on the image's PATH.
  std::vector<std::string> args;
  for (const auto& a : t.container().args()) {
    if (a == contract::kInputTemplate) args.push_back(inputsUri);
    else if (a == contract::kOutputPrefixTemplate) args.push_back(prefix + "/out");
    else if (a == contract::kRawOutputDataPrefixTemplate) args.push_back(prefix + "/raw");
    else if (a == contract::kCheckpointOutputPrefixTemplate) args.push_back(prefix + "/checkpoint");
    else if (a == contract::kPrevCheckpointPrefixTemplate) args.push_back("");
    else args.push_back(a);
  }
  if (args.empty() || args[0] != contract::kTaskExecutable) {
    error = t.id().name() + ": container.args do not start with " + std::string(contract::kTaskExecutable);
    return std::nullopt;
  }
  args[0] = exe_;
  std::vector<std::string> env = env_;
  if (index) {
    env.push_back(std::string(contract::kArrayIndexVarNameEnv) + "=" + std::string(contract::kDefaultArrayIndexEnv));
    env.push_back(std::string(contract::kDefaultArrayIndexEnv) + "=" + std::to_string(*index));
  }
  ++runs_;
  ProcessResult r = runProcess(args, env);
  if (r.status != 0) {
    auto doc = readErrorDocument(runtime::joinUri(prefix + "/out", contract::kErrorFile));
    error = t.id().name() + " exited with " + std::to_string(r.status) + ": " +
            (doc ? doc->error().message() : r.err);
    return std::nullopt;
  }
  auto out = readLiteralMap(runtime::joinUri(prefix + "/out", contract::kOutputsFile));
  if (!out) error = t.id().name() + ": no outputs.pb";
  return out;
}

namespace {
struct Scope {
  const core::LiteralMap& inputs;
  const std::map<std::string, core::LiteralMap>& nodes;
};

std::optional<core::Literal> resolve(const core::BindingData& b, const Scope& s, std::string& error) {
  core::Literal out;
  switch (b.value_case()) {
    case core::BindingData::kScalar: *out.mutable_scalar() = b.scalar(); return out;
    case core::BindingData::kCollection:
      for (const auto& item : b.collection().bindings()) {
        auto l = resolve(item, s, error);
        if (!l) return std::nullopt;
        *out.mutable_collection()->add_literals() = *l;
      }
      out.mutable_collection();
      return out;
    case core::BindingData::kMap:
      for (const auto& [k, item] : b.map().bindings()) {
        auto l = resolve(item, s, error);
        if (!l) return std::nullopt;
        (*out.mutable_map()->mutable_literals())[k] = *l;
      }
      out.mutable_map();
      return out;
    case core::BindingData::kPromise: {
      const auto& p = b.promise();
      const core::LiteralMap* from = nullptr;
      if (p.node_id().empty() || p.node_id() == "start-node") from = &s.inputs;
      else if (auto it = s.nodes.find(p.node_id()); it != s.nodes.end()) from = &it->second;
      if (!from || !from->literals().contains(p.var())) {
        error = "unresolved promise " + p.node_id() + "." + p.var();
        return std::nullopt;
      }
      return from->literals().at(p.var());
    }
    default: error = "unsupported binding"; return std::nullopt;
  }
}

std::optional<core::LiteralMap> resolveAll(const google::protobuf::RepeatedPtrField<core::Binding>& bindings,
                                           const Scope& s, std::string& error) {
  core::LiteralMap m;
  for (const auto& b : bindings) {
    auto l = resolve(b.binding(), s, error);
    if (!l) return std::nullopt;
    (*m.mutable_literals())[b.var()] = *l;
  }
  return m;
}
}  // namespace

WorkflowRun Propeller::runWorkflow(const std::string& name) {
  WorkflowRun run;
  core::WorkflowTemplate wf;
  if (!wf.ParseFromString(slurpLocal(pbDir_ + "/" + name + ".workflow.pb"))) {
    run.error = "cannot read " + name + ".workflow.pb";
    return run;
  }
  // The default launch plan's default inputs start the execution.
  flyteidl::admin::LaunchPlan lp;
  lp.ParseFromString(slurpLocal(pbDir_ + "/" + name + ".launchplan.pb"));
  core::LiteralMap inputs;
  for (const auto& [k, p] : lp.spec().default_inputs().parameters())
    if (p.has_default_()) (*inputs.mutable_literals())[k] = p.default_();
  std::map<std::string, core::LiteralMap> nodes;
  Scope scope{inputs, nodes};
  const std::string base = store_ + "/" + name;
  // flytecc numbers nodes in creation order, which is a topological order.
  for (const auto& node : wf.nodes()) {
    auto in = resolveAll(node.inputs(), scope, run.error);
    if (!in) return run;
    const std::string prefix = base + "/" + node.id();
    const std::string inputsUri = prefix + "/inputs.pb";
    if (!writeMessage(inputsUri, *in)) {
      run.error = "cannot write " + inputsUri;
      return run;
    }
    if (node.has_task_node()) {
      auto out = runContainer(task(node.task_node().reference_id().name()), inputsUri, prefix, std::nullopt, run.error);
      if (!out) return run;
      nodes[node.id()] = *out;
    } else if (node.has_array_node()) {
      const auto& an = node.array_node();
      core::TaskTemplate mt = task(an.node().task_node().reference_id().name());
      std::set<std::string> bound(an.bound_inputs().begin(), an.bound_inputs().end());
      std::optional<std::size_t> size;
      for (const auto& [k, l] : in->literals()) {
        if (bound.contains(k) || !l.has_collection()) continue;
        std::size_t n = l.collection().literals_size();
        if (size && *size != n) {
          run.error = "input arrays have different lengths: expecting '" + std::to_string(*size) + "' found '" +
                      std::to_string(n) + "'";
          return run;
        }
        size = n;
      }
      if (!size) {
        run.error = "no input array provided";
        return run;
      }
      std::vector<std::optional<core::LiteralMap>> items;
      std::size_t failures = 0;
      std::string firstError;  // the first failed item's, for the message
      for (std::size_t i = 0; i < *size; ++i) {
        std::string itemError;
        // Every item gets the whole ArrayNode input file.
        items.push_back(runContainer(mt, inputsUri, prefix + "/" + std::to_string(i), i, itemError));
        ++items_;
        if (!items.back() && failures++ == 0) firstError = "item " + std::to_string(i) + ": " + itemError;
      }
      const std::size_t needed = an.has_min_successes() ? an.min_successes()
                                                        : static_cast<std::size_t>(std::ceil(
                                                              (an.has_min_success_ratio() ? an.min_success_ratio() : 1.0) *
                                                              static_cast<double>(*size)));
      if (*size - failures < needed) {
        run.error = node.id() + ": " + std::to_string(failures) + " of " + std::to_string(*size) +
                    " items failed; " + firstError;
        return run;
      }
      core::LiteralMap gathered;
      for (const auto& [var, v] : mt.interface().outputs().variables()) {
        core::Literal list;
        list.mutable_collection();
        for (const auto& item : items) {
          core::Literal* l = list.mutable_collection()->add_literals();
          if (item && item->literals().contains(var)) *l = item->literals().at(var);
          else l->mutable_scalar()->mutable_none_type();
        }
        (*gathered.mutable_literals())[var] = list;
      }
      nodes[node.id()] = gathered;
    } else {
      run.error = node.id() + ": unsupported node kind";
      return run;
    }
  }
  for (const auto& b : wf.outputs()) {
    auto l = resolve(b.binding(), scope, run.error);
    if (!l) return run;
    run.outputs.push_back(*l);
  }
  return run;
}

// --- printing as sdk/include/flyte/local.hpp does -------------------------------------------------------------

std::string showLiteral(const core::Literal& l) {
  if (l.has_collection()) {
    std::string out = "[";
    for (int i = 0; i < l.collection().literals_size(); ++i)
      out += (i ? ", " : "") + showLiteral(l.collection().literals(i));
    return out + "]";
  }
  if (l.has_map()) {
    std::map<std::string, const core::Literal*> sorted;
    for (const auto& [k, v] : l.map().literals()) sorted[k] = &v;
    std::string out = "{";
    bool first = true;
    for (const auto& [k, v] : sorted) {
      out += (first ? "\"" : ", \"") + k + "\": " + showLiteral(*v);
      first = false;
    }
    return out + "}";
  }
  const auto& s = l.scalar();
  if (s.has_union_()) return showLiteral(s.union_().value());
  if (s.has_none_type()) return "none";
  if (s.has_blob()) return std::string(s.blob().metadata().type().dimensionality() ? "dir(\"" : "file(\"") + s.blob().uri() + "\")";
  const auto& p = s.primitive();
  switch (p.value_case()) {
    case core::Primitive::kInteger: return std::to_string(p.integer());
    case core::Primitive::kBoolean: return p.boolean() ? "true" : "false";
    case core::Primitive::kStringValue: return "\"" + p.string_value() + "\"";
    case core::Primitive::kFloatValue: {
      char buf[64];
      auto r = std::to_chars(buf, buf + sizeof buf, p.float_value());
      std::string text(buf, r.ptr);
      if (text.find_first_of(".en") == std::string::npos) text += ".0";
      return text;
    }
    default: return "?";
  }
}

std::string showOutputs(const std::vector<core::Literal>& outputs) {
  if (outputs.size() == 1) return showLiteral(outputs[0]);
  std::string out = "(";
  for (std::size_t i = 0; i < outputs.size(); ++i) out += (i ? ", " : "") + showLiteral(outputs[i]);
  return out + ")";
}

}  // namespace flytecc::test
