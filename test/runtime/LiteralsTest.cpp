// Literal conversion (runtime/Literals.h): round trips of every SDK type, and flytekit's own literals and task
// inputs/outputs (test/data/flytekit-literals, written by flytekit 1.16.24) decoded and re-encoded byte for byte.
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/message_differencer.h>
#include <gtest/gtest.h>

#include <cctype>
#include <chrono>
#include <variant>
#include <fstream>
#include <sstream>

#include "flyteidl/core/interface.pb.h"
#include "runtime/Literals.h"
#include "runtime/TaskMain.h"
#include "runtime/TaskRuntime.h"

using namespace flytecc::runtime;
using google::protobuf::util::MessageDifferencer;
using namespace std::chrono_literals;

namespace {

std::string dataDir() { return FLYTECC_TEST_DATA "/flytekit-literals/"; }

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << path;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

core::Literal goldenLiteral(const std::string& name) {
  core::Literal l;
  EXPECT_TRUE(l.ParseFromString(slurp(dataDir() + "values/" + name + ".pb"))) << name;
  return l;
}
core::LiteralType goldenType(const std::string& name) {
  core::LiteralType t;
  auto st = google::protobuf::util::JsonStringToMessage(slurp(dataDir() + "values/" + name + ".type.json"), &t);
  EXPECT_TRUE(st.ok()) << name << ": " << st.ToString();
  return t;
}
core::LiteralMap goldenMap(const std::string& task, const std::string& file) {
  core::LiteralMap m;
  EXPECT_TRUE(m.ParseFromString(slurp(dataDir() + "io/" + task + "/" + file))) << task << "/" << file;
  return m;
}

std::string text(const google::protobuf::Message& m) { return m.DebugString(); }

// Deterministic bytes (sorted map entries), as flytekit's goldens and the runtime's files are written.
std::string bytes(const google::protobuf::Message& m) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    m.SerializeToCodedStream(&coded);
  }
  return out;
}

// flytekit's literal decodes to `expected`, which encodes back to flytekit's literal; the types agree too.
template <class T>
void checkGolden(const std::string& name, const T& expected) {
  SCOPED_TRACE(name);
  core::Literal golden = goldenLiteral(name);
  T decoded = fromLiteral<T>(golden);
  EXPECT_TRUE(decoded == expected);
  core::Literal encoded = toLiteral(expected);
  EXPECT_TRUE(MessageDifferencer::Equals(encoded, golden)) << text(encoded) << "vs flytekit\n" << text(golden);
  EXPECT_EQ(bytes(encoded), slurp(dataDir() + "values/" + name + ".pb"));  // flytekit's bytes
  core::LiteralType type = literalTypeOf<T>();
  EXPECT_TRUE(MessageDifferencer::Equals(type, goldenType(name))) << text(type) << "vs\n" << text(goldenType(name));
}

template <class T>
void roundTrip(const T& value) {
  core::Literal l = toLiteral(value);
  core::Literal wire;
  ASSERT_TRUE(wire.ParseFromString(bytes(l)));
  EXPECT_TRUE(fromLiteral<T>(wire) == value) << text(l);
}

template <class T>
std::string decodeError(const core::Literal& l) {
  try {
    (void)fromLiteral<T>(l);
  } catch (const ConversionError& e) {
    return e.what();
  }
  return "(no error)";
}

using Clock = std::chrono::system_clock;

}  // namespace

TEST(Literals, FlytekitScalars) {
  checkGolden<std::int64_t>("int", 42);
  checkGolden<int>("int_negative", -7);
  checkGolden<std::int64_t>("int_max", 9223372036854775807LL);
  checkGolden<double>("float", 3.14159);
  checkGolden<double>("float_whole", 2.0);
  checkGolden<bool>("bool", true);
  checkGolden<std::string>("str_unicode", "h\xC3\xA9llo, \xE4\xB8\x96\xE7\x95\x8C \xF0\x9F\x9A\x80");
  // 2024-05-17T13:45:30.123456Z
  checkGolden<Clock::time_point>("datetime_utc", Clock::time_point(1715953530s + 123456us));
  checkGolden<std::chrono::microseconds>("timedelta", 5405s + 250ms);
}

