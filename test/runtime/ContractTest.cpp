// The task executable against the container contract, with this test playing propeller: it reads the emitted
// WorkflowTemplates, LaunchPlans and TaskTemplates (flyteidl's generated classes), writes each node's inputs.pb, runs
// the TaskTemplate's container.args with the templates filled in and the environment propeller sets (ArrayNode items:
// the whole input file and FLYTE_K8S_ARRAY_INDEX), reads outputs.pb, gathers map items into lists, and compares the
// workflow outputs with what the workflows return as plain C++ (the --emit=runner program).
// Storage is local paths by default; S3_CONTRACT=1 runs the same through an s3rver (see S3ContractTest.cpp).
#include "test/runtime/ContractHarness.h"
#include "support/Sanitizers.h"

#include <gtest/gtest.h>

#include <charconv>
#include <fstream>
#include <sstream>
#include <csignal>
#include <unistd.h>

using namespace flytecc::runtime;
using namespace flytecc::test;

namespace {

// The runner's lines: "<workflow> -> <value>".
std::map<std::string, std::string> runnerOutputs() {
  ProcessResult r = runProcess({FLYTECC_MAP_TASK_RUNNER}, {});
  EXPECT_EQ(r.status, 0) << r.err;
  std::map<std::string, std::string> out;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    auto arrow = line.find(" -> ");
    if (arrow != std::string::npos) out[line.substr(0, arrow)] = line.substr(arrow + 4);
  }
  return out;
}

}  // namespace

TEST(Contract, MapTaskExamplesMatchPlainCxx) {
  LocalDir work("contract");
  Propeller p(FLYTECC_MAP_TASK_PB_DIR, FLYTECC_MAP_TASK_EXE, work.path + "/store");
  auto expected = runnerOutputs();
  ASSERT_FALSE(expected.empty());
  std::size_t compared = 0;
  for (const auto& wf : p.workflowNames()) {
    SCOPED_TRACE(wf);
    WorkflowRun run = p.runWorkflow(wf);
    ASSERT_TRUE(run.error.empty()) << run.error;
    auto it = expected.find(wf);
    ASSERT_NE(it, expected.end()) << "the runner did not run " << wf;
    EXPECT_EQ(showOutputs(run.outputs), it->second);
    if (wf == "advanced_composition.map_task.map_workflow")  // and not vacuously: the guide's answer
      EXPECT_EQ(showOutputs(run.outputs), "[false, true, false, false, true, true, true, false, true, false]");
    ++compared;
  }
  EXPECT_EQ(compared, expected.size());
  EXPECT_GE(p.itemsRun(), 10u * 4);  // four workflows map over ten items
}

// --- failure paths, one task run each --------------------------------------------------------------------------

namespace {
core::Literal intLiteral(std::int64_t v) { return toLiteral(v); }
}  // namespace

TEST(Contract, UserExceptionIsUserError) {
  LocalDir work("user-error");
  core::LiteralMap in;
  (*in.mutable_literals())["x"] = intLiteral(5);
  TaskRun r = runOne(FLYTECC_TEST_TASKS_EXE, "runtime_test.fails", in, work.path);
  EXPECT_EQ(r.status, 1) << r.err;
  ASSERT_TRUE(r.error) << r.err;
  EXPECT_EQ(r.error->error().origin(), core::ExecutionError::USER);
  EXPECT_EQ(r.error->error().code(), "USER:std::invalid_argument");
  EXPECT_EQ(r.error->error().message(), "task 'runtime_test.fails' failed: x must not be positive, got 5");
  EXPECT_FALSE(r.outputs);
}

TEST(Contract, MissingInputIsSystemError) {
  LocalDir work("missing");
  TaskRun r = runOne(FLYTECC_TEST_TASKS_EXE, "runtime_test.fails", core::LiteralMap(), work.path);
  EXPECT_EQ(r.status, 2);
  ASSERT_TRUE(r.error) << r.err;
  EXPECT_EQ(r.error->error().origin(), core::ExecutionError::SYSTEM);
  EXPECT_EQ(r.error->error().message(), "task 'runtime_test.fails': missing input 'x'");
}

