#include "executor/Engine.h"

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "executor/Literals.h"
#include "flyteidl/TaskContract.h"
#include "runtime/MapItem.h"

namespace flytecc::executor {
namespace core = flyteidl::core;

static llvm::Error bad(const std::string& what) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s", what.c_str());
}

static std::string join(const std::string& dir, llvm::StringRef name) {
  llvm::SmallString<256> p(dir);
  llvm::sys::path::append(p, name);
  return std::string(p);
}

static llvm::Error writeFile(const std::string& path, const std::string& bytes) {
  if (auto ec = llvm::sys::fs::create_directories(llvm::sys::path::parent_path(path)))
    return bad("cannot create the directory of '" + path + "': " + ec.message());
  // A new file each time (temporary name, then rename): readers that keep parsed inputs by inode see the change.
  std::string tmp = path + ".tmp";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), std::streamsize(bytes.size()));
  out.close();
  if (!out) return bad("cannot write '" + tmp + "'");
  if (auto ec = llvm::sys::fs::rename(tmp, path)) return bad("cannot write '" + path + "': " + ec.message());
  return llvm::Error::success();
}

// The entity `name` picks among `all` (sorted): itself, or the one whose last dotted components it is; empty
// picks the only one. `what` ("workflow") and `option` ("--workflow") word the errors, which list them all.
static llvm::Expected<std::string> chooseNamed(const std::vector<std::string>& all, const std::string& name,
                                               const std::string& what, const std::string& option) {
  std::string names;
  for (const auto& n : all) names += "\n  " + n;
  if (name.empty()) {
    if (all.size() == 1) return all.front();
    return bad("several " + what + "s; choose one with " + option + " NAME:" + names);
  }
  std::vector<std::string> matches;
  for (const auto& n : all) {
    if (n == name) return n;
    if (llvm::StringRef(n).ends_with("." + name)) matches.push_back(n);
  }
  if (matches.size() == 1) return matches.front();
  return bad("no " + what + " named '" + name + "'" + (matches.size() > 1 ? " (ambiguous)" : "") + "; " + what +
             "s:" + names);
}

llvm::Expected<std::string> chooseWorkflow(const Program& program, const std::string& name) {
  std::vector<std::string> all;
  for (const auto& [n, w] : program.workflows) all.push_back(n);
  return chooseNamed(all, name, "workflow", "--workflow");
}

llvm::Expected<core::LiteralMap> parseInputs(const Program& program, const std::string& workflow,
                                             const std::vector<std::pair<std::string, std::string>>& json) {
  const core::WorkflowTemplate* wf = program.findWorkflow(workflow);
  if (!wf) return bad("no workflow named '" + workflow + "'");
  core::LiteralMap out;
  const auto& vars = wf->interface().inputs().variables();
  for (const auto& [name, text] : json) {
    auto it = vars.find(name);
    if (it == vars.end()) {
      std::string names;
      for (const auto& [n, v] : vars) names += (names.empty() ? "" : ", ") + n;
      return bad("workflow '" + workflow + "' has no input '" + name + "' (inputs: " +
                 (names.empty() ? "none" : names) + ")");
    }
    auto lit = literalFromJson(text, it->second.type());
    if (!lit) return bad("input '" + name + "': " + llvm::toString(lit.takeError()));
    (*out.mutable_literals())[name] = std::move(*lit);
  }
  return out;
}

// What a launch plan's workflow receives, as Flyte completes it: its fixed inputs, the given ones, then the
// launch plan's defaults for the rest (the one rule for launch-plan nodes, maps over them and `run --launch-plan`).
static core::LiteralMap withLaunchPlan(const flyteidl::admin::LaunchPlan* lp, core::LiteralMap inputs) {
  if (!lp) return inputs;
  for (const auto& [k, v] : lp->spec().fixed_inputs().literals()) (*inputs.mutable_literals())[k] = v;
  for (const auto& [k, p] : lp->spec().default_inputs().parameters())
    if (!inputs.literals().count(k) && p.has_default_()) (*inputs.mutable_literals())[k] = p.default_();
  return inputs;
}