TEST(Literals, FlytekitCollectionsAndOptionals) {
  checkGolden<std::vector<int>>("list_int", {1, 2, 3});
  checkGolden<std::vector<int>>("list_int_empty", {});
  checkGolden<std::vector<std::vector<std::string>>>("list_list_str", {{"a", "b"}, {}, {"c"}});
  checkGolden<std::map<std::string, double>>("dict_str_float", {{"b", -2.0}, {"a", 1.5}});
  checkGolden<std::optional<int>>("optional_int_value", 5);
  checkGolden<std::optional<int>>("optional_int_none", std::nullopt);
  checkGolden<std::optional<std::vector<int>>>("optional_list_int", std::vector<int>{4, 5});
  checkGolden<std::optional<std::map<std::string, int>>>("optional_dict_str_int", std::map<std::string, int>{{"k", 1}});
  checkGolden<std::vector<std::optional<int>>>("list_optional_int", {1, std::nullopt, 3, std::nullopt});
  checkGolden<std::optional<Clock::time_point>>("optional_datetime_none", std::nullopt);
}

TEST(Literals, FlytekitBlobs) {
  checkGolden<flyte::File>("flytefile_s3", flyte::File{"s3://my-bucket/data/input.csv"});
  checkGolden<flyte::Directory>("flytedirectory_s3", flyte::Directory{"s3://my-bucket/data/images/"});
  checkGolden<std::optional<flyte::File>>("optional_flytefile", flyte::File{"s3://my-bucket/data/maybe.csv"});
}

TEST(Literals, RoundTrips) {
  roundTrip<std::int8_t>(-128);
  roundTrip<std::uint32_t>(4000000000u);
  roundTrip<std::int64_t>(std::numeric_limits<std::int64_t>::min());
  roundTrip<float>(1.5f);
  roundTrip<std::string>("");
  roundTrip<std::chrono::seconds>(-90s);
  roundTrip<std::chrono::nanoseconds>(-1ns);
  roundTrip<Clock::time_point>(Clock::time_point(-1500ms));  // before 1970: Timestamp nanos stay positive
  roundTrip<std::map<std::string, std::vector<std::optional<double>>>>({{"x", {1.0, std::nullopt}}, {"y", {}}});
  roundTrip<std::optional<std::optional<int>>>(std::nullopt);
  roundTrip<std::vector<flyte::Directory>>({{"/data/a"}, {"s3://b/c/"}});
  roundTrip<std::optional<std::chrono::milliseconds>>(1500ms);
  roundTrip<std::vector<std::map<std::string, bool>>>({{{"t", true}}, {}});

  core::Literal neg = toLiteral(Clock::time_point(-1500ms));
  EXPECT_EQ(neg.scalar().primitive().datetime().seconds(), -2);
  EXPECT_EQ(neg.scalar().primitive().datetime().nanos(), 500000000);
}

TEST(Literals, Types) {
  EXPECT_EQ(describeType(literalTypeOf<std::vector<std::optional<flyte::File>>>()), "[file?]");
  EXPECT_EQ((describeType(literalTypeOf<std::map<std::string, std::chrono::seconds>>())), "{str: duration}");
  auto t = literalTypeOf<std::optional<std::vector<int>>>();
  EXPECT_EQ(t.union_type().variants(0).structure().tag(), "Typed List");
  EXPECT_EQ(t.union_type().variants(1).structure().tag(), "none");
  EXPECT_EQ(literalTypeOf<std::optional<flyte::Directory>>().union_type().variants(0).structure().tag(),
            "FlyteDirectory");
  EXPECT_EQ(literalTypeOf<std::optional<std::chrono::seconds>>().union_type().variants(0).structure().tag(),
            "timedelta");
  EXPECT_EQ(literalTypeOf<std::optional<bool>>().union_type().variants(0).structure().tag(), "bool");
}

