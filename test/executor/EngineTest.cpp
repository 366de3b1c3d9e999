// The local executor against the real task runtime: the test tasks (TestTasks.cpp) run as child processes of
// executor_test_task, or in process through runtime::runTask.
#include <gtest/gtest.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "executor/Engine.h"
#include "support/Sanitizers.h"
#include "executor/Literals.h"
#include "flyteidl/TaskContract.h"
#include "runtime/ItemRunner.h"
#include "runtime/TaskRuntime.h"
#include "test/executor/TestTasks.h"

using namespace flytecc;
using namespace flytecc::executor;
namespace core = flyteidl::core;

namespace {

core::LiteralType simple(core::SimpleType t) {
  core::LiteralType out;
  out.set_simple(t);
  return out;
}
core::LiteralType listOf(const core::LiteralType& t) {
  core::LiteralType out;
  *out.mutable_collection_type() = t;
  return out;
}
const core::LiteralType kInt = simple(core::INTEGER), kStr = simple(core::STRING);

void addVar(core::VariableMap* m, const std::string& name, const core::LiteralType& t) {
  *(*m->mutable_variables())[name].mutable_type() = t;
}

struct TaskSpec {
  std::string name, runs;
  std::vector<std::pair<std::string, core::LiteralType>> inputs, outputs;
  std::optional<std::vector<std::string>> bound;  // a map task
  int retries = 0;
  int timeoutSeconds = 0;
  bool cache = false;
  std::string cacheVersion = "1";
  std::string memoryLimit;
};

// A TaskTemplate with the contract's container arguments, as the lowering writes them.
core::TaskTemplate makeTask(const TaskSpec& s) {
  namespace c = flytecc::contract;
  core::TaskTemplate t;
  t.mutable_id()->set_resource_type(core::TASK);
  t.mutable_id()->set_name(s.name);
  t.set_type("container");
  for (const auto& [n, ty] : s.inputs) addVar(t.mutable_interface()->mutable_inputs(), n, ty);
  for (const auto& [n, ty] : s.outputs) addVar(t.mutable_interface()->mutable_outputs(), n, ty);
  t.mutable_metadata()->mutable_retries()->set_retries(s.retries);
  if (s.timeoutSeconds) t.mutable_metadata()->mutable_timeout()->set_seconds(s.timeoutSeconds);
  t.mutable_metadata()->set_discoverable(s.cache);
  t.mutable_metadata()->set_discovery_version(s.cacheVersion);
  auto* cont = t.mutable_container();
  for (auto a : {c::kTaskExecutable, c::kInputsArg, c::kInputTemplate, c::kOutputPrefixArg, c::kOutputPrefixTemplate,
                 c::kRawOutputDataPrefixArg, c::kRawOutputDataPrefixTemplate, c::kCheckpointPathArg,
                 c::kCheckpointOutputPrefixTemplate, c::kPrevCheckpointArg, c::kPrevCheckpointPrefixTemplate, c::kTaskArg})
    cont->add_args(std::string(a));
  cont->add_args(s.runs.empty() ? s.name : s.runs);
  if (s.bound) {
    std::string b;
    for (const auto& n : *s.bound) b += (b.empty() ? "" : ",") + n;
    cont->add_args(std::string(c::kMapBoundInputsArg));
    cont->add_args(b);
  }
  if (!s.memoryLimit.empty()) {
    auto* e = cont->mutable_resources()->add_limits();
    e->set_name(core::Resources::MEMORY);
    e->set_value(s.memoryLimit);
  }
  return t;
}

core::BindingData promise(const std::string& node, const std::string& var) {
  core::BindingData b;
  b.mutable_promise()->set_node_id(node);
  b.mutable_promise()->set_var(var);
  return b;
}
void bind(google::protobuf::RepeatedPtrField<core::Binding>* out, const std::string& var, core::BindingData b) {
  auto* x = out->Add();
  x->set_var(var);
  *x->mutable_binding() = std::move(b);
}

struct MapOptions {
  std::optional<uint32_t> parallelism;
  std::optional<float> minSuccessRatio;
};

// wf(xs: list<int>, dir: str) -> o0: list<int> = map(task)(x=xs, dir=dir), dir bound.
Program mapProgram(TaskSpec item, const MapOptions& mo = {}) {
  Program p;
  TaskSpec map = item;
  map.runs = item.name;
  map.name = item.name + "-map";
  map.bound = std::vector<std::string>{};
  map.inputs.clear();
  for (const auto& [n, ty] : item.inputs) {
    if (n == "dir") map.bound->push_back(n), map.inputs.emplace_back(n, ty);
    else map.inputs.emplace_back(n, listOf(ty));
  }
  map.outputs = {{"o0", listOf(item.outputs[0].second)}};
  p.tasks[map.name] = makeTask(map);
  core::WorkflowTemplate wf;
  wf.mutable_id()->set_name("wf");
  addVar(wf.mutable_interface()->mutable_inputs(), "xs", listOf(kInt));
  addVar(wf.mutable_interface()->mutable_inputs(), "dir", kStr);
  addVar(wf.mutable_interface()->mutable_outputs(), "o0", listOf(item.outputs[0].second));
  auto* n = wf.add_nodes();
  n->set_id("n0");
  auto* an = n->mutable_array_node();
  auto* sub = an->mutable_node();
  sub->set_id("n0-sub");
  sub->mutable_task_node()->mutable_reference_id()->set_name(map.name);
  for (const auto& [name, ty] : item.inputs)
    bind(sub->mutable_inputs(), name, promise("start-node", name == "dir" ? "dir" : "xs"));
  for (const auto& b : *map.bound) an->add_bound_inputs(b);
  if (mo.parallelism) an->set_parallelism(*mo.parallelism);
  an->set_min_success_ratio(mo.minSuccessRatio.value_or(1.0f));
  bind(wf.mutable_outputs(), "o0", promise("n0", "o0"));
  p.workflows["wf"] = wf;
  return p;
}

// Every test runs with a process per item and with persistent workers.
class EngineTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    llvm::SmallString<128> d;
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("executor-test", d));
    dir_ = std::string(d);
    runDir_ = dir_ + "/run";
    launcher_ = GetParam() == "worker" ? makeWorkerLauncher(TEST_TASK_EXE) : makeProcessLauncher(TEST_TASK_EXE);
  }
  void TearDown() override { llvm::sys::fs::remove_directories(dir_); }

  core::LiteralMap inputs(const std::vector<int64_t>& xs) {
    std::string json = "[";
    for (size_t i = 0; i < xs.size(); ++i) json += (i ? "," : "") + std::to_string(xs[i]);
    json += "]";
    auto l = literalFromJson(json, listOf(kInt));
    EXPECT_TRUE(bool(l));
    core::LiteralMap m;
    (*m.mutable_literals())["xs"] = *l;
    (*m.mutable_literals())["dir"].mutable_scalar()->mutable_primitive()->set_string_value(dir_);
    return m;
  }
  llvm::Expected<core::LiteralMap> run(const Program& p, const core::LiteralMap& in, Cache* cache = nullptr,
                                       Launcher* launcher = nullptr) {
    RunOptions o;
    o.runDir = runDir_;
    o.launcher = launcher ? launcher : launcher_.get();
    o.cache = cache;
    o.defaultParallelism = 2;
    return runWorkflow(p, "wf", in, o);
  }
  static std::string json(const core::LiteralMap& m, const std::string& var = "o0") {
    std::string s;
    llvm::raw_string_ostream os(s);
    os << literalToJson(m.literals().at(var));
    return s;
  }
  int lines(const std::string& name) {
    std::ifstream in(dir_ + "/" + name);
    int n = 0;
    for (std::string l; std::getline(in, l);) ++n;
    return n;
  }

  std::string dir_, runDir_;
  std::unique_ptr<Launcher> launcher_;
};

