#include <gtest/gtest.h>

#include "ir/Parser.h"
#include "ir/Printer.h"
#include "ir/Verifier.h"
#include "test/ir/Samples.h"

using namespace flytecc::ir;
using namespace flytecc::ir::samples;

namespace {

// sample() plus every attribute the printer knows: metadata, resources, images, overrides, upstream
// nodes, assembled lists, maps, durations, escapes, optional and union types.
Module everything() {
  Module m = sample();
  Task& t = m.tasks[0];
  t.metadata.cache = true;
  t.metadata.cacheVersion = "1.0 \"q\"";
  t.metadata.cacheSerialize = true;
  t.metadata.retries = 3;
  t.metadata.timeoutSeconds = 90;
  t.metadata.interruptible = true;
  t.requests.cpu = "500m";
  t.limits.mem = "2Gi";
  t.image = "example.org/img:1";
  MapTask& mt = m.mapTasks[0];
  mt.concurrency = 4;
  mt.minSuccessRatio = 0.75;
  mt.metadata = t.metadata;

  Task other;
  other.name = "pkg.other-v2";
  other.interface.inputs = {{"d", Type::of(Simple::Duration), {}},
                            {"m", Type::map(Type::list(Type::of(Simple::String))), {}},
                            {"u", Type::optional(Type::of(Simple::Integer)), {}},
                            {"files", Type::list(Type::file()), {}},
                            {"dir", Type::directory(), {}}};
  other.interface.outputs = {{"o0", Type::of(Simple::Boolean), {}}, {"o1", Type::of(Simple::Datetime), {}}};
  m.tasks.push_back(other);

  Workflow& w = m.workflows[0];
  w.interface.inputs.push_back({"s", Type::of(Simple::String), Literal::ofString("a\nb\\c")});
  w.interface.inputs.push_back({"d", Type::of(Simple::Duration), Literal::ofDuration(5000000000)});
  w.interface.inputs.push_back(
      {"m", Type::map(Type::list(Type::of(Simple::String))), Literal::map({{"k", Literal::list({Literal::ofString("v")})}})});
  w.interface.inputs.push_back({"b", Type::of(Simple::Boolean), Literal::ofBool(true)});
  Node n;
  n.id = "n1";
  n.kind = Node::Kind::Task;
  n.target = n.displayName = other.name;
  n.inputs = {{"d", BindingValue::promise("", "d")},
              {"dir", BindingValue::constant(Literal::none())},
              {"files", BindingValue::constant(Literal::list({}))},
              {"m", BindingValue::promise("", "m")},
              {"u", BindingValue::collection({BindingValue::promise("", "p"), BindingValue::constant(Literal::ofInt(-2))})}};
  n.upstream = {"n0"};
  n.overrideRequests.gpu = "1";
  n.overrideImage = "example.org/other:2";
  w.nodes.push_back(n);
  return m;
}

}  // namespace

TEST(Parser, PrintParsePrintIsIdentical) {
  std::string text = print(everything());
  auto parsed = parseModule(text);
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(print(*parsed), text);
  ASSERT_EQ(parsed->tasks.size(), 2u);
  EXPECT_EQ(parsed->tasks[0].metadata.cacheVersion, "1.0 \"q\"");
  EXPECT_EQ(parsed->mapTasks[0].minSuccessRatio, 0.75);
  EXPECT_EQ(parsed->workflows[0].interface.inputs[2].defaultValue->string, "a\nb\\c");
}

TEST(Parser, ParsedSampleVerifies) {
  auto parsed = parseModule(print(sample()));
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_TRUE(verify(*parsed).empty());
  EXPECT_EQ(parsed->mapTasks[0].name, sample().mapTasks[0].name);
}

