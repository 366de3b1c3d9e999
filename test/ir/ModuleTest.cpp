#include <gtest/gtest.h>

#include "ir/Lowering.h"
#include "ir/Module.h"
#include "ir/Printer.h"
#include "ir/Verifier.h"

using namespace flytecc::ir;

namespace {

Task multiInputTask() {
  Task t;
  t.name = "advanced_composition.map_task.multi_input_task";
  t.interface.inputs = {{"quantity", Type::of(Simple::Integer), {}},
                        {"price", Type::of(Simple::Float), {}},
                        {"shipping", Type::of(Simple::Float), {}}};
  t.interface.outputs = {{"o0", Type::of(Simple::Float), {}}};
  return t;
}

MapTask mapOf(const Task& t, std::vector<std::string> bound) {
  MapTask m;
  m.task = t.name;
  m.boundInputs = std::move(bound);
  m.metadata = t.metadata;
  for (const auto& in : t.interface.inputs)
    m.interface.inputs.push_back({in.name, m.isBound(in.name) ? in.type : Type::list(in.type), {}});
  for (const auto& out : t.interface.outputs) m.interface.outputs.push_back({out.name, Type::list(out.type), {}});
  m.name = mapTaskName(t, m);
  return m;
}

// A module with one task, its map task over `quantity`, and a workflow mapping it.
Module sample() {
  Module mod;
  mod.tasks.push_back(multiInputTask());
  mod.mapTasks.push_back(mapOf(mod.tasks[0], {"price", "shipping"}));
  Workflow w;
  w.name = "pkg.wf";
  w.interface.inputs = {{"qs", Type::list(Type::of(Simple::Integer)), Literal::list({Literal::ofInt(1)})},
                        {"p", Type::of(Simple::Float), Literal::ofFloat(6)}};
  w.interface.outputs = {{"o0", Type::list(Type::of(Simple::Float)), {}}};
  Node n;
  n.id = "n0";
  n.kind = Node::Kind::Array;
  n.target = mod.mapTasks[0].name;
  n.displayName = n.target;
  n.inputs = {{"price", BindingValue::promise("", "p")},
              {"quantity", BindingValue::promise("", "qs")},
              {"shipping", BindingValue::constant(Literal::ofFloat(7))}};
  w.nodes.push_back(n);
  w.outputs = {{"o0", BindingValue::promise("n0", "o0")}};
  mod.workflows.push_back(w);
  return mod;
}

bool hasError(const Module& m, const std::string& text) {
  for (const auto& e : verify(m))
    if (e.message.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(MapTaskName, MatchesFlytekitsHash) {
  Task detect;
  detect.name = "advanced_composition.map_task.detect_anomalies";
  MapTask m;
  EXPECT_EQ(mapTaskName(detect, m),
            "advanced_composition.map_task.map_detect_anomalies_6b3bd0353da5de6e84d7982921ead2b3-arraynode");
  Task multi = multiInputTask();
  EXPECT_EQ(mapOf(multi, {"price", "shipping"}).name,
            "advanced_composition.map_task.map_multi_input_task_1f0f1576f18d0b683c428089d4888933-arraynode");
  EXPECT_EQ(mapOf(multi, {"shipping"}).name,
            "advanced_composition.map_task.map_multi_input_task_d177801d58d52c1172a76b068eeabb60-arraynode");
}

TEST(MapTaskName, DiffersWhenMetadataDiffers) {
  Task detect;
  detect.name = "m.detect";
  MapTask plain, cached;
  cached.metadata.cache = true;
  cached.metadata.cacheVersion = "0.1";
  EXPECT_NE(mapTaskName(detect, plain), mapTaskName(detect, cached));
  MapTask limited;
  limited.concurrency = 1;
  EXPECT_NE(mapTaskName(detect, plain), mapTaskName(detect, limited));
}

TEST(Verifier, AcceptsAWellFormedModule) { EXPECT_TRUE(verify(sample()).empty()); }

TEST(Verifier, RejectsUnboundAndUnknownAndDoubleBoundInputs) {
  Module m = sample();
  m.workflows[0].nodes[0].inputs.pop_back();
  EXPECT_TRUE(hasError(m, "Parameter not bound [shipping]."));
  m = sample();
  m.workflows[0].nodes[0].inputs.push_back({"nope", BindingValue::promise("", "p")});
  EXPECT_TRUE(hasError(m, "Variable [nope] not found on node [n0]."));
  m = sample();
  m.workflows[0].nodes[0].inputs.push_back({"price", BindingValue::promise("", "p")});
  EXPECT_TRUE(hasError(m, "Input [price] is bound more than once."));
}

TEST(Verifier, UsesFlyteTypingNotCpp) {
  Module m = sample();
  m.workflows[0].nodes[0].inputs[1].value = BindingValue::promise("", "p");  // float into [int]
  EXPECT_TRUE(hasError(m, "type mismatch: float cannot be bound to [int]"));
  m = sample();
  m.workflows[0].nodes[0].inputs[2].value = BindingValue::constant(Literal::ofInt(7));  // INTEGER into FLOAT
  EXPECT_TRUE(hasError(m, "the value 7 is not a float"));
}

TEST(Verifier, RejectsBadMapTasks) {
  Module m = sample();
  m.mapTasks[0].minSuccessRatio = 1.5;
  EXPECT_TRUE(hasError(m, "outside (0, 1]"));
  m = sample();
  m.mapTasks[0].minSuccessRatio = 0.5;
  EXPECT_TRUE(hasError(m, "output 'o0' must be [float?]"));
  m = sample();
  m.mapTasks[0].boundInputs = {"price", "quantity", "shipping"};
  m.mapTasks[0].interface.inputs[0].type = Type::of(Simple::Integer);
  EXPECT_TRUE(hasError(m, "no input array to map over"));
}

TEST(Verifier, RejectsGraphErrors) {
  Module m = sample();
  m.workflows[0].outputs[0].value = BindingValue::promise("n7", "o0");
  EXPECT_TRUE(hasError(m, "not defined before its use"));
  m = sample();
  m.workflows[0].nodes[0].id = "start-node";
  EXPECT_TRUE(hasError(m, "reserved"));
  m = sample();
  m.workflows[0].outputs.clear();
  EXPECT_TRUE(hasError(m, "output 'o0' of workflow 'pkg.wf' is not bound"));
  m = sample();
  m.tasks.push_back(m.tasks[0]);
  EXPECT_TRUE(hasError(m, "is already used"));
  m = sample();
  m.workflows[0].interface.inputs[1].defaultValue = Literal::ofString("x");
  EXPECT_TRUE(hasError(m, "default value \"x\" of input 'p'"));
}

TEST(Printer, StableText) {
  Module m = sample();
  EXPECT_EQ(print(m.workflows[0]),
            "workflow @pkg.wf(qs: [int] = [1], p: float = 6.0) -> (o0: [float]) {\n"
            "  n0 = array @" + m.mapTasks[0].name + "(price = $p, quantity = $qs, shipping = 7.0)\n"
            "  return o0 = n0.o0\n"
            "}\n");
}

TEST(Lowering, ArrayNodeFields) {
  Module m = sample();
  m.mapTasks[0].concurrency = 4;
  auto wf = lowerWorkflow(m.workflows[0], m);
  ASSERT_EQ(wf.nodes_size(), 1);
  const auto& node = wf.nodes(0);
  ASSERT_TRUE(node.has_array_node());
  EXPECT_EQ(node.array_node().parallelism(), 4u);
  EXPECT_FLOAT_EQ(node.array_node().min_success_ratio(), 1.0f);
  EXPECT_TRUE(node.array_node().has_is_original_sub_node_interface());
  EXPECT_FALSE(node.array_node().is_original_sub_node_interface().value());
  ASSERT_EQ(node.array_node().bound_inputs_size(), 2);
  EXPECT_EQ(node.array_node().bound_inputs(0), "price");
  EXPECT_EQ(node.array_node().node().task_node().reference_id().name(), m.mapTasks[0].name);
  EXPECT_EQ(node.array_node().node().inputs_size(), 3);
  EXPECT_TRUE(node.inputs(0).binding().promise().node_id().empty());
  EXPECT_DOUBLE_EQ(node.inputs(2).binding().scalar().primitive().float_value(), 7.0);

  LoweringOptions o{"img:1", "0.1.0"};
  auto task = lowerMapTask(m.mapTasks[0], m, o);
  EXPECT_EQ(task.task_type_version(), 1);
  EXPECT_EQ(task.container().image(), "img:1");
  EXPECT_TRUE(task.interface().inputs().variables().at("quantity").type().has_collection_type());
  EXPECT_TRUE(task.interface().inputs().variables().at("price").type().has_simple());

  m.mapTasks[0].minSuccesses = 3;
  auto wf2 = lowerWorkflow(m.workflows[0], m);
  EXPECT_EQ(wf2.nodes(0).array_node().min_successes(), 3u);  // not dropped, unlike flytekit 1.16
}

TEST(Lowering, LaunchPlanDefaults) {
  Module m = sample();
  m.workflows[0].interface.inputs.push_back({"req", Type::of(Simple::String), {}});
  auto lp = lowerLaunchPlan(m.workflows[0]);
  const auto& params = lp.spec().default_inputs().parameters();
  EXPECT_EQ(params.at("qs").default_().collection().literals(0).scalar().primitive().integer(), 1);
  EXPECT_TRUE(params.at("req").required());
  EXPECT_EQ(lp.id().resource_type(), flyteidl::core::LAUNCH_PLAN);
}

TEST(Lowering, TaskMetadata) {
  Task t = multiInputTask();
  t.metadata.cache = true;
  t.metadata.cacheVersion = "0.1";
  t.metadata.retries = 2;
  t.metadata.timeoutSeconds = 90;
  t.metadata.interruptible = true;
  t.requests.mem = "2Gi";
  auto tt = lowerTask(t, {"img", "0.1.0"});
  EXPECT_TRUE(tt.metadata().discoverable());
  EXPECT_EQ(tt.metadata().discovery_version(), "0.1");
  EXPECT_EQ(tt.metadata().retries().retries(), 2u);
  EXPECT_EQ(tt.metadata().timeout().seconds(), 90);
  EXPECT_TRUE(tt.metadata().interruptible());
  ASSERT_EQ(tt.container().resources().requests_size(), 1);
  EXPECT_EQ(tt.container().resources().requests(0).name(), flyteidl::core::Resources::MEMORY);
  EXPECT_EQ(tt.metadata().runtime().flavor(), "cpp");
}

TEST(Verifier, RejectsRecursionDuplicateOutputsAndUnsafeNames) {
  Module m = sample();
  Workflow a, b;
  a.name = "pkg.a";
  b.name = "pkg.b";
  Node callB;
  callB.id = "n0";
  callB.kind = Node::Kind::Workflow;
  callB.target = "pkg.b";
  a.nodes.push_back(callB);
  Node callA = callB;
  callA.target = "pkg.a";
  b.nodes.push_back(callA);
  m.workflows.push_back(a);
  m.workflows.push_back(b);
  EXPECT_TRUE(hasError(m, "which calls it back: workflows cannot recurse"));

  m = sample();
  m.workflows[0].outputs.push_back(m.workflows[0].outputs[0]);
  EXPECT_TRUE(hasError(m, "output 'o0' of workflow 'pkg.wf' is bound more than once"));

  m = sample();
  m.tasks[0].name = "../escape";
  EXPECT_TRUE(hasError(m, "'../escape' is not a valid entity name"));
}

TEST(Literal, MapKeepsTheFirstOfDuplicateKeys) {
  auto l = Literal::map({{"k", Literal::ofInt(1)}, {"k", Literal::ofInt(2)}});
  ASSERT_EQ(l.entries.size(), 1u);
  EXPECT_EQ(l.entries[0].second.integer, 1);
}