TEST(Literals, Mismatches) {
  EXPECT_EQ(decodeError<int>(toLiteral(std::string("abc"))), "expected int, got str (\"abc\")");
  EXPECT_EQ(decodeError<double>(toLiteral(3)), "expected float, got int (3)");
  EXPECT_EQ(decodeError<std::vector<int>>(toLiteral(std::vector<double>{1.0, 2.5})),
            "[0]: expected int, got float (1.000000)");
  EXPECT_EQ((decodeError<std::map<std::string, int>>(toLiteral(std::map<std::string, bool>{{"k", true}}))),
            "['k']: expected int, got bool (true)");
  EXPECT_EQ(decodeError<std::int32_t>(toLiteral<std::int64_t>(3000000000LL)),
            "the integer 3000000000 is out of range for the C++ parameter (32-bit signed)");
  EXPECT_EQ(decodeError<std::uint8_t>(toLiteral(-1)),
            "the integer -1 is out of range for the C++ parameter (8-bit unsigned)");
  EXPECT_EQ(decodeError<flyte::File>(toLiteral(flyte::Directory{"s3://b/d/"})), "expected file, got dir (s3://b/d/)");
  EXPECT_EQ(decodeError<std::optional<int>>(toLiteral(std::optional<std::string>("x"))),
            "expected int?, got union value str (\"x\") tagged 'str'");
  EXPECT_EQ(decodeError<std::vector<int>>(core::Literal()), "expected [int], got an empty literal");
  try {
    (void)toLiteral<std::uint64_t>(std::numeric_limits<std::uint64_t>::max());
    ADD_FAILURE() << "no error";
  } catch (const ConversionError& e) {
    EXPECT_STREQ(e.what(), "18446744073709551615 does not fit Flyte's INTEGER (64-bit signed)");
  }
}

// Bare forms (launch-plan defaults): a none scalar and an unwrapped value both decode as optionals.
TEST(Literals, BareOptionals) {
  core::Literal none;
  none.mutable_scalar()->mutable_none_type();
  EXPECT_EQ(fromLiteral<std::optional<int>>(none), std::nullopt);
  EXPECT_EQ(fromLiteral<std::optional<int>>(toLiteral(7)), 7);
}

// --- flytekit's task entry points: same inputs, same outputs ---------------------------------------------------

namespace tasks {
// flytekit's Scalars NamedTuple: named outputs.
struct Scalars {
  FLYTE_NAMED_OUTPUTS;
  std::int64_t next_n;
  double half;
  std::string banner;
  Clock::time_point later;
};
Scalars scalars(std::int64_t n, double x, bool flag, std::string name, Clock::time_point when,
                std::chrono::microseconds wait) {
  return {.next_n = n + 1, .half = x / 2, .banner = flag ? name + "!" : name, .later = when + wait};
}
// What flytecc's generated task main writes for it (tools/flytecc/TaskMain.cpp).
auto scalarsFields(const ResultOf<&scalars>& r) { return std::tie(r.next_n, r.half, r.banner, r.later); }

using IntOrStr = std::variant<std::int64_t, std::string>;
std::tuple<std::optional<std::vector<std::int64_t>>, IntOrStr> collections(
    std::vector<std::int64_t> xs, std::vector<std::vector<std::string>> grid, std::map<std::string, double> weights,
    std::vector<std::optional<std::int64_t>> sparse, std::optional<std::int64_t> maybe, IntOrStr v) {
  std::vector<std::int64_t> kept;
  for (auto x : sparse)
    if (x) kept.push_back(*x);
  IntOrStr second = static_cast<std::int64_t>(grid.size());
  if (auto* s = std::get_if<std::string>(&v)) {
    std::string upper = *s;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    second = upper;
  }
  if (kept.empty()) return {std::nullopt, second};
  return {kept, second};
}
std::tuple<flyte::File, flyte::Directory, std::string> files(flyte::File f, flyte::Directory d) {
  return {f, d, f.path};
}
std::int64_t square(std::int64_t x) { return x * x; }
}  // namespace tasks

