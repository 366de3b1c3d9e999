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