TEST(Parser, ReportsWhereTheTextIsWrong) {
  auto bad = [](const char* text) {
    auto r = parseModule(text, "x.fir");
    return r ? std::string("parsed") : llvm::toString(r.takeError());
  };
  EXPECT_EQ(bad("task @t(a: int) -> (o0: integer)\n"), "x.fir:1:25: unknown type 'integer'");
  EXPECT_EQ(bad("task @t(a: int) -> (o0: int)\nworkflow @w() -> () {\n  n0 = call @t(a = 1)\n}\n"),
            "x.fir:3:8: expected 'task', 'array', 'workflow' or 'launchplan', found 'call'");
  EXPECT_EQ(bad("workflow @w(s: str = \"open) -> () {}"), "x.fir:1:22: unterminated string");
  EXPECT_EQ(bad("map_task @m() -> () { concurrency=-1 }"), "x.fir:1:35: expected a number, found '-1'");
  EXPECT_EQ(bad("flow @w() -> () {}"), "x.fir:1:1: expected 'task', 'map_task' or 'workflow', found 'flow'");
}

// The fusions' attributes: a fused task chain, a workflow's fuse_tasks, an ArrayNode's fuse=true; the verifier
// checks a chain's feeds.
TEST(Parser, FusionAttributesRoundTripAndVerify) {
  const std::string text =
      "task @m.a(x: int) -> (o0: int, o1: str)\n"
      "task @m.b(y: int, s: str, k: float) -> (o0: float)\n"
      "task @m.chain_a__b_1(x: int, k: float) -> (o0: float) { chain=[@m.a, @m.b(y=out.o0, s=out.o1, k=in.k)] }\n"
      "task @m.c(x: int) -> (o0: int)\n"
      "map_task @m.map_c-arraynode(x: [int]) -> (o0: [int]) { task=@m.c }\n"
      "workflow @m.w(x: int, xs: [int]) -> (o0: float) fuse_tasks {\n"
      "  n1 = task @m.chain_a__b_1(k = 1.5, x = $x)\n"
      "  n2 = array @m.map_c-arraynode(x = $xs) { fuse=true }\n"
      "  return o0 = n1.o0\n"
      "}\n";
  auto parsed = parseModule(text);
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(print(*parsed), text);
  EXPECT_TRUE(parsed->workflows[0].fuseTasks);
  EXPECT_TRUE(parsed->workflows[0].nodes[1].fuse);
  ASSERT_EQ(parsed->tasks[2].chain.size(), 2u);
  EXPECT_EQ(parsed->tasks[2].chain[1].feeds[2], (ChainFeed{"k", false, "k"}));
  auto errors = verify(*parsed);
  EXPECT_TRUE(errors.empty()) << errors.front().message;

  auto problems = [&](const std::string& from, const std::string& to) {
    std::string changed = text;
    changed.replace(changed.find(from), from.size(), to);
    auto m = parseModule(changed);
    EXPECT_TRUE(static_cast<bool>(m)) << changed;
    auto errors = verify(*m);
    return errors.empty() ? std::string("verifies") : errors.front().message;
  };
  EXPECT_EQ(problems("s=out.o1", "s=out.o5"), "fused task 'm.chain_a__b_1' feeds 's' of 'm.b' from unknown output 'o5'");
  EXPECT_EQ(problems("s=out.o1", "s=out.o0"), "fused task 'm.chain_a__b_1': int cannot feed input 's' (str) of 'm.b'");
  EXPECT_EQ(problems(", k=in.k", ""), "fused task 'm.chain_a__b_1' does not feed input 'k' of 'm.b'");
  EXPECT_EQ(problems("(o0: float) { chain", "(o0: int) { chain"), "fused task 'm.chain_a__b_1' must have the outputs of 'm.b'");
  auto bad = parseModule("task @t(a: int) -> (o0: int) { chain=[@a, @b(a=o0)] }", "x.fir");
  EXPECT_EQ(bad ? std::string("parsed") : llvm::toString(bad.takeError()), "x.fir:1:48: expected out.NAME or in.NAME");
}