const TaskSpec kSquare{"t.square", "", {{"x", kInt}}, {{"o0", kInt}}};

TEST_P(EngineTest, MapSquaresInChildProcesses) {
  auto r = run(mapProgram(kSquare), inputs({1, 2, 3, 4, 5}));
  ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
  EXPECT_EQ(json(*r), "[1,4,9,16,25]");
}

TEST_P(EngineTest, MapSquaresInProcess) {
  runtime::ItemRunner runner(testTasks());
  auto launcher = makeInProcessLauncher([&](const std::vector<std::string>& args, const auto& env,
                                                    flyteidl::core::LiteralMap* outputs) {
    std::optional<int64_t> index;
    for (const auto& [k, v] : env)
      if (k == contract::kDefaultArrayIndexEnv) index = std::stoll(v);
    return runner.run({args.begin() + 1, args.end()}, index, outputs, /*writeOutputs=*/false) ? 0 : 1;
  });
  auto r = run(mapProgram(kSquare), inputs({1, 2, 3, 4, 5}), nullptr, launcher.get());
  ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
  EXPECT_EQ(json(*r), "[1,4,9,16,25]");
}

TEST_P(EngineTest, EmptyMap) {
  auto r = run(mapProgram(kSquare), inputs({}));
  ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
  EXPECT_EQ(json(*r), "[]");
}