namespace {
core::LiteralMap call(const TaskEntry& entry, const core::LiteralMap& inputs, const std::vector<std::string>* bound = nullptr,
                      std::int64_t index = 0) {
  core::LiteralMap outputs;
  TaskCall c{entry, inputs, bound, index, nullptr, &outputs, nullptr};
  entry.run(c);
  return outputs;
}
}  // namespace

TEST(FlytekitEntrypoint, Scalars) {
  // flytekit's NamedTuple outputs are named after its fields; so are a FLYTE_NAMED_OUTPUTS struct's.
  TaskEntry e{"scalars", {"n", "x", "flag", "name", "when", "wait"}, {"next_n", "half", "banner", "later"},
              &adapt<&tasks::scalars, &tasks::scalarsFields>};
  core::LiteralMap out = call(e, goldenMap("scalars", "inputs.pb"));
  EXPECT_EQ(bytes(out), slurp(dataDir() + "io/scalars/outputs.pb"));
}

TEST(FlytekitEntrypoint, Collections) {
  // o0 is Optional[List[int]], o1 a Union[int, str] (std::variant), the input v a Union[int, str] too.
  core::LiteralMap inputs = goldenMap("collections", "inputs.pb");
  TaskEntry e{"collections", {"xs", "grid", "weights", "sparse", "maybe", "v"}, {"o0", "o1"},
              &adapt<&tasks::collections>};
  core::LiteralMap out = call(e, inputs);
  EXPECT_EQ(bytes(out), slurp(dataDir() + "io/collections/outputs.pb"));
}

TEST(FlytekitEntrypoint, FilesPassThrough) {
  TaskEntry e{"files", {"f", "d"}, {"o0", "o1", "o2"}, &adapt<&tasks::files>};
  core::LiteralMap out = call(e, goldenMap("files", "inputs.pb"));
  EXPECT_EQ(bytes(out), slurp(dataDir() + "io/files/outputs.pb"));
}

TEST(FlytekitEntrypoint, MapItem) {
  TaskEntry e{"square", {"x"}, {"o0"}, &adapt<&tasks::square>};
  std::vector<std::string> bound;
  core::LiteralMap out = call(e, goldenMap("map_square", "inputs.pb"), &bound, 1);
  EXPECT_EQ(bytes(out), slurp(dataDir() + "io/map_square/outputs.pb"));
  try {
    call(e, goldenMap("map_square", "inputs.pb"), &bound, 3);
    ADD_FAILURE() << "no error";
  } catch (const InputError& err) {
    EXPECT_STREQ(err.what(), "array index 3 is out of range for input 'x' (3 items)");
  }
  // Bound inputs are passed whole: a list bound to an int parameter is a type error naming the input.
  std::vector<std::string> boundX{"x"};
  try {
    call(e, goldenMap("map_square", "inputs.pb"), &boundX, 0);
    ADD_FAILURE() << "no error";
  } catch (const InputError& err) {
    EXPECT_STREQ(err.what(), "input 'x': expected int, got a list of 3 (first: int (1))");
  }
}

TEST(FlytekitEntrypoint, MissingInput) {
  TaskEntry e{"square", {"x"}, {"o0"}, &adapt<&tasks::square>};
  try {
    call(e, core::LiteralMap());
    ADD_FAILURE() << "no error";
  } catch (const InputError& err) {
    EXPECT_STREQ(err.what(), "missing input 'x'");
  }
}

// --- enums (issue 13) ---------------------------------------------------------------------------------------

namespace golden2 {
enum class Color { red, green, blue };
}  // namespace golden2