// An ArrayNode's item count (the mapped lists' common length; bound inputs are passed whole) and how many items
// must succeed (min_successes, else ceil(min_success_ratio * items), else all).
struct ItemCount {
  size_t total = 0, minSuccesses = 0;
};
static llvm::Expected<ItemCount> itemCount(const core::ArrayNode& an, const core::LiteralMap& inputs,
                                           const std::set<std::string>& bound, const std::string& path) {
  std::optional<size_t> size;
  for (const auto& [name, lit] : inputs.literals()) {
    if (bound.count(name)) continue;
    if (!lit.has_collection()) return bad("node " + path + ": mapped input '" + name + "' is not a list");
    size_t n = size_t(lit.collection().literals_size());
    if (size && *size != n)
      return bad("node " + path + ": mapped inputs have different lengths (" + std::to_string(*size) + " and " +
                 std::to_string(n) + ")");
    size = n;
  }
  ItemCount c;
  c.total = c.minSuccesses = size.value_or(0);
  if (an.success_criteria_case() == core::ArrayNode::kMinSuccesses)
    c.minSuccesses = std::min<size_t>(an.min_successes(), c.total);
  else if (an.success_criteria_case() == core::ArrayNode::kMinSuccessRatio)
    c.minSuccesses = size_t(std::ceil(double(an.min_success_ratio()) * double(c.total)));
  return c;
}

namespace {

struct Failure {
  std::string node;
  std::optional<size_t> item;
  int attempt = 0, attempts = 0;
  std::string message;
  std::string describe() const {
    std::string s = "node " + node;
    if (item) s += " item " + std::to_string(*item);
    if (attempts > 0) s += " (attempt " + std::to_string(attempt) + " of " + std::to_string(attempts) + ")";
    return s + ": " + message;
  }
};

class Run {
 public:
  Run(const Program& p, const RunOptions& o) : program_(p), options_(o) {
    parallelism_ = o.defaultParallelism ? o.defaultParallelism : std::max(1u, std::thread::hardware_concurrency());
  }

  llvm::Expected<core::LiteralMap> workflow(const core::WorkflowTemplate& wf, const core::LiteralMap& inputs,
                                            const std::string& path);

 private:
  // `inputs` may be consumed (an array node frees them once written, unless the cache needs them).
  llvm::Expected<core::LiteralMap> node(const core::Node& n, core::LiteralMap& inputs, const std::string& path);
  llvm::Expected<core::LiteralMap> taskNode(const core::Node& n, const core::TaskTemplate& t,
                                            const core::LiteralMap& inputs, const std::string& path);
  llvm::Expected<core::LiteralMap> arrayNode(const core::ArrayNode& an, const core::TaskTemplate& t,
                                             core::LiteralMap& inputs, const std::string& path);
  llvm::Expected<core::LiteralMap> launchPlan(const std::string& name, const core::LiteralMap& inputs,
                                              const std::string& path);
  // An ArrayNode over a launch plan: one execution of it per item, in order.
  llvm::Expected<core::LiteralMap> arrayOverLaunchPlan(const core::ArrayNode& an, const std::string& name,
                                                       const core::LiteralMap& inputs, const std::string& path);

  // One item or plain task with its retries; sets `failure` when every attempt failed.
  // `indexed`: the item reads the whole inputs and picks element `index` (a map-task template); else `index`
  // only names the item in failures.
  std::optional<core::LiteralMap> attempts(const core::TaskTemplate& t, const std::string& inputsPath,
                                           const std::string& dir, std::optional<size_t> index,
                                           const std::string& nodePath, Failure& failure, bool indexed = true);
  uint64_t memoryLimit(const core::TaskTemplate& t) const;
  void cacheCheck() {
    if (!options_.cache || cacheReported_.exchange(true)) return;
    if (auto p = options_.cache->problem(); !p.empty() && options_.observer) options_.observer->cacheProblem(p);
    else cacheReported_ = false;
  }