TEST_P(EngineTest, ConcurrencyLimitMeasuredByItems) {
  TaskSpec stamp{"t.stamp", "", {{"dir", kStr}, {"x", kInt}}, {{"o0", kInt}}};
  for (uint32_t limit : {1u, 3u}) {
    llvm::sys::fs::remove_directories(runDir_);
    std::vector<int64_t> xs;
    for (int i = 0; i < 9; ++i) xs.push_back(i + 100 * limit);
    auto r = run(mapProgram(stamp, {.parallelism = limit}), inputs(xs));
    ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
    std::vector<std::pair<int64_t, int>> events;  // +1 at a start, -1 at an end
    for (auto x : xs) {
      std::ifstream in(dir_ + "/stamp-" + std::to_string(x));
      int64_t a = 0, b = 0;
      ASSERT_TRUE(in >> a >> b) << x;
      events.emplace_back(a, +1);
      events.emplace_back(b, -1);
    }
    std::sort(events.begin(), events.end());
    int live = 0, peak = 0;
    for (auto [t, d] : events) peak = std::max(peak, live += d);
    EXPECT_LE(peak, int(limit)) << "items overlapped beyond the concurrency limit";
    EXPECT_GE(peak, 1);
  }
}

TEST_P(EngineTest, CrashesFailOnlyTheirItemWithReasons) {
  TaskSpec crash{"t.crash", "", {{"x", kInt}}, {{"o0", kInt}}};
  Program p = mapProgram(crash, {.minSuccessRatio = 0.5f});
  auto r = run(p, inputs({1, 2, 3, 4, 5, 6, 7, 8}));
  ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
  EXPECT_EQ(json(*r), "[1,2,null,null,null,null,7,8]");

  // Each reason, from the launcher.
  const core::TaskTemplate& t = p.tasks.at("t.crash-map");
  std::string inputsPath = dir_ + "/in.pb";
  core::LiteralMap in = inputs({3, 4, 5, 6});
  (*in.mutable_literals())["x"] = in.literals().at("xs");
  in.mutable_literals()->erase("xs");
  in.mutable_literals()->erase("dir");
  std::ofstream(inputsPath, std::ios::binary) << serializeDeterministic(in);
  std::vector<std::string> reasons;
  for (int64_t i = 0; i < 4; ++i) {
    ItemRequest req{&t, inputsPath, dir_ + "/item" + std::to_string(i), i};
    ItemOutcome o = launcher_->run(req);
    EXPECT_FALSE(o.ok);
    reasons.push_back(o.message);
  }
  EXPECT_NE(reasons[0].find("SIGSEGV"), std::string::npos) << reasons[0];
  EXPECT_NE(reasons[1].find("SIGABRT"), std::string::npos) << reasons[1];
  EXPECT_NE(reasons[2].find("exit code 7"), std::string::npos) << reasons[2];
  EXPECT_NE(reasons[3].find("six is not allowed"), std::string::npos) << reasons[3];
}