// What flytecc's generated task main writes for an enum a task uses.
template <>
struct flytecc::runtime::EnumNames<golden2::Color> {
  static constexpr std::pair<golden2::Color, const char*> values[] = {
      {golden2::Color::red, "red"}, {golden2::Color::green, "green"}, {golden2::Color::blue, "blue"}};
};

TEST(Literals, FlytekitEnums) {
  // flytekit's Color.GREEN ("green") and Optional[Color] = Color.BLUE, both directions, byte for byte.
  checkGolden("enum", golden2::Color::green);
  checkGolden("optional_enum", std::optional<golden2::Color>(golden2::Color::blue));
  roundTrip(std::vector<golden2::Color>{golden2::Color::red, golden2::Color::blue});
  core::Literal purple = toLiteral(std::string("purple"));
  EXPECT_EQ(decodeError<golden2::Color>(purple), "'purple' is not one of the enum's values (red, green, blue)");
  EXPECT_EQ(decodeError<golden2::Color>(toLiteral(3)),
            "expected " + describeType(literalTypeOf<golden2::Color>()) + ", got int (3)");
}

// --- structs as dataclasses (issue 13) --------------------------------------------------------------------------

namespace golden2 {
struct Point {
  double x;
  double y;
  bool operator==(const Point&) const = default;
};
struct Shape {
  std::string name;
  Point origin;
  std::vector<Point> vertices = {};
  std::vector<std::string> tags = {};
  std::optional<std::string> label = std::nullopt;
  std::map<std::string, double> props = {};
  std::int64_t count = 0;
  Color color = Color::red;
  bool operator==(const Shape&) const = default;
};
struct Summary {
  std::string name;
  std::int64_t n_vertices;
  std::optional<double> area = std::nullopt;
  bool operator==(const Summary&) const = default;
};
}  // namespace golden2

namespace {
// The LiteralType flytekit declares for a dataclass (the generated task main gives the compiler's lowering of it,
// which test/flyteidl/LoweringTest.cpp compares with these goldens).
const std::string& goldenTypeBytes(const std::string& name) {
  static std::map<std::string, std::string> cache;
  auto [it, fresh] = cache.emplace(name, "");
  if (fresh) it->second = bytes(goldenType(name));
  return it->second;
}
}  // namespace

// What flytecc's generated task main writes for a struct a task uses.
template <>
struct flytecc::runtime::StructFields<golden2::Point> {
  static constexpr auto fields = std::make_tuple(field("x", &golden2::Point::x), field("y", &golden2::Point::y));
  static std::string_view literalType() { return goldenTypeBytes("dataclass_point"); }
};
template <>
struct flytecc::runtime::StructFields<golden2::Shape> {
  static constexpr auto fields = std::make_tuple(
      field("name", &golden2::Shape::name), field("origin", &golden2::Shape::origin),
      field("vertices", &golden2::Shape::vertices), field("tags", &golden2::Shape::tags),
      field("label", &golden2::Shape::label), field("props", &golden2::Shape::props),
      field("count", &golden2::Shape::count), field("color", &golden2::Shape::color));
  static std::string_view literalType() { return goldenTypeBytes("dataclass_nested"); }
};
template <>
struct flytecc::runtime::StructFields<golden2::Summary> {
  static constexpr auto fields =
      std::make_tuple(field("name", &golden2::Summary::name), field("n_vertices", &golden2::Summary::n_vertices),
                      field("area", &golden2::Summary::area));
  static std::string_view literalType() {
    static const std::string t = [] {  // Summary's type from the shapes task's interface
      core::TypedInterface iface;
      EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(slurp(dataDir() + "io/shapes/interface.json"), &iface).ok());
      return bytes(iface.outputs().variables().at("o0").type());
    }();
    return t;
  }
};

