#include <gtest/gtest.h>

#include "flyteidl/Lowering.h"
#include "flyteidl/TaskContract.h"
#include "test/ir/Samples.h"

using namespace flytecc::ir;
using namespace flytecc::ir::samples;
using namespace flytecc::idl;

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

TEST(Lowering, ContainerArgsFollowTheTaskContract) {
  using namespace flytecc::contract;
  auto tt = lowerTask(multiInputTask(), {"img", "0.1.0"});
  const auto& args = tt.container().args();
  ASSERT_EQ(args.size(), 13);
  EXPECT_EQ(args[0], kTaskExecutable);
  EXPECT_EQ(args[1], kInputsArg);
  EXPECT_EQ(args[2], kInputTemplate);
  EXPECT_EQ(args[3], kOutputPrefixArg);
  EXPECT_EQ(args[4], kOutputPrefixTemplate);
  EXPECT_EQ(args[5], kRawOutputDataPrefixArg);
  EXPECT_EQ(args[6], kRawOutputDataPrefixTemplate);
  EXPECT_EQ(args[7], kCheckpointPathArg);
  EXPECT_EQ(args[8], kCheckpointOutputPrefixTemplate);
  EXPECT_EQ(args[9], kPrevCheckpointArg);
  EXPECT_EQ(args[10], kPrevCheckpointPrefixTemplate);
  EXPECT_EQ(args[11], kTaskArg);
  EXPECT_EQ(args[12], multiInputTask().name);

  Module m = sample();
  auto mt = lowerMapTask(m.mapTasks[0], m, {"img", "0.1.0"});
  const auto& margs = mt.container().args();
  ASSERT_EQ(margs.size(), 15);
  EXPECT_EQ(margs[11], kTaskArg);
  EXPECT_EQ(margs[13], kMapBoundInputsArg);
  EXPECT_EQ(margs[14], "price,shipping");
}

// --- structs as flytekit dataclasses (issue 13) ----------------------------------------------------------------

#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/message_differencer.h>

#include <fstream>
#include <sstream>

#include "flyteidl/Dataclass.h"
#include "flyteidl/Serialize.h"
#include "ir/Parser.h"

namespace {
std::string slurpData(const std::string& rel) {
  std::ifstream in(std::string(FLYTECC_TEST_DATA "/") + rel, std::ios::binary);
  EXPECT_TRUE(in) << rel;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// flytekit's literal_tasks.py Shape (with `count: int = 0` and `color: Color = Color.RED`), as flytecc types it.
Type point() { return Type::structure("Point", {"x", "y"}, {Type::of(Simple::Float), Type::of(Simple::Float)}, {"", ""}); }
Type shape() {
  return Type::structure(
      "Shape", {"name", "origin", "vertices", "tags", "label", "props", "count", "color"},
      {Type::of(Simple::String), point(), Type::list(point()), Type::list(Type::of(Simple::String)),
       Type::optional(Type::of(Simple::String)), Type::map(Type::of(Simple::Float)), Type::of(Simple::Integer),
       Type::enumeration({"red", "green", "blue"})},
      {"", "", Type::kNoSchemaDefault, Type::kNoSchemaDefault, "null", Type::kNoSchemaDefault, "0", "\"red\""});
}
Literal pointValue(double x, double y) { return Literal::structure({{"x", Literal::ofFloat(x)}, {"y", Literal::ofFloat(y)}}); }
}  // namespace

TEST(Lowering, DataclassTypesAsFlytekit) {
  using google::protobuf::util::MessageDifferencer;
  struct Case {
    const char* golden;
    Type type;
  } cases[] = {{"dataclass_point", point()},
               {"dataclass_nested", shape()},
               {"list_dataclass", Type::list(point())},
               {"optional_dataclass", Type::optional(point())}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.golden);
    flyteidl::core::LiteralType golden;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(
                    slurpData(std::string("flytekit-literals/values/") + c.golden + ".type.json"), &golden)
                    .ok());
    auto ours = lowerType(c.type);
    EXPECT_TRUE(MessageDifferencer::Equals(ours, golden)) << ours.DebugString() << "vs flytekit\n"
                                                          << golden.DebugString();
  }
  // The IR text keeps the struct: names, fields, the schema's defaults.
  auto parsed = parseModule(
      "task @t(s: " + shape().str() + ") -> (o0: int)\n", "<test>");
  ASSERT_TRUE(bool(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(parsed->tasks[0].interface.inputs[0].type, shape());
}

TEST(Lowering, DataclassValuesAsFlytekit) {
  // Literal values (launch-plan defaults) are flytekit's msgpack bytes.
  Literal shapeValue = Literal::structure(
      {{"name", Literal::ofString("tri")},
       {"origin", pointValue(0.5, -1.0)},
       {"vertices", Literal::list({pointValue(0.0, 0.0), pointValue(1.0, 0.0), pointValue(0.0, 1.0)})},
       {"tags", Literal::list({Literal::ofString("a"), Literal::ofString("b")})},
       {"label", Literal::none()},
       {"props", Literal::map({{"side", Literal::ofFloat(1.5)}})},
       {"count", Literal::ofInt(3)},
       {"color", Literal::ofString("blue")}});
  ASSERT_TRUE(literalFits(shapeValue, shape()));
  EXPECT_EQ(serializeDeterministic(lowerLiteral(shapeValue, shape())),
            slurpData("flytekit-literals/values/dataclass_nested.pb"));
  EXPECT_EQ(serializeDeterministic(lowerLiteral(pointValue(1.0, 2.0), point())),
            slurpData("flytekit-literals/values/dataclass_point.pb"));
  // ... and read back as JSON.
  flyteidl::core::Literal golden;
  ASSERT_TRUE(golden.ParseFromString(slurpData("flytekit-literals/values/dataclass_nested.pb")));
  auto json = dataclassToJson(golden.scalar());
  ASSERT_TRUE(bool(json)) << llvm::toString(json.takeError());
  std::string text;
  llvm::raw_string_ostream(text) << *json;
  EXPECT_EQ(text, R"({"color":"blue","count":3,"label":null,"name":"tri","origin":{"x":0.5,"y":-1},)"
                  R"("props":{"side":1.5},"tags":["a","b"],"vertices":[{"x":0,"y":0},{"x":1,"y":0},{"x":0,"y":1}]})");
  // A forged length claims more than the bytes hold: an error, not an allocation.
  auto forged = msgpackToJson(std::string("\xdd\xff\xff\xff\xff", 5));
  EXPECT_FALSE(bool(forged));
  llvm::consumeError(forged.takeError());
}