TEST_P(EngineTest, BelowTheThresholdTheNodeFailsNamingAnItem) {
  TaskSpec crash{"t.crash", "", {{"x", kInt}}, {{"o0", kInt}}};
  auto r = run(mapProgram(crash, {.parallelism = 1, .minSuccessRatio = 0.75f}), inputs({1, 2, 3, 4, 5, 6, 7, 8}));
  ASSERT_FALSE(bool(r));
  std::string msg = llvm::toString(r.takeError());
  EXPECT_NE(msg.find("node n0"), std::string::npos) << msg;
  EXPECT_NE(msg.find("6 needed"), std::string::npos) << msg;
  EXPECT_NE(msg.find("item 2 (attempt 1 of 1)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("SIGSEGV"), std::string::npos) << msg;
}

// Flyte retries recoverable failures (crashes, timeouts, system errors), not the user exceptions the runtime marks
// NON_RECOVERABLE.
TEST_P(EngineTest, UserExceptionsAreNotRetried) {
  TaskSpec crash{"t.crash", "", {{"x", kInt}}, {{"o0", kInt}}, {}, /*retries=*/2};
  auto r = run(mapProgram(crash), inputs({6}));
  ASSERT_FALSE(bool(r));
  std::string msg = llvm::toString(r.takeError());
  EXPECT_NE(msg.find("item 0 (attempt 1 of 3): USER:std::invalid_argument"), std::string::npos) << msg;
}

TEST_P(EngineTest, RetriesUntilSuccess) {
  TaskSpec flaky{"t.flaky", "", {{"dir", kStr}, {"x", kInt}}, {{"o0", kInt}}, {}, /*retries=*/2};
  auto r = run(mapProgram(flaky), inputs({7, 8}));
  ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
  EXPECT_EQ(json(*r), "[7,8]");
}

TEST_P(EngineTest, RetriesExhausted) {
  TaskSpec flaky{"t.flaky", "", {{"dir", kStr}, {"x", kInt}}, {{"o0", kInt}}, {}, /*retries=*/1};
  auto r = run(mapProgram(flaky), inputs({7}));
  ASSERT_FALSE(bool(r));
  std::string msg = llvm::toString(r.takeError());
  EXPECT_NE(msg.find("item 0 (attempt 2 of 2)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("flaky attempt 2"), std::string::npos) << msg;
  EXPECT_NE(msg.find("SIGABRT"), std::string::npos) << msg;
}

TEST_P(EngineTest, TimeoutFailsTheHangingItem) {
  TaskSpec hang{"t.hang", "", {{"x", kInt}}, {{"o0", kInt}}, {}, 0, /*timeoutSeconds=*/1};
  auto r = run(mapProgram(hang, {.minSuccessRatio = 0.5f}), inputs({0, 1}));
  ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
  EXPECT_EQ(json(*r), "[0,null]");
  auto r2 = run(mapProgram(hang), inputs({1}));
  ASSERT_FALSE(bool(r2));
  std::string msg = llvm::toString(r2.takeError());
  EXPECT_NE(msg.find("timed out after 1"), std::string::npos) << msg;
}

TEST_P(EngineTest, MemoryLimitFailsTheGreedyItem) {
#if FLYTECC_ASAN
  GTEST_SKIP() << "the limit is RLIMIT_AS, and AddressSanitizer reserves terabytes of shadow address space";
#endif
  TaskSpec alloc{"t.alloc", "", {{"x", kInt}}, {{"o0", kInt}}};
  alloc.memoryLimit = "1Gi";
  auto r = run(mapProgram(alloc, {.minSuccessRatio = 0.5f}), inputs({1, 2, 3}));
  ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
  EXPECT_EQ(json(*r), "[1,null,3]");
}

TEST_P(EngineTest, CacheHitsAndOneChangedItem) {
  TaskSpec counted{"t.counted", "", {{"dir", kStr}, {"x", kInt}}, {{"o0", kInt}}};
  counted.cache = true;
  Cache cache(dir_ + "/cache/c.sqlite");
  ASSERT_EQ(cache.problem(), "");
  Program p = mapProgram(counted);
  for (int round = 0; round < 2; ++round) {
    auto r = run(p, inputs({1, 2, 3}), &cache);
    ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
    EXPECT_EQ(json(*r), "[2,3,4]");
  }
  EXPECT_EQ(lines("runs-1") + lines("runs-2") + lines("runs-3"), 3);
  auto r = run(p, inputs({1, 2, 9}), &cache);
  ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
  EXPECT_EQ(json(*r), "[2,3,10]");
  EXPECT_EQ(lines("runs-1") + lines("runs-2") + lines("runs-3"), 3);
  EXPECT_EQ(lines("runs-9"), 1);
  // Another cache version is another key.
  p.tasks.at("t.counted-map").mutable_metadata()->set_discovery_version("2");
  ASSERT_TRUE(bool(run(p, inputs({1}), &cache)));
  EXPECT_EQ(lines("runs-1"), 2);
  EXPECT_EQ(cache.list().size(), 5u);
}

TEST_P(EngineTest, TwoRunsShareOneCacheFile) {
  TaskSpec counted{"t.counted", "", {{"dir", kStr}, {"x", kInt}}, {{"o0", kInt}}};
  counted.cache = true;
  Program p = mapProgram(counted);
  std::string path = dir_ + "/shared.sqlite";
  std::vector<int64_t> xs;
  for (int i = 0; i < 40; ++i) xs.push_back(i);
  auto in = inputs(xs);
  std::string errors[2];
  std::thread runs[2];
  for (int k = 0; k < 2; ++k)
    runs[k] = std::thread([&, k] {
      Cache cache(path);  // its own connection, as another process would have
      RunOptions o;
      o.runDir = runDir_ + std::to_string(k);
      o.launcher = launcher_.get();
      o.cache = &cache;
      o.defaultParallelism = 2;
      auto r = runWorkflow(p, "wf", in, o);
      if (!r) errors[k] = llvm::toString(r.takeError());
      else if (json(*r).substr(0, 7) != "[1,2,3,") errors[k] = json(*r);
      if (!cache.problem().empty()) errors[k] += cache.problem();
    });
  for (auto& t : runs) t.join();
  EXPECT_EQ(errors[0], "");
  EXPECT_EQ(errors[1], "");
  Cache after(path);
  EXPECT_EQ(after.list().size(), 40u);
  // A third run computes nothing.
  int before = 0;
  for (auto x : xs) before += lines("runs-" + std::to_string(x));
  ASSERT_TRUE(bool(run(p, in, &after)));
  int now = 0;
  for (auto x : xs) now += lines("runs-" + std::to_string(x));
  EXPECT_EQ(before, now);
}

TEST_P(EngineTest, CorruptCacheIsBypassed) {
  std::string path = dir_ + "/corrupt.sqlite";
  {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 1000; ++i) out << "this is not a database ";
  }
  TaskSpec counted{"t.counted", "", {{"dir", kStr}, {"x", kInt}}, {{"o0", kInt}}};
  counted.cache = true;
  Cache cache(path);
  EXPECT_NE(cache.problem(), "");
  auto r = run(mapProgram(counted), inputs({1, 2}), &cache);
  ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
  EXPECT_EQ(json(*r), "[2,3]");
  std::ifstream in(path);
  std::string head;
  in >> head;
  EXPECT_EQ(head, "this");  // left as it was
}

// wf(a, b=5) -> add(add(a, b), sub(a)) where sub is a sub-workflow squaring a; independent nodes run in parallel.
TEST_P(EngineTest, SubWorkflowsAndLaunchPlanDefaults) {
  Program p;
  p.tasks["t.add"] = makeTask({"t.add", "", {{"a", kInt}, {"b", kInt}}, {{"o0", kInt}}});
  p.tasks["t.square"] = makeTask(kSquare);
  core::WorkflowTemplate sub;
  sub.mutable_id()->set_name("sub");
  addVar(sub.mutable_interface()->mutable_inputs(), "v", kInt);
  addVar(sub.mutable_interface()->mutable_outputs(), "o0", kInt);
  auto* s0 = sub.add_nodes();
  s0->set_id("n0");
  s0->mutable_task_node()->mutable_reference_id()->set_name("t.square");
  bind(s0->mutable_inputs(), "x", promise("start-node", "v"));
  bind(sub.mutable_outputs(), "o0", promise("n0", "o0"));
  p.workflows["sub"] = sub;

  core::WorkflowTemplate wf;
  wf.mutable_id()->set_name("wf");
  addVar(wf.mutable_interface()->mutable_inputs(), "a", kInt);
  addVar(wf.mutable_interface()->mutable_inputs(), "b", kInt);
  addVar(wf.mutable_interface()->mutable_outputs(), "o0", kInt);
  auto* n0 = wf.add_nodes();
  n0->set_id("n0");
  n0->mutable_task_node()->mutable_reference_id()->set_name("t.add");
  bind(n0->mutable_inputs(), "a", promise("start-node", "a"));
  bind(n0->mutable_inputs(), "b", promise("start-node", "b"));
  auto* n1 = wf.add_nodes();
  n1->set_id("n1");
  n1->mutable_workflow_node()->mutable_sub_workflow_ref()->set_name("sub");
  bind(n1->mutable_inputs(), "v", promise("start-node", "a"));
  auto* n2 = wf.add_nodes();
  n2->set_id("n2");
  n2->mutable_task_node()->mutable_reference_id()->set_name("t.add");
  n2->add_upstream_node_ids("n0");
  n2->add_upstream_node_ids("n1");
  bind(n2->mutable_inputs(), "a", promise("n0", "o0"));
  bind(n2->mutable_inputs(), "b", promise("n1", "o0"));
  bind(wf.mutable_outputs(), "o0", promise("n2", "o0"));
  p.workflows["wf"] = wf;
  flyteidl::admin::LaunchPlan lp;
  lp.mutable_id()->set_name("wf");
  lp.mutable_spec()->mutable_workflow_id()->set_name("wf");
  auto& param = (*lp.mutable_spec()->mutable_default_inputs()->mutable_parameters())["b"];
  param.mutable_default_()->mutable_scalar()->mutable_primitive()->set_integer(5);
  p.launchPlans["wf"] = lp;

  auto in = parseInputs(p, "wf", {{"a", "3"}});
  ASSERT_TRUE(bool(in)) << llvm::toString(in.takeError());
  auto r = run(p, *in);
  ASSERT_TRUE(bool(r)) << llvm::toString(r.takeError());
  EXPECT_EQ(json(*r), "17");  // (3 + 5) + 3*3

  auto missing = run(p, core::LiteralMap());
  ASSERT_FALSE(bool(missing));
  EXPECT_NE(llvm::toString(missing.takeError()).find("needs input 'a'"), std::string::npos);
  auto unknown = parseInputs(p, "wf", {{"c", "1"}});
  ASSERT_FALSE(bool(unknown));
  EXPECT_NE(llvm::toString(unknown.takeError()).find("no input 'c'"), std::string::npos);
  auto illTyped = parseInputs(p, "wf", {{"a", "\"x\""}});
  ASSERT_FALSE(bool(illTyped));
  EXPECT_NE(llvm::toString(illTyped.takeError()).find("is not of type INTEGER"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Launchers, EngineTest, ::testing::Values("process", "worker"),
                         [](const auto& info) { return info.param; });

}  // namespace