TEST(Literals, FlytekitDataclasses) {
  using golden2::Point, golden2::Shape;
  // flytekit's msgpack bytes decode to the struct and the struct encodes to them, byte for byte.
  checkGolden("dataclass_point", Point{1.0, 2.0});
  checkGolden("dataclass_nested", Shape{"tri", {0.5, -1.0}, {{0.0, 0.0}, {1.0, 0.0}, {0.0, 1.0}}, {"a", "b"},
                                        std::nullopt, {{"side", 1.5}}, 3, golden2::Color::blue});
  checkGolden("list_dataclass", std::vector<Point>{{1.0, 2.0}, {-3.5, 4.0}});
  // Optional[Point]: the variant keeps metadata and annotation, its structure is only the tag.
  checkGolden("optional_dataclass", std::optional<Point>(Point{0.0, -1.0}));
  // The older generic (Struct) form still decodes.
  EXPECT_TRUE(fromLiteral<Point>(goldenLiteral("dataclass_point_legacy_generic")) == (Point{1.0, 2.5}));
  roundTrip(Shape{"empty", {}, {}, {}, std::string("lbl"), {}, -5, golden2::Color::green});
}

TEST(Literals, DataclassErrors) {
  using golden2::Point, golden2::Shape;
  core::Literal l = toLiteral(Point{1.0, 2.0});
  // A field of the wrong type names the field.
  MsgpackWriter w;
  w.map(2);
  w.string("x");
  w.string("one");
  w.string("y");
  w.real(2.0);
  l.mutable_scalar()->mutable_binary()->set_value(w.bytes());
  EXPECT_EQ(decodeError<Point>(l), ".x: expected a number");
  // Bytes that are not msgpack, a wrong tag, a literal that is no dataclass.
  l.mutable_scalar()->mutable_binary()->set_value("\xc1");
  EXPECT_NE(decodeError<Point>(l).find("not msgpack"), std::string::npos) << decodeError<Point>(l);
  l.mutable_scalar()->mutable_binary()->set_value(std::string("\xdd\xff\xff\xff\xff", 5));  // a forged array length
  EXPECT_NE(decodeError<Point>(l).find("not msgpack"), std::string::npos) << decodeError<Point>(l);
  l.mutable_scalar()->mutable_binary()->set_tag("pickle");
  EXPECT_EQ(decodeError<Point>(l), "a binary value tagged 'pickle' is not a dataclass");
  EXPECT_NE(decodeError<Point>(toLiteral(3)).find("expected"), std::string::npos);
  // Nested: the path goes through the list.
  MsgpackWriter n;
  n.map(3);
  n.string("name");
  n.string("s");
  n.string("origin");
  n.map(0);
  n.string("vertices");
  n.array(1);
  n.string("oops");
  core::Literal nested = toLiteral(Shape{});
  nested.mutable_scalar()->mutable_binary()->set_value(n.bytes());
  EXPECT_EQ(decodeError<Shape>(nested), ".vertices[0]: expected a dataclass (a map of its fields)");
}

namespace tasks {
std::tuple<golden2::Summary, std::vector<golden2::Point>, golden2::Color> shapes(golden2::Shape shape,
                                                                                 std::vector<golden2::Point> points,
                                                                                 golden2::Color color) {
  auto it = shape.props.find("side");
  double side = it == shape.props.end() ? 0.0 : it->second;
  std::optional<double> area;
  if (side * side != 0) area = side * side;
  for (auto& p : points) p = {p.x + shape.origin.x, p.y + shape.origin.y};
  return {golden2::Summary{shape.name, static_cast<std::int64_t>(shape.vertices.size()), area}, points, color};
}
}  // namespace tasks

TEST(FlytekitEntrypoint, Dataclasses) {
  // flytekit's pyflyte-execute inputs for `shapes` give the outputs it wrote, byte for byte (o0 is a dataclass,
  // o1 a list of them).
  TaskEntry e{"shapes", {"shape", "points", "color"}, {"o0", "o1", "o2"}, &adapt<&tasks::shapes>};
  core::LiteralMap out = call(e, goldenMap("shapes", "inputs.pb"));
  EXPECT_EQ(bytes(out), slurp(dataDir() + "io/shapes/outputs.pb"));
}

