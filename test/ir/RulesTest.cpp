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

TEST(Rules, LaunchPlans) {
  Workflow wf;
  wf.name = "m.report_wf";
  wf.interface.inputs = {{"region", Type::of(Simple::String), std::nullopt},
                         {"day", Type::of(Simple::Datetime), std::nullopt},
                         {"limit", Type::of(Simple::Integer), Literal::ofInt(10)}};
  wf.interface.outputs = {{"o0", Type::of(Simple::String), std::nullopt}};
  LaunchPlan lp;
  lp.name = "nightly";
  lp.workflow = wf.name;
  lp.defaults = {{"region", Literal::ofString("eu-west")}};
  lp.fixed = {{"limit", Literal::ofInt(100)}};
  lp.schedule.kind = Schedule::Kind::Cron;
  lp.schedule.cron = "0 2 * * *";
  lp.schedule.kickoffInput = "day";
  EXPECT_TRUE(launchPlanProblems(wf, lp).empty());
  // The fixed input is gone; the launch plan's default replaces none; `day` stays required.
  Interface iface = launchPlanInterface(wf, lp);
  ASSERT_EQ(iface.inputs.size(), 2u);
  EXPECT_EQ(iface.inputs[0].name, "region");
  EXPECT_EQ(iface.inputs[0].defaultValue, Literal::ofString("eu-west"));
  EXPECT_EQ(iface.inputs[1].name, "day");
  EXPECT_FALSE(iface.inputs[1].defaultValue);
  EXPECT_EQ(iface.outputs.size(), 1u);

  LaunchPlan bad = lp;
  bad.fixed = {{"limt", Literal::ofInt(1)}, {"region", Literal::ofInt(3)}};
  bad.schedule.kickoffInput = "limit";
  auto problems = launchPlanProblems(wf, bad);
  ASSERT_EQ(problems.size(), 4u);
  EXPECT_EQ(problems[0], "fixed input 'limt' is not an input of workflow 'm.report_wf'");
  EXPECT_EQ(problems[1], "fixed input 'region' is 3, but workflow 'm.report_wf' declares it str");
  EXPECT_EQ(problems[2], "input 'region' is both fixed and defaulted");
  EXPECT_EQ(problems[3], "the schedule's kickoff input 'limit' is not a datetime input of workflow 'm.report_wf'");

  // The verifier applies the same rules to the module.
  Module m;
  m.workflows.push_back(wf);
  bad.interface = launchPlanInterface(wf, bad);
  m.launchPlans.push_back(bad);
  bool found = false;
  for (const auto& e : verify(m)) found |= e.message == "launch plan 'nightly': input 'region' is both fixed and defaulted";
  EXPECT_TRUE(found);
}

TEST(Rules, QuantitiesCompareExactly) {
  EXPECT_EQ(compareQuantities("100m", "0.1"), 0);  // no floating-point rounding
  EXPECT_EQ(compareQuantities("1.5G", "1500M"), 0);
  EXPECT_EQ(compareQuantities("1e3", "1k"), 0);
  EXPECT_EQ(compareQuantities("1Gi", "1G"), 1);     // 1073741824 > 10^9
  EXPECT_EQ(compareQuantities("1000Mi", "1Gi"), -1);
  EXPECT_EQ(compareQuantities("2", "1999m"), 1);
  EXPECT_EQ(compareQuantities("0", "1n"), -1);
  EXPECT_EQ(compareQuantities("0.000", "0"), 0);
  EXPECT_EQ(compareQuantities("1Ei", "1E"), 1);
  EXPECT_EQ(compareQuantities("1e-300", "1e300"), -1);
  EXPECT_EQ(compareQuantities("1000000000000000000001", "1E"), 1);
  EXPECT_FALSE(compareQuantities("2 GB", "1"));
  EXPECT_FALSE(compareQuantities("1", "1Xi"));
  EXPECT_FALSE(compareQuantities("", "1"));
  EXPECT_EQ(largerQuantity("500m", "1"), "1");
  EXPECT_EQ(largerQuantity("2Gi", "2G"), "2Gi");
}

TEST(Rules, RequestsAboveLimits) {
  Resources requests{"2", "4Gi", "", "1G"}, limits{"1500m", "4096Mi", "1", "999M"};
  auto above = requestsAboveLimits(requests, limits);
  ASSERT_EQ(above.size(), 2u);
  EXPECT_EQ(above[0].name, "cpu");
  EXPECT_EQ(above[0].request, "2");
  EXPECT_EQ(above[0].limit, "1500m");
  EXPECT_EQ(above[1].name, "ephemeral_storage");
  EXPECT_TRUE(requestsAboveLimits(requests, Resources{}).empty());  // a limit left unset is no bound
}

TEST(Rules, CronSchedules) {
  // Flyte's documented form (five fields) and flytekit's aliases.
  for (const char* ok : {"0 2 * * *", "*/5 * * * *", "0 0 1 JAN *", "30 6 ? * MON-FRI", "0 9-17/2 1,15 jan-jun sun",
                         "0 0 * * 6", "@hourly", "Daily", "weeks", "@annually", " 0  2 * * * ", "0\t2 * * *"})
    EXPECT_EQ(cronProblem(ok), "") << ok;
  EXPECT_EQ(cronProblem("0 2 * *"),
            "it has 4 fields; Flyte's cron schedules have 5 (minute hour day-of-month month day-of-week) or are an "
            "alias such as @hourly or @daily");
  EXPECT_EQ(cronProblem("60 * * * *"), "'60' is not a valid minute (0-59, '*', ranges a-b, steps /n, lists a,b)");
  EXPECT_EQ(cronProblem("0 24 * * *"), "'24' is not a valid hour (0-23, '*', ranges a-b, steps /n, lists a,b)");
  EXPECT_EQ(cronProblem("0 0 0 * *"),
            "'0' is not a valid day of month (1-31, '*', ranges a-b, steps /n, lists a,b, '?')");
  EXPECT_EQ(cronProblem("0 0 * FOO *"),
            "'FOO' is not a valid month (1-12 or a name, '*', ranges a-b, steps /n, lists a,b)");
  EXPECT_EQ(cronProblem("0 0 * * 7"),
            "'7' is not a valid day of week (0-6 or a name, '*', ranges a-b, steps /n, lists a,b, '?')");
  for (const char* bad : {"? * * * *", "*/0 * * * *", "5-1 * * * *", "1,,2 * * * *", "* * * * * *", "@reboot", "",
                          "-1 * * * *", "1- * * * *", "*/ * * * *", "007 * * * *"})
    EXPECT_NE(cronProblem(bad), "") << bad;
}