  const Program& program_;
  const RunOptions& options_;
  unsigned parallelism_;
  std::atomic<bool> cancelled_{false};
  std::atomic<bool> cacheReported_{false};
};

// How many bindings still read each (node, output): the last one moves the value out instead of copying it, so
// that a 100,000-item list passed from one node to the next exists once, not once per hop.
using Uses = std::map<std::pair<std::string, std::string>, int>;

static void countUses(const core::BindingData& b, Uses& uses) {
  if (b.has_promise()) ++uses[{b.promise().node_id(), b.promise().var()}];
  for (const auto& i : b.collection().bindings()) countUses(i, uses);
  for (const auto& [k, i] : b.map().bindings()) countUses(i, uses);
}

llvm::Expected<core::Literal> resolve(const core::BindingData& b, std::map<std::string, core::LiteralMap>& outs,
                                      Uses& uses) {
  core::Literal out;
  switch (b.value_case()) {
    case core::BindingData::kScalar: *out.mutable_scalar() = b.scalar(); return out;
    case core::BindingData::kCollection:
      for (const auto& item : b.collection().bindings()) {
        auto v = resolve(item, outs, uses);
        if (!v) return v.takeError();
        *out.mutable_collection()->add_literals() = std::move(*v);
      }
      out.mutable_collection();
      return out;
    case core::BindingData::kMap:
      out.mutable_map();
      for (const auto& [k, item] : b.map().bindings()) {
        auto v = resolve(item, outs, uses);
        if (!v) return v.takeError();
        (*out.mutable_map()->mutable_literals())[k] = std::move(*v);
      }
      return out;
    case core::BindingData::kPromise: {
      const auto& p = b.promise();
      if (p.attr_path_size()) return bad("attribute paths in bindings are not supported by the local executor");
      auto it = outs.find(p.node_id());
      if (it == outs.end()) return bad("binding refers to node '" + p.node_id() + "', which has no outputs");
      auto v = it->second.mutable_literals()->find(p.var());
      if (v == it->second.mutable_literals()->end())
        return bad("binding refers to '" + p.node_id() + "." + p.var() + "', which does not exist");
      if (--uses[{p.node_id(), p.var()}] <= 0) return std::move(v->second);
      return v->second;
    }
    default: return bad("empty binding");
  }
}

llvm::Expected<core::LiteralMap> resolveAll(const google::protobuf::RepeatedPtrField<core::Binding>& bindings,
                                            std::map<std::string, core::LiteralMap>& outs, Uses& uses) {
  core::LiteralMap m;
  for (const auto& b : bindings) {
    auto v = resolve(b.binding(), outs, uses);
    if (!v) return bad("input '" + b.var() + "': " + llvm::toString(v.takeError()));
    (*m.mutable_literals())[b.var()] = std::move(*v);
  }
  return m;
}

static void promiseNodes(const core::BindingData& b, std::set<std::string>& out) {
  if (b.has_promise()) out.insert(b.promise().node_id());
  for (const auto& i : b.collection().bindings()) promiseNodes(i, out);
  for (const auto& [k, i] : b.map().bindings()) promiseNodes(i, out);
}

static const std::string kStartNode = "start-node";

llvm::Expected<core::LiteralMap> Run::workflow(const core::WorkflowTemplate& wf, const core::LiteralMap& inputs,
                                               const std::string& path) {
  // Dependencies: upstream ids and the nodes bindings read from.
  std::map<std::string, const core::Node*> nodes;
  std::map<std::string, std::set<std::string>> deps;
  for (const auto& n : wf.nodes()) {
    if (n.id() == kStartNode || n.id() == "end-node") continue;
    nodes[n.id()] = &n;
    auto& d = deps[n.id()];
    for (const auto& up : n.upstream_node_ids()) d.insert(up);
    for (const auto& b : n.inputs()) promiseNodes(b.binding(), d);
    if (n.has_array_node())
      for (const auto& b : n.array_node().node().inputs()) promiseNodes(b.binding(), d);
    d.erase(kStartNode);
    d.erase("");  // flytekit and flytecc name the workflow's inputs with an empty node id
  }
  for (const auto& [id, d] : deps)
    for (const auto& up : d)
      if (!nodes.count(up)) return bad("workflow " + wf.id().name() + ": node " + id + " depends on unknown node " + up);

  Uses uses;
  for (const auto& [id, n] : nodes)
    for (const auto& b : n->has_array_node() ? n->array_node().node().inputs() : n->inputs())
      countUses(b.binding(), uses);
  for (const auto& b : wf.outputs()) countUses(b.binding(), uses);
  std::map<std::string, core::LiteralMap> outputs;  // the workflow's inputs under the names bindings read them by
  for (const std::string& start : {kStartNode, std::string()}) {
    auto used = uses.lower_bound({start, ""});
    outputs[start] = used != uses.end() && used->first.first == start ? inputs : core::LiteralMap();
  }
  std::mutex mu;
  std::condition_variable cv;
  std::set<std::string> done, running;
  std::optional<llvm::Error> firstError;
  std::vector<std::thread> threads;
  auto prefix = [&](const std::string& id) { return path.empty() ? id : path + "/" + id; };

  std::unique_lock lock(mu);
  while (true) {
    if (!firstError) {
      for (const auto& [id, n] : nodes) {
        if (done.count(id) || running.count(id)) continue;
        bool ready = std::all_of(deps[id].begin(), deps[id].end(), [&](const auto& d) { return done.count(d) > 0; });
        if (!ready) continue;
        auto in = resolveAll(n->has_array_node() ? n->array_node().node().inputs() : n->inputs(), outputs, uses);
        if (!in) {
          firstError = bad("node " + prefix(id) + ": " + llvm::toString(in.takeError()));
          cancelled_ = true;
          break;
        }
        running.insert(id);
        threads.emplace_back([&, id, n, in = std::move(*in)]() mutable {
          auto r = node(*n, in, prefix(id));
          std::lock_guard g(mu);
          running.erase(id);
          if (r) {
            outputs[id] = std::move(*r);
            done.insert(id);
          } else if (!firstError) {
            firstError = r.takeError();
            cancelled_ = true;
          } else {
            llvm::consumeError(r.takeError());
          }
          cv.notify_all();
        });
      }
    }
    if (running.empty()) break;
    cv.wait(lock);
  }
  lock.unlock();
  for (auto& t : threads) t.join();
  if (firstError) return std::move(*firstError);
  if (done.size() != nodes.size()) return bad("workflow " + wf.id().name() + " has a dependency cycle");
  auto result = resolveAll(wf.outputs(), outputs, uses);
  if (!result) return bad("workflow " + wf.id().name() + " outputs: " + llvm::toString(result.takeError()));
  return result;
}

llvm::Expected<core::LiteralMap> Run::node(const core::Node& n, core::LiteralMap& inputs,
                                           const std::string& path) {
  // A reference entity (its own project, domain and version, not in the program) is registered on Flyte only.
  auto missing = [&](const core::Identifier& id, const char* what) {
    if (!id.version().empty() && id.version().find("{{") == std::string::npos)
      return bad("node " + path + ": '" + id.name() + "' is a reference " + what + " (" + id.project() + "/" +
                 id.domain() + "/" + id.name() + ":" + id.version() +
                 "), registered on Flyte: flytecc run cannot run it locally" +
                 (std::string(what) == "task" ? " (define its declared C++ function to give it a local stand-in)" : ""));
    return bad("node " + path + ": no " + what + " named '" + id.name() + "'");
  };
  if (n.has_task_node()) {
    const auto* t = program_.findTask(n.task_node().reference_id().name());
    if (!t) return missing(n.task_node().reference_id(), "task");
    return taskNode(n, *t, inputs, path);
  }
  if (n.has_array_node()) {
    const core::Node& sub = n.array_node().node();
    if (sub.has_workflow_node() && sub.workflow_node().has_launchplan_ref()) {
      const auto& id = sub.workflow_node().launchplan_ref();
      if (!program_.findLaunchPlan(id.name())) return missing(id, "launch plan");
      return arrayOverLaunchPlan(n.array_node(), id.name(), inputs, path);
    }
    if (!sub.has_task_node()) return bad("node " + path + ": only task and launch-plan array nodes are supported locally");
    const auto* t = program_.findTask(sub.task_node().reference_id().name());
    if (!t) return missing(sub.task_node().reference_id(), "task");
    return arrayNode(n.array_node(), *t, inputs, path);
  }
  if (n.has_workflow_node()) {
    const auto& wn = n.workflow_node();
    if (wn.has_launchplan_ref()) {
      if (!program_.findLaunchPlan(wn.launchplan_ref().name()) && !wn.launchplan_ref().version().empty())
        return missing(wn.launchplan_ref(), "launch plan");
      return launchPlan(wn.launchplan_ref().name(), inputs, path);
    }
    const auto* wf = program_.findWorkflow(wn.sub_workflow_ref().name());
    if (!wf) return bad("node " + path + ": no workflow named '" + wn.sub_workflow_ref().name() + "'");
    if (options_.observer) options_.observer->nodeStarted(path, wf->id().name(), std::nullopt);
    auto r = workflow(*wf, inputs, path);
    if (options_.observer) options_.observer->nodeFinished(path, bool(r), false, {});
    return r;
  }
  return bad("node " + path + ": branch and gate nodes are not supported by the local executor");
}

llvm::Expected<core::LiteralMap> Run::launchPlan(const std::string& name, const core::LiteralMap& given,
                                                 const std::string& path) {
  const auto* lp = program_.findLaunchPlan(name);
  std::string wfName = lp ? lp->spec().workflow_id().name() : name;
  const auto* wf = program_.findWorkflow(wfName);
  if (!wf) return bad("node " + path + ": no launch plan or workflow named '" + name + "'");
  core::LiteralMap inputs = withLaunchPlan(lp, given);
  if (options_.observer) options_.observer->nodeStarted(path, name, std::nullopt);
  auto r = workflow(*wf, inputs, path);
  if (options_.observer) options_.observer->nodeFinished(path, bool(r), false, {});
  return r;
}

llvm::Expected<core::LiteralMap> Run::arrayOverLaunchPlan(const core::ArrayNode& an, const std::string& name,
                                                          const core::LiteralMap& inputs, const std::string& path) {
  const auto* lp = program_.findLaunchPlan(name);
  const auto* wf = lp ? program_.findWorkflow(lp->spec().workflow_id().name()) : nullptr;
  if (!wf) return bad("node " + path + ": no workflow for launch plan '" + name + "'");
  std::vector<std::string> boundList(an.bound_inputs().begin(), an.bound_inputs().end());
  auto count = itemCount(an, inputs, std::set<std::string>(boundList.begin(), boundList.end()), path);
  if (!count) return count.takeError();
  const size_t total = count->total;
  size_t minSuccesses = count->minSuccesses;
  core::LiteralMap gathered;
  for (const auto& [out, var] : wf->interface().outputs().variables()) (*gathered.mutable_literals())[out].mutable_collection();
  size_t failed = 0;
  std::string firstError;
  for (size_t i = 0; i < total; ++i) {
    auto r = launchPlan(name, runtime::mapitem::itemInputs(inputs, boundList, int64_t(i)), path + "/" + std::to_string(i));
    for (auto& [out, list] : *gathered.mutable_literals()) {
      core::Literal* slot = list.mutable_collection()->add_literals();
      if (r && r->literals().count(out)) *slot = r->literals().at(out);
      else *slot = noneLiteral();
    }
    if (!r) {
      ++failed;
      std::string message = llvm::toString(r.takeError());
      if (firstError.empty()) firstError = message;
      if (total - failed < minSuccesses)
        return bad("node " + path + ": " + std::to_string(failed) + " of " + std::to_string(total) +
                   " launch-plan executions failed; " + std::to_string(minSuccesses) + " needed to succeed\nfirst failure: " +
                   firstError);
    }
  }
  return gathered;
}

uint64_t Run::memoryLimit(const core::TaskTemplate& t) const {
  for (const auto& e : t.container().resources().limits())
    if (e.name() == core::Resources::MEMORY)
      if (auto q = parseQuantity(e.value())) return *q;
  return options_.memoryLimitBytes;
}

std::optional<core::LiteralMap> Run::attempts(const core::TaskTemplate& t, const std::string& inputsPath,
                                              const std::string& dir, std::optional<size_t> index,
                                              const std::string& nodePath, Failure& failure, bool indexed) {
  int total = 1 + int(t.metadata().retries().retries());
  ItemRequest r;
  r.task = &t;
  r.inputsPath = inputsPath;
  r.arrayIndex = index && indexed ? std::optional<int64_t>(int64_t(*index)) : std::nullopt;
  const auto& to = t.metadata().timeout();
  r.timeout = std::chrono::milliseconds(to.seconds() * 1000 + to.nanos() / 1000000);
  r.memoryLimitBytes = memoryLimit(t);
  for (int attempt = 1; attempt <= total; ++attempt) {
    r.outputPrefix = attempt == 1 ? dir : dir + "-attempt" + std::to_string(attempt);
    ItemOutcome o = options_.launcher->run(r);
    if (o.ok) return std::move(o.outputs);
    failure = {nodePath, index, attempt, total, o.message};
    if (!o.recoverable || cancelled_) break;
    if (attempt < total && options_.observer) options_.observer->itemRetried(nodePath, index, attempt, o.message);
  }
  return std::nullopt;
}

llvm::Expected<core::LiteralMap> Run::taskNode(const core::Node& n, const core::TaskTemplate& t,
                                               const core::LiteralMap& inputs, const std::string& path) {
  if (options_.observer) options_.observer->nodeStarted(path, t.id().name(), std::nullopt);
  std::optional<CacheKey> key;
  if (options_.cache && t.metadata().discoverable()) {
    key = makeCacheKey(t.id().name(), t.metadata().discovery_version(), t.interface(), "", inputs);
    if (auto hit = options_.cache->lookup(*key)) {
      if (options_.observer) options_.observer->nodeFinished(path, true, true, {});
      return std::move(*hit);
    }
    cacheCheck();
  }
  std::string dir = join(options_.runDir, path);
  std::string inputsPath = join(dir, "inputs.pb");
  if (auto e = writeFile(inputsPath, serializeDeterministic(inputs))) return e;
  Failure failure;
  auto out = attempts(t, inputsPath, join(dir, "out"), std::nullopt, path, failure);
  if (options_.observer) options_.observer->nodeFinished(path, bool(out), false, {});
  if (!out) return bad(failure.describe());
  if (key) {
    options_.cache->store(*key, *out);
    cacheCheck();
  }
  return std::move(*out);
}

// A map-task template (--map-bound-inputs): every item reads the node's inputs and picks its own element. Any
// other template under an ArrayNode (a reference task's local stand-in) is a plain task: each item gets inputs of
// its own, one value per mapped input, as propeller's ArrayNode hands each sub-node.
static bool isMapTemplate(const core::TaskTemplate& t) {
  const auto& args = t.container().args();
  return std::find(args.begin(), args.end(), std::string(contract::kMapBoundInputsArg)) != args.end();
}

llvm::Expected<core::LiteralMap> Run::arrayNode(const core::ArrayNode& an, const core::TaskTemplate& t,
                                                core::LiteralMap& inputs, const std::string& path) {
  std::vector<std::string> boundList(an.bound_inputs().begin(), an.bound_inputs().end());
  std::set<std::string> bound(boundList.begin(), boundList.end());
  auto count = itemCount(an, inputs, bound, path);
  if (!count) return count.takeError();
  const size_t total = count->total;
  size_t minSuccesses = count->minSuccesses;
  unsigned parallelism = an.parallelism_option_case() == core::ArrayNode::kParallelism && an.parallelism() > 0
                             ? unsigned(an.parallelism())
                             : parallelism_;
  if (options_.observer) options_.observer->nodeStarted(path, t.id().name(), total);

  std::string dir = join(options_.runDir, path);
  std::string inputsPath = join(dir, "inputs.pb");
  if (auto e = writeFile(inputsPath, serializeDeterministic(inputs))) return e;

  const bool useCache = options_.cache && t.metadata().discoverable();
  const bool indexed = isMapTemplate(t);
  // The items read inputs.pb; the engine needs the values only for the items' cache keys. Freed here, the list's
  // memory serves the gathered outputs below.
  if (!useCache && indexed) inputs.Clear();
  std::string boundNames;
  for (const auto& b : bound) boundNames += b + ",";
  // The outputs, gathered as the items finish: one list per output, an item's values moved into slot i (memory
  // beyond the outputs themselves stays flat in the number of items). Slots of failed items become none.
  core::LiteralMap gathered;
  std::vector<google::protobuf::RepeatedPtrField<core::Literal>*> lists;
  std::vector<std::string> outputNames;
  for (const auto& [name, var] : t.interface().outputs().variables()) {
    auto* coll = (*gathered.mutable_literals())[name].mutable_collection()->mutable_literals();
    coll->Reserve(int(total));
    for (size_t i = 0; i < total; ++i) coll->Add();
    lists.push_back(coll);
    outputNames.push_back(name);
  }
  std::vector<bool> succeeded(total, false);
  auto keep = [&](size_t i, core::LiteralMap& values) {  // with mu held
    succeeded[i] = true;
    for (size_t k = 0; k < lists.size(); ++k) {
      auto it = values.mutable_literals()->find(outputNames[k]);
      if (it != values.mutable_literals()->end()) (*lists[k])[int(i)].Swap(&it->second);
    }
  };
  std::mutex mu;
  MapCounts counts;
  counts.total = total;
  std::optional<Failure> firstFailure;
  std::atomic<size_t> next{0};
  std::atomic<bool> hopeless{false};  // the threshold can no longer be met: start no more items
  auto report = [&] {  // with mu held
    if (options_.observer) options_.observer->mapProgress(path, counts);
  };
  auto worker = [&] {
    while (true) {
      size_t i = next++;
      if (i >= total || cancelled_ || hopeless) return;
      std::optional<CacheKey> key;
      if (useCache) {
        key = makeCacheKey(t.id().name(), t.metadata().discovery_version(), t.interface(), "map:" + boundNames,
                           runtime::mapitem::itemInputs(inputs, boundList, int64_t(i)));
        if (auto hit = options_.cache->lookup(*key)) {
          std::lock_guard g(mu);
          keep(i, *hit);
          ++counts.cached;
          report();
          continue;
        }
        cacheCheck();
      }
      {
        std::lock_guard g(mu);
        ++counts.running;
        report();
      }
      Failure failure;
      // A plain template's item reads inputs of its own (see isMapTemplate).
      std::string itemInputsPath = indexed ? inputsPath : join(dir, "inputs-" + std::to_string(i) + ".pb");
      llvm::Error written =
          indexed ? llvm::Error::success()
                  : writeFile(itemInputsPath,
                              serializeDeterministic(runtime::mapitem::itemInputs(inputs, boundList, int64_t(i))));
      std::optional<core::LiteralMap> out;
      if (written)
        failure = {path, i, 1, 1, llvm::toString(std::move(written))};
      else
        out = attempts(t, itemInputsPath, join(dir, std::to_string(i)), i, path, failure, indexed);
      if (out && key) {
        options_.cache->store(*key, *out);
        cacheCheck();
      }
      std::lock_guard g(mu);
      --counts.running;
      if (out) {
        keep(i, *out);
        ++counts.succeeded;
      } else {
        ++counts.failed;
        if (!firstFailure) firstFailure = failure;
        if (total - counts.failed < minSuccesses) hopeless = true;
      }
      report();
    }
  };
  unsigned threads = unsigned(std::min<size_t>(parallelism, std::max<size_t>(total, 1)));
  std::vector<std::thread> pool;
  for (unsigned k = 1; k < threads; ++k) pool.emplace_back(worker);
  worker();
  for (auto& th : pool) th.join();

  size_t successes = counts.succeeded + counts.cached;
  bool ok = successes >= minSuccesses;
  if (options_.observer) options_.observer->nodeFinished(path, ok, false, counts);
  if (cancelled_ && !hopeless && successes + counts.failed < total) return bad("node " + path + ": cancelled");
  if (!ok) {
    std::string msg = "node " + path + ": " + std::to_string(counts.failed) + " of " + std::to_string(total) +
                      " items failed; " + std::to_string(successes) + " succeeded, " + std::to_string(minSuccesses) +
                      " needed";
    if (firstFailure) msg += "\nfirst failure: " + firstFailure->describe();
    return bad(msg);
  }
  for (size_t i = 0; i < total; ++i)
    if (!succeeded[i])
      for (auto* list : lists) (*list)[int(i)] = noneLiteral();
  return gathered;
}

}  // namespace

