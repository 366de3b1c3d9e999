// runTask() in process, with the adapters of a generated flytecc_task_main.cpp compiled without its main (how the
// local executor runs tasks in process or in a worker).
#include <gtest/gtest.h>

#include "test/runtime/ContractHarness.h"

using namespace flytecc::runtime;
using namespace flytecc::test;

TEST(InProcess, RunsGeneratedAdapters) {
  auto tasks = registeredTasks();
  ASSERT_EQ(tasks.size(), 6u);
  LocalDir work("inprocess");
  StorageSet storage;
  core::LiteralMap in;
  (*in.mutable_literals())["x"] = toLiteral(std::vector<int>{-4, 7});
  ASSERT_TRUE(writeMessage(work.path + "/inputs.pb", in));

  TaskRequest item;
  item.task = "runtime_test.fails";
  item.inputs = work.path + "/inputs.pb";
  item.mapBoundInputs = std::vector<std::string>{};
  item.arrayIndex = 0;
  item.outputPrefix = work.path + "/0";
  TaskTimings timings;
  TaskOutcome ok = runTask(item, tasks, storage, &timings);
  ASSERT_TRUE(ok) << ok.message;
  EXPECT_EQ(fromLiteral<int>(readLiteralMap(work.path + "/0/outputs.pb")->literals().at("o0")), 4);
  EXPECT_GT(timings.read + timings.write, 0);

  item.arrayIndex = 1;
  item.outputPrefix = work.path + "/1";
  TaskOutcome failed = runTask(item, tasks, storage);
  EXPECT_EQ(failed.kind, TaskOutcome::Kind::User);
  EXPECT_EQ(failed.message, "task 'runtime_test.fails' item 1 failed: x must not be positive, got 7");
  EXPECT_TRUE(failed.errorWritten);
  EXPECT_EQ(readErrorDocument(work.path + "/1/error.pb")->error().origin(), core::ExecutionError::USER);
}

TEST(InProcess, ParsesTheContract) {
  std::map<std::string, std::string> env{{"BATCH_JOB_ARRAY_INDEX_VAR_NAME", "FLYTE_K8S_ARRAY_INDEX"},
                                         {"FLYTE_K8S_ARRAY_INDEX", "3"}};
  auto getenv = [&](const char* name) -> const char* {
    auto it = env.find(name);
    return it == env.end() ? nullptr : it->second.c_str();
  };
  ParsedArgs p = parseTaskArgs({"--inputs", "s3://b/in.pb", "--output-prefix", "s3://b/out", "--raw-output-data-prefix",
                                "s3://b/raw", "--checkpoint-path", "s3://b/ck", "--prev-checkpoint", "", "--task", "t",
                                "--map-bound-inputs", "price,shipping"},
                               getenv);
  ASSERT_EQ(p.error, "");
  EXPECT_EQ(p.request.inputs, "s3://b/in.pb");
  EXPECT_EQ(p.request.arrayIndex, 3);
  EXPECT_EQ(*p.request.mapBoundInputs, (std::vector<std::string>{"price", "shipping"}));
  env["BATCH_JOB_ARRAY_INDEX_OFFSET"] = "10";
  EXPECT_EQ(parseTaskArgs({"--inputs", "i", "--output-prefix", "o", "--task", "t", "--map-bound-inputs", ""}, getenv)
                .request.arrayIndex,
            13);
  env["FLYTE_K8S_ARRAY_INDEX"] = "-1";
  EXPECT_EQ(parseTaskArgs({"--inputs", "i", "--output-prefix", "o", "--task", "t", "--map-bound-inputs", ""}, getenv).error,
            "FLYTE_K8S_ARRAY_INDEX='-1' is not an array index");
  EXPECT_EQ(parseTaskArgs({"--inputs", "i", "--task", "t"}, getenv).error, "missing --output-prefix");
  EXPECT_EQ(parseTaskArgs({"--inputs", "i", "--inputs", "j"}, getenv).error, "argument '--inputs' is given twice");
}