// --- unions: std::variant (issue 13) ----------------------------------------------------------------------------

TEST(Literals, FlytekitUnions) {
  using IntOrStr = std::variant<std::int64_t, std::string>;
  // flytekit's Union[int, str] = 7 and = 'seven', both directions, byte for byte, and its declared type.
  checkGolden<IntOrStr>("union_int_str_int", std::int64_t{7});
  checkGolden<IntOrStr>("union_int_str_str", std::string("seven"));
  // Optional[Union[int, str]] is flattened to Union[int, str, None].
  auto t = literalTypeOf<std::optional<IntOrStr>>();
  ASSERT_EQ(t.union_type().variants_size(), 3);
  EXPECT_EQ(t.union_type().variants(0).structure().tag(), "int");
  EXPECT_EQ(t.union_type().variants(1).structure().tag(), "str");
  EXPECT_EQ(t.union_type().variants(2).structure().tag(), "none");
  EXPECT_EQ(describeType(t), "union<int, str, none>");
  roundTrip<std::optional<IntOrStr>>(std::nullopt);
  roundTrip<std::optional<IntOrStr>>(IntOrStr(std::string("x")));
  roundTrip<std::vector<std::variant<double, std::vector<std::int64_t>, bool>>>({1.5, std::vector<std::int64_t>{1}, true});
  roundTrip<std::variant<std::monostate, std::int64_t>>(std::monostate{});
  // The value of an optional union is the variant's own union value (tag int), as flytekit writes it.
  core::Literal seven = toLiteral(std::optional<IntOrStr>(std::int64_t{7}));
  EXPECT_TRUE(MessageDifferencer::Equals(seven, goldenLiteral("union_int_str_int")));
  // Bare values (launch-plan defaults) go to the first alternative that reads them.
  EXPECT_EQ(fromLiteral<IntOrStr>(toLiteral(std::string("bare"))), IntOrStr(std::string("bare")));
  EXPECT_EQ(fromLiteral<std::optional<IntOrStr>>(toLiteral(std::int64_t{3})), IntOrStr(std::int64_t{3}));
  // The tag picks the alternative: a value tagged 'str' whose literal is an integer does not read.
  core::Literal wrong = goldenLiteral("union_int_str_int");
  wrong.mutable_scalar()->mutable_union_()->mutable_type()->mutable_structure()->set_tag("str");
  EXPECT_EQ(decodeError<IntOrStr>(wrong), "expected union<int, str>, got union value int (7) tagged 'str'");
  EXPECT_EQ(decodeError<IntOrStr>(toLiteral(1.5)), "expected union<int, str>, got float (1.500000)");
}

// Small integer types: a value out of their range is an error naming the input (the generated task main).
namespace tasks {
std::int64_t small(std::int8_t a, std::uint16_t b) { return a + b; }
}  // namespace tasks

TEST(FlytekitEntrypoint, SmallIntegersInRange) {
  TaskEntry e{"small", {"a", "b"}, {"o0"}, &adapt<&tasks::small>};
  core::LiteralMap in;
  (*in.mutable_literals())["a"] = toLiteral<std::int64_t>(-128);
  (*in.mutable_literals())["b"] = toLiteral<std::int64_t>(65535);
  EXPECT_EQ(fromLiteral<std::int64_t>(call(e, in).literals().at("o0")), 65407);
  (*in.mutable_literals())["a"] = toLiteral<std::int64_t>(300);
  try {
    call(e, in);
    ADD_FAILURE() << "no error";
  } catch (const InputError& err) {
    EXPECT_STREQ(err.what(), "input 'a': the integer 300 is out of range for the C++ parameter (8-bit signed)");
  }
}