// Runs workflow `wfName` with `given`, completed by launch plan `lp` (fixed inputs, then defaults for inputs not
// given); every declared input must then be present. `what` names the entity in errors.
static llvm::Expected<core::LiteralMap> launch(const Program& program, const std::string& wfName,
                                               const flyteidl::admin::LaunchPlan* lp, const core::LiteralMap& given,
                                               const RunOptions& options, const std::string& what) {
  if (!options.launcher) return bad("no launcher");
  const auto* wf = program.findWorkflow(wfName);
  if (!wf) return bad("no workflow named '" + wfName + "'");
  core::LiteralMap inputs = withLaunchPlan(lp, given);
  std::set<std::string> missing;  // sorted: the message names the same input every time
  for (const auto& [k, v] : wf->interface().inputs().variables())
    if (!inputs.literals().count(k)) missing.insert(k);
  if (!missing.empty()) {
    const std::string& k = *missing.begin();
    return bad(what + " needs input '" + k + "' (give --input " + k + "=JSON)");
  }
  Run run(program, options);
  return run.workflow(*wf, inputs, "");
}

llvm::Expected<core::LiteralMap> runWorkflow(const Program& program, const std::string& name,
                                             const core::LiteralMap& given, const RunOptions& options) {
  return launch(program, name, program.findLaunchPlan(name), given, options, "workflow '" + name + "'");
}