TEST(Contract, WrongTypeNamesInputAndTypes) {
  LocalDir work("wrong-type");
  core::LiteralMap in;
  (*in.mutable_literals())["xs"] = toLiteral(std::vector<std::string>{"1", "2"});
  TaskRun r = runOne(FLYTECC_TEST_TASKS_EXE, "runtime_test.total", in, work.path);
  EXPECT_EQ(r.status, 2);
  ASSERT_TRUE(r.error) << r.err;
  EXPECT_EQ(r.error->error().code(), "SYSTEM:BadInputs");
  EXPECT_EQ(r.error->error().message(), "task 'runtime_test.total': input 'xs'[0]: expected int, got str (\"1\")");
}

TEST(Contract, IntegerOutOfRange) {
  LocalDir work("range");
  core::LiteralMap in;
  (*in.mutable_literals())["x"] = intLiteral(1LL << 40);
  TaskRun r = runOne(FLYTECC_TEST_TASKS_EXE, "runtime_test.fails", in, work.path);
  ASSERT_TRUE(r.error) << r.err;
  EXPECT_EQ(r.error->error().message(),
            "task 'runtime_test.fails': input 'x': the integer 1099511627776 is out of range for the C++ parameter "
            "(32-bit signed)");
}

TEST(Contract, ItemIndexOutOfRange) {
  LocalDir work("index");
  core::LiteralMap in;
  (*in.mutable_literals())["x"] = toLiteral(std::vector<int>{-1, -2});
  TaskRun r = runOne(FLYTECC_TEST_TASKS_EXE, "runtime_test.fails", in, work.path, /*index=*/2, std::vector<std::string>{});
  EXPECT_EQ(r.status, 2);
  ASSERT_TRUE(r.error) << r.err;
  EXPECT_EQ(r.error->error().message(),
            "task 'runtime_test.fails': array index 2 is out of range for input 'x' (2 items)");
  TaskRun ok = runOne(FLYTECC_TEST_TASKS_EXE, "runtime_test.fails", in, work.path + "/ok", 1, std::vector<std::string>{});
  ASSERT_TRUE(ok.outputs) << ok.err;
  EXPECT_EQ(fromLiteral<int>(ok.outputs->literals().at("o0")), 2);
}

TEST(Contract, CorruptInputs) {
  LocalDir work("corrupt");
  std::string inputs = work.path + "/inputs.pb";
  std::ofstream(inputs) << "\x0a\xff\xff\xff garbage";
  ProcessResult r = runProcess({FLYTECC_TEST_TASKS_EXE, "--inputs", inputs, "--output-prefix", work.path + "/out",
                                "--raw-output-data-prefix", work.path + "/raw", "--checkpoint-path", work.path + "/ck",
                                "--prev-checkpoint", "", "--task", "runtime_test.fails"},
                               {});
  EXPECT_EQ(r.status, 2);
  auto doc = readErrorDocument(work.path + "/out/error.pb");
  ASSERT_TRUE(doc) << r.err;
  EXPECT_EQ(doc->error().code(), "SYSTEM:BadInputs");
  EXPECT_NE(doc->error().message().find("not a flyteidl.core.LiteralMap"), std::string::npos);
}

TEST(Contract, BadArguments) {
  LocalDir work("args");
  ProcessResult r = runProcess({FLYTECC_TEST_TASKS_EXE, "--output-prefix", work.path + "/out", "--bogus", "x"}, {});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("unknown argument '--bogus'"), std::string::npos) << r.err;
  auto doc = readErrorDocument(work.path + "/out/error.pb");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->error().code(), "SYSTEM:BadArguments");
  // Without an output prefix there is nowhere to write: the exit status says it.
  EXPECT_EQ(runProcess({FLYTECC_TEST_TASKS_EXE, "--task"}, {}).status, 2);
  ProcessResult help = runProcess({FLYTECC_TEST_TASKS_EXE, "--help"}, {});
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("--map-bound-inputs"), std::string::npos);
  ProcessResult list = runProcess({FLYTECC_TEST_TASKS_EXE, "--list"}, {});
  EXPECT_NE(list.out.find("runtime_test.write_file\n"), std::string::npos);
  // An item without its index variable.
  core::LiteralMap in;
  (*in.mutable_literals())["x"] = toLiteral(std::vector<int>{1});
  writeMessage(work.path + "/in.pb", in);
  ProcessResult noIndex = runProcess({FLYTECC_TEST_TASKS_EXE, "--inputs", work.path + "/in.pb", "--output-prefix",
                                      work.path + "/item", "--task", "runtime_test.fails", "--map-bound-inputs", ""},
                                     {"FLYTE_K8S_ARRAY_INDEX="});
  EXPECT_EQ(noIndex.status, 2);
  EXPECT_NE(noIndex.err.find("FLYTE_K8S_ARRAY_INDEX"), std::string::npos) << noIndex.err;
}

