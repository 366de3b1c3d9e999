#include <gtest/gtest.h>

#include "ir/Module.h"
#include "ir/Printer.h"
#include "ir/Verifier.h"
#include "test/ir/Samples.h"

using namespace flytecc::ir;
using namespace flytecc::ir::samples;

namespace {

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
