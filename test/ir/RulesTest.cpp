#include <gtest/gtest.h>

#include "ir/Rules.h"
#include "ir/Verifier.h"
#include "test/ir/Samples.h"

using namespace flytecc::ir;
using namespace flytecc::ir::samples;

TEST(Rules, EntityNames) {
  EXPECT_TRUE(isValidEntityName("pkg.mod.task_1"));
  EXPECT_TRUE(isValidEntityName("ok-name.v2"));
  EXPECT_TRUE(isValidEntityName("_private"));
  EXPECT_FALSE(isValidEntityName(""));
  EXPECT_FALSE(isValidEntityName(".hidden"));
  EXPECT_FALSE(isValidEntityName("-dash"));  // the analysis and the verifier once disagreed on this one
  EXPECT_FALSE(isValidEntityName("../../escaped"));
  EXPECT_FALSE(isValidEntityName("a/b"));
  EXPECT_FALSE(isValidEntityName("(anonymous namespace).hidden"));
  EXPECT_FALSE(isValidEntityName("caf\xc3\xa9"));
}

TEST(Rules, VerifierUsesTheEntityNameRule) {
  Module m = sample();
  m.workflows[0].name = "-dash";
  bool found = false;
  for (const auto& e : verify(m)) found |= e.message == "'-dash' is not a valid entity name";
  EXPECT_TRUE(found);
}

TEST(Rules, NamedOutputs) {
  auto vars = [](std::vector<std::string> names) {
    std::vector<Variable> out;
    for (auto& n : names) out.push_back({n, Type::of(Simple::Integer), std::nullopt});
    return out;
  };
  EXPECT_FALSE(hasNamedOutputs(vars({})));
  EXPECT_FALSE(hasNamedOutputs(vars({"o0", "o1"})));
  EXPECT_TRUE(hasNamedOutputs(vars({"mean", "count"})));
  EXPECT_TRUE(hasNamedOutputs(vars({"text"})));
  // The verifier accepts both forms and rejects positional names out of place.
  Module m;
  Task t;
  t.name = "t";
  t.interface.outputs = vars({"mean", "count"});
  m.tasks.push_back(t);
  EXPECT_TRUE(verify(m).empty());
  m.tasks[0].interface.outputs = vars({"o1", "mean"});
  EXPECT_FALSE(verify(m).empty());
  m.tasks[0].interface.outputs = vars({"mean", "mean"});
  EXPECT_FALSE(verify(m).empty());
}

TEST(Rules, SuccessCriteria) {
  EXPECT_TRUE(isValidMinSuccessRatio(1));
  EXPECT_TRUE(isValidMinSuccessRatio(0.5));
  EXPECT_FALSE(isValidMinSuccessRatio(0));
  EXPECT_FALSE(isValidMinSuccessRatio(1.5));
  EXPECT_FALSE(isValidMinSuccessRatio(-0.1));
  EXPECT_TRUE(conflictingSuccessCriteria(0.5, 2u));
  EXPECT_FALSE(conflictingSuccessCriteria(0.5, std::nullopt));
  EXPECT_FALSE(mapItemsMayFail(std::nullopt, std::nullopt));
  EXPECT_FALSE(mapItemsMayFail(1.0, std::nullopt));
  EXPECT_TRUE(mapItemsMayFail(0.9, std::nullopt));
  EXPECT_TRUE(mapItemsMayFail(std::nullopt, 3u));
}

TEST(Rules, MapTaskInterface) {
  Task t = multiInputTask();
  Interface i = mapTaskInterface(t.interface, {"price"}, /*itemsMayFail=*/false);
  ASSERT_EQ(i.inputs.size(), 3u);
  EXPECT_EQ(i.findInput("quantity")->type, Type::list(Type::of(Simple::Integer)));
  EXPECT_EQ(i.findInput("price")->type, Type::of(Simple::Float));
  EXPECT_EQ(i.findOutput("o0")->type, Type::list(Type::of(Simple::Float)));
  Interface failing = mapTaskInterface(t.interface, {"price"}, /*itemsMayFail=*/true);
  EXPECT_EQ(failing.findOutput("o0")->type, Type::list(Type::optional(Type::of(Simple::Float))));

  // The verifier holds a map task to the same rule: [float] is wrong once items may fail.
  Module m = sample();
  m.mapTasks[0].minSuccesses = 1;
  bool found = false;
  std::string want = "output 'o0' must be " + Type::list(Type::optional(Type::of(Simple::Float))).str();
  for (const auto& e : verify(m)) found |= e.message.find(want) != std::string::npos;
  EXPECT_TRUE(found);
}

TEST(Rules, ImageReferences) {
  for (const char* good : {"ubuntu", "ubuntu:22.04", "i:1", "library/ubuntu", "ghcr.io/org/app:1.0",
                           "localhost:5000/a/b_c.d-e:v1", "cr.flyte.org/flyteorg/flytekit:py3.11-1.10.0",
                           "app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                           "[::1]:5000/app:1", "{{.image.default.fqn}}:{{.image.default.version}}"})
    EXPECT_TRUE(isValidImageReference(good)) << good;
  for (const char* bad : {"", "Not An Image", "ghcr.io/Org/App:1", "app:", ":1", "app::1", "/app", "app/",
                          "app@sha256:short", "a//b", "-app", "app:-tag", "app:" "t a g"})
    EXPECT_FALSE(isValidImageReference(bad)) << bad;
  EXPECT_FALSE(isValidImageReference(std::string(300, 'a')));
  EXPECT_FALSE(isValidImageReference(std::string_view("ap\0p", 4)));
}