TEST(Contract, CrashIsTheExitStatus) {
  LocalDir work("crash");
  core::LiteralMap in;
  (*in.mutable_literals())["x"] = intLiteral(1);
  TaskRun r = runOne(FLYTECC_TEST_TASKS_EXE, "runtime_test.crashes", in, work.path);
  EXPECT_EQ(r.status, 128 + SIGABRT);
  EXPECT_FALSE(r.outputs);
  EXPECT_FALSE(r.error);
}

TEST(Contract, UnknownTask) {
  LocalDir work("unknown");
  TaskRun r = runOne(FLYTECC_TEST_TASKS_EXE, "runtime_test.nope", core::LiteralMap(), work.path);
  EXPECT_EQ(r.status, 2);
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->error().code(), "SYSTEM:UnknownTask");
}

TEST(Contract, OffsetAndCustomIndexVariable) {
  LocalDir work("offset");
  core::LiteralMap in;
  (*in.mutable_literals())["x"] = toLiteral(std::vector<int>{-1, -2, -3, -4});
  writeMessage(work.path + "/in.pb", in);
  ProcessResult r = runProcess({FLYTECC_TEST_TASKS_EXE, "--inputs", work.path + "/in.pb", "--output-prefix",
                                work.path + "/out", "--task", "runtime_test.fails", "--map-bound-inputs", ""},
                               {"BATCH_JOB_ARRAY_INDEX_VAR_NAME=MY_INDEX", "MY_INDEX=1", "BATCH_JOB_ARRAY_INDEX_OFFSET=2"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto out = readLiteralMap(work.path + "/out/outputs.pb");
  ASSERT_TRUE(out);
  EXPECT_EQ(fromLiteral<int>(out->literals().at("o0")), 4);
}

TEST(Contract, LocalBlobsAndOffloadedInputs) {
  LocalDir work("blobs");
  // A file output is uploaded under the raw output data prefix.
  core::LiteralMap in;
  (*in.mutable_literals())["text"] = toLiteral(std::string("hello"));
  TaskRun w = runOne(FLYTECC_TEST_TASKS_EXE, "runtime_test.write_file", in, work.path + "/w");
  ASSERT_TRUE(w.outputs) << w.err;
  const auto& blob = w.outputs->literals().at("o0").scalar().blob();
  EXPECT_EQ(blob.uri().rfind(work.path + "/w/raw/", 0), 0u) << blob.uri();
  EXPECT_EQ(readFile(blob.uri()), "hello");
  // A list offloaded by propeller is read from where its metadata points.
  std::string offloaded = work.path + "/offloaded.pb";
  writeMessage(offloaded, toLiteral(std::vector<std::int64_t>{1, 2, 3, 4}));
  core::LiteralMap in2;
  (*in2.mutable_literals())["xs"].mutable_offloaded_metadata()->set_uri(offloaded);
  TaskRun t = runOne(FLYTECC_TEST_TASKS_EXE, "runtime_test.total", in2, work.path + "/t");
  ASSERT_TRUE(t.outputs) << t.err;
  EXPECT_EQ(fromLiteral<std::int64_t>(t.outputs->literals().at("o0")), 10);
  // Tuples of optionals and lists: o0, o1.
  core::LiteralMap in3;
  (*in3.mutable_literals())["maybe"] = toLiteral(std::optional<int>());
  (*in3.mutable_literals())["word"] = toLiteral(std::string("a"));
  TaskRun s = runOne(FLYTECC_TEST_TASKS_EXE, "runtime_test.several", in3, work.path + "/s");
  ASSERT_TRUE(s.outputs) << s.err;
  EXPECT_EQ(fromLiteral<std::optional<int>>(s.outputs->literals().at("o0")), std::nullopt);
  EXPECT_EQ(fromLiteral<std::vector<std::string>>(s.outputs->literals().at("o1")), (std::vector<std::string>{"a", "a"}));
}

// --- the image: the executable and exactly its shared libraries, run from the root filesystem with chroot ---------

TEST(Image, RootFilesystemRunsAnItem) {
  if (geteuid() != 0) GTEST_SKIP() << "chroot needs root";
#if FLYTECC_ASAN
  GTEST_SKIP() << "a sanitized task executable needs /proc (LeakSanitizer), which the bare root filesystem lacks";
#endif
  LocalDir work("image");
  ProcessResult made = runProcess({"/bin/bash", FLYTECC_IMAGE_SCRIPT, FLYTECC_MAP_TASK_EXE, work.path, "example:1"}, {});
  ASSERT_EQ(made.status, 0) << made.err;
  const std::string rootfs = work.path + "/rootfs";
  EXPECT_NE(readFile(work.path + "/Dockerfile").find("COPY rootfs/ /"), std::string::npos);
  // Nothing of LLVM or Clang, and a loader and libc.
  ProcessResult libs = runProcess({"/usr/bin/find", rootfs, "-name", "*.so*"}, {});
  EXPECT_EQ(libs.out.find("LLVM"), std::string::npos) << libs.out;
  EXPECT_EQ(libs.out.find("clang"), std::string::npos) << libs.out;
  EXPECT_NE(libs.out.find("libc.so.6"), std::string::npos) << libs.out;
  EXPECT_NE(libs.out.find("libstdc++"), std::string::npos) << libs.out;  // protobuf is linked statically when possible

  core::LiteralMap in;
  (*in.mutable_literals())["data_point"] = toLiteral(std::vector<int>{10, 12, 11});
  ASSERT_TRUE(writeMessage(rootfs + "/tmp/inputs.pb", in));
  ProcessResult r = runProcess({"/usr/sbin/chroot", rootfs, "/usr/local/bin/flytecc-task", "--inputs", "/tmp/inputs.pb",
                                "--output-prefix", "/tmp/out", "--raw-output-data-prefix", "/tmp/raw",
                                "--checkpoint-path", "/tmp/ck", "--prev-checkpoint", "", "--task",
                                "advanced_composition.map_task.detect_anomalies", "--map-bound-inputs", ""},
                               {"FLYTE_K8S_ARRAY_INDEX=1", "BATCH_JOB_ARRAY_INDEX_VAR_NAME=FLYTE_K8S_ARRAY_INDEX"});
  ASSERT_EQ(r.status, 0) << r.err;
  auto out = readLiteralMap(rootfs + "/tmp/out/outputs.pb");
  ASSERT_TRUE(out);
  EXPECT_TRUE(fromLiteral<bool>(out->literals().at("o0")));  // 12 > 11
  // The same executable also fails the right way inside the image.
  ProcessResult bad = runProcess({"/usr/sbin/chroot", rootfs, "/usr/local/bin/flytecc-task", "--inputs",
                                  "/tmp/missing.pb", "--output-prefix", "/tmp/bad", "--task",
                                  "advanced_composition.map_task.detect_anomalies"},
                                 {});
  EXPECT_EQ(bad.status, 2);
  auto doc = readErrorDocument(rootfs + "/tmp/bad/error.pb");
  ASSERT_TRUE(doc) << bad.err;
  EXPECT_EQ(doc->error().origin(), core::ExecutionError::SYSTEM);

  // libcurl and libxml2 are not linked (local storage does not load them) but opened for the first s3:// URI: the
  // image has them and their dependencies. An endpoint with an invalid port fails inside libcurl, without a server.
  std::vector<std::string> s3Env = {"FLYTE_AWS_ENDPOINT=http://127.0.0.1:99999", "FLYTE_AWS_ACCESS_KEY_ID=k",
                                    "FLYTE_AWS_SECRET_ACCESS_KEY=s"};
  std::vector<std::string> s3Item = {"/usr/sbin/chroot", rootfs, "/usr/local/bin/flytecc-task", "--inputs",
                                     "s3://bucket/inputs.pb", "--output-prefix", "/tmp/s3", "--task",
                                     "advanced_composition.map_task.detect_anomalies"};
  ProcessResult s3 = runProcess(s3Item, s3Env);
  EXPECT_EQ(s3.status, 2);
  EXPECT_EQ(s3.err.find("needs libcurl"), std::string::npos) << s3.err;
  EXPECT_NE(s3.err.find("s3://bucket/inputs.pb"), std::string::npos) << s3.err;
  EXPECT_NE(s3.err.find("URL"), std::string::npos) << s3.err;  // libcurl's "Port number ... URL" error
  ProcessResult image = runProcess({"/usr/bin/find", rootfs, "-name", "libcurl.so*"}, {});
  EXPECT_NE(image.out.find("libcurl.so"), std::string::npos) << image.out;
  // Without libcurl in the image, s3:// fails with a clear error; local storage is unaffected (above).
  ASSERT_EQ(runProcess({"/bin/sh", "-c", "find \"$0\" -name 'libcurl.so*' -exec rm {} +", rootfs}, {}).status, 0);
  s3Item[6] = "/tmp/s3-missing";
  ProcessResult missing = runProcess(s3Item, s3Env);
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("s3:// needs libcurl: libcurl.so"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("cannot open shared object file"), std::string::npos) << missing.err;
  auto missingDoc = readErrorDocument(rootfs + "/tmp/s3-missing/error.pb");
  ASSERT_TRUE(missingDoc) << missing.err;
  EXPECT_EQ(missingDoc->error().code(), "SYSTEM:Storage");
}

// A fused task chain (--chain, the task-chain-fusion pass): each further task fed from the previous task's outputs
// or the inputs, the last task's outputs written; a failure is the task's own user error.
TEST(Contract, ChainRunsTasksInOrder) {
  LocalDir work("chain");
  core::LiteralMap in;
  (*in.mutable_literals())["x"] = intLiteral(-3);
  (*in.mutable_literals())["w"] = toLiteral(std::string("hi"));
  writeMessage(work.path + "/in.pb", in);
  auto run = [&](const std::string& out, std::vector<std::string> chain) {
    std::vector<std::string> args = {FLYTECC_TEST_TASKS_EXE, "--inputs", work.path + "/in.pb", "--output-prefix",
                                     work.path + "/" + out, "--task", "runtime_test.crashes"};
    for (auto& c : chain) args.insert(args.end(), {"--chain", c});
    return runProcess(args, {});
  };
  // crashes(-3) = -3, fails(-3) = 3, several(3, "hi") = (3, [hi, hi]).
  ProcessResult ok = run("ok", {"runtime_test.fails:x=out.o0", "runtime_test.several:maybe=out.o0,word=in.w"});
  ASSERT_EQ(ok.status, 0) << ok.err;
  auto outputs = readLiteralMap(work.path + "/ok/outputs.pb");
  ASSERT_TRUE(outputs);
  EXPECT_EQ(showLiteral(outputs->literals().at("o0")), "3");
  EXPECT_EQ(showLiteral(outputs->literals().at("o1")), showLiteral(toLiteral(std::vector<std::string>{"hi", "hi"})));
  // fails(3) throws: the same user error as the task alone gives.
  ProcessResult failed = run("failed", {"runtime_test.fails:x=out.o0", "runtime_test.fails:x=out.o0"});
  EXPECT_EQ(failed.status, 1) << failed.err;
  auto doc = readErrorDocument(work.path + "/failed/error.pb");
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->error().code(), "USER:std::invalid_argument");
  EXPECT_EQ(doc->error().message(), "task 'runtime_test.fails' failed: x must not be positive, got 3");
  // Malformed or unknown feeds are the runtime's (SYSTEM) errors.
  for (const auto& [chain, why] : std::vector<std::pair<std::string, std::string>>{
           {"runtime_test.fails", "needs a value TASK:INPUT=out.NAME or in.NAME"},
           {"runtime_test.fails:x=o0", "needs a value TASK:INPUT=out.NAME or in.NAME"},
           {"runtime_test.fails:y=out.o0", "task 'runtime_test.fails' has no input 'y' to feed"},
           {"runtime_test.nope:x=out.o0", "no task named 'runtime_test.nope'"},
           {"runtime_test.fails:x=out.o7", "no output 'o7' to feed input 'x' of 'runtime_test.fails'"}}) {
    ProcessResult bad = run("bad", {chain});
    EXPECT_EQ(bad.status, 2) << chain;
    EXPECT_NE(bad.err.find(why), std::string::npos) << chain << ": " << bad.err;
  }
}