// Named launch plans: those not named after a workflow (a workflow's default launch plan has its name).
static std::vector<std::string> namedLaunchPlans(const Program& program) {
  std::vector<std::string> out;
  for (const auto& [n, lp] : program.launchPlans)
    if (!program.findWorkflow(n)) out.push_back(n);
  return out;
}

llvm::Expected<std::string> chooseLaunchPlan(const Program& program, const std::string& name) {
  std::vector<std::string> all = namedLaunchPlans(program);
  if (all.empty()) return bad("the sources declare no launch plan (FLYTE_LAUNCH_PLAN)");
  return chooseNamed(all, name, "launch plan", "--launch-plan");
}

llvm::Expected<std::string> launchedWorkflow(const Program& program, const std::string& launchPlan) {
  const auto* lp = program.findLaunchPlan(launchPlan);
  if (!lp) return bad("no launch plan named '" + launchPlan + "'");
  const std::string& wf = lp->spec().workflow_id().name();
  if (!program.findWorkflow(wf))
    return bad("launch plan '" + launchPlan + "' launches '" + wf + "', which the sources do not define");
  return wf;
}

llvm::Expected<core::LiteralMap> runLaunchPlan(const Program& program, const std::string& name,
                                               const core::LiteralMap& given, const RunOptions& options) {
  auto wf = launchedWorkflow(program, name);
  if (!wf) return wf.takeError();
  const auto* lp = program.findLaunchPlan(name);
  for (const auto& [k, v] : given.literals())
    if (lp->spec().fixed_inputs().literals().count(k))
      return bad("input '" + k + "' is fixed by launch plan '" + name + "'; it cannot be given");
  return launch(program, *wf, lp, given, options, "launch plan '" + name + "'");
}

}  // namespace flytecc::executor
