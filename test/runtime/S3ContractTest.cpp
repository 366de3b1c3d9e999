// The contract test against a real S3 server (s3rver on 127.0.0.1): every URI propeller hands the pod is s3://,
// blobs go up and down, an offloaded input is read from the bucket, and unreachable storage is a SYSTEM error.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "test/runtime/ContractHarness.h"
#include "test/support/S3Server.h"

using namespace flytecc::runtime;
using namespace flytecc::test;

namespace {

class S3Contract : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string why;
    server_ = S3Server::start({"flyte"}, why).release();
    if (!server_) return;
    ::setenv("FLYTE_AWS_ENDPOINT", server_->endpoint().c_str(), 1);
    ::setenv("FLYTE_AWS_ACCESS_KEY_ID", S3Server::kAccessKey, 1);
    ::setenv("FLYTE_AWS_SECRET_ACCESS_KEY", S3Server::kSecretKey, 1);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(server_, nullptr) << "s3rver did not start"; }
  static S3Server* server_;
};
S3Server* S3Contract::server_ = nullptr;

bool putText(const std::string& uri, const std::string& text) {
  StorageSet s;
  auto st = s.at(uri);
  return st && !(*st)->write(uri, text);
}

std::map<std::string, std::string> runnerOutputs() {
  ProcessResult r = runProcess({FLYTECC_MAP_TASK_RUNNER}, {});
  std::map<std::string, std::string> out;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    auto arrow = line.find(" -> ");
    if (arrow != std::string::npos) out[line.substr(0, arrow)] = line.substr(arrow + 4);
  }
  return out;
}

}  // namespace

TEST_F(S3Contract, MapTaskExamplesMatchPlainCxx) {
  Propeller p(FLYTECC_MAP_TASK_PB_DIR, FLYTECC_MAP_TASK_EXE, "s3://flyte/metadata");
  auto expected = runnerOutputs();
  ASSERT_FALSE(expected.empty());
  for (const auto& wf : p.workflowNames()) {
    SCOPED_TRACE(wf);
    WorkflowRun run = p.runWorkflow(wf);
    ASSERT_TRUE(run.error.empty()) << run.error;
    EXPECT_EQ(showOutputs(run.outputs), expected.at(wf));
  }
  // The items' files really are in the bucket.
  EXPECT_FALSE(readFile("s3://flyte/metadata/advanced_composition.map_task.map_workflow/n0/3/out/outputs.pb").empty());
}

TEST_F(S3Contract, BlobsUpAndDown) {
  // A local file the task writes is uploaded under the raw output data prefix.
  core::LiteralMap in;
  (*in.mutable_literals())["text"] = toLiteral(std::string("hello s3"));
  TaskRun w = runOne(FLYTECC_TEST_TASKS_EXE, "runtime_test.write_file", in, "s3://flyte/w");
  ASSERT_TRUE(w.outputs) << w.err;
  const std::string uri = w.outputs->literals().at("o0").scalar().blob().uri();
  EXPECT_EQ(uri.rfind("s3://flyte/w/raw/", 0), 0u) << uri;
  EXPECT_EQ(readFile(uri), "hello s3");
  // Remote inputs are downloaded for the task: a file and a directory (every object under the prefix).
  ASSERT_TRUE(putText("s3://flyte/in/data.txt", "abc"));
  ASSERT_TRUE(putText("s3://flyte/in/dir/a.txt", "1"));
  ASSERT_TRUE(putText("s3://flyte/in/dir/sub/b.txt", "2"));
  core::LiteralMap in2;
  (*in2.mutable_literals())["f"] = toLiteral(flyte::File{"s3://flyte/in/data.txt"});
  (*in2.mutable_literals())["d"] = toLiteral(flyte::Directory{"s3://flyte/in/dir/"});
  TaskRun r = runOne(FLYTECC_TEST_TASKS_EXE, "runtime_test.read_blobs", in2, "s3://flyte/r");
  ASSERT_TRUE(r.outputs) << r.err;
  EXPECT_EQ(fromLiteral<std::string>(r.outputs->literals().at("o0")), "abc|a.txt|sub/b.txt");
}

TEST_F(S3Contract, OffloadedInput) {
  ASSERT_TRUE(writeMessage("s3://flyte/offloaded/xs.pb", toLiteral(std::vector<std::int64_t>{5, 6, 7})));
  core::LiteralMap in;
  auto* meta = (*in.mutable_literals())["xs"].mutable_offloaded_metadata();
  meta->set_uri("s3://flyte/offloaded/xs.pb");
  *meta->mutable_inferred_type() = literalTypeOf<std::vector<std::int64_t>>();
  TaskRun t = runOne(FLYTECC_TEST_TASKS_EXE, "runtime_test.total", in, "s3://flyte/t");
  ASSERT_TRUE(t.outputs) << t.err;
  EXPECT_EQ(fromLiteral<std::int64_t>(t.outputs->literals().at("o0")), 18);
  // A missing offloaded object is a SYSTEM error naming the input.
  (*in.mutable_literals())["xs"].mutable_offloaded_metadata()->set_uri("s3://flyte/offloaded/missing.pb");
  TaskRun m = runOne(FLYTECC_TEST_TASKS_EXE, "runtime_test.total", in, "s3://flyte/m");
  EXPECT_EQ(m.status, 2);
  ASSERT_TRUE(m.error) << m.err;
  EXPECT_EQ(m.error->error().code(), "SYSTEM:Storage");
  EXPECT_EQ(m.error->error().message().rfind("input 'xs': ", 0), 0u) << m.error->error().message();
}

TEST_F(S3Contract, UnreachableStorageIsSystemError) {
  LocalDir work("unreachable");
  // Inputs and outputs local, blobs to an S3 endpoint nobody listens on: the upload fails, error.pb says SYSTEM.
  core::LiteralMap in;
  (*in.mutable_literals())["text"] = toLiteral(std::string("x"));
  writeMessage(work.path + "/inputs.pb", in);
  const std::vector<std::string> env{"FLYTE_AWS_ENDPOINT=http://127.0.0.1:9"};  // port 9 (discard): refused
  ProcessResult r = runProcess({FLYTECC_TEST_TASKS_EXE, "--inputs", work.path + "/inputs.pb", "--output-prefix",
                                work.path + "/out", "--raw-output-data-prefix", "s3://flyte/raw", "--task",
                                "runtime_test.write_file"},
                               env);
  EXPECT_EQ(r.status, 2) << r.err;
  auto doc = readErrorDocument(work.path + "/out/error.pb");
  ASSERT_TRUE(doc) << r.err;
  EXPECT_EQ(doc->error().origin(), core::ExecutionError::SYSTEM);
  EXPECT_EQ(doc->error().code(), "SYSTEM:Storage");
  // Everything on the unreachable store: nowhere to write error.pb either, so the exit status says it (3).
  ProcessResult all = runProcess({FLYTECC_TEST_TASKS_EXE, "--inputs", "s3://flyte/in.pb", "--output-prefix",
                                  "s3://flyte/out", "--task", "runtime_test.write_file"},
                                 env);
  EXPECT_EQ(all.status, 3) << all.err;
  EXPECT_NE(all.err.find("SYSTEM:Storage"), std::string::npos) << all.err;
}
