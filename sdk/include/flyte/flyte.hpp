// flytecc SDK: write Flyte tasks and workflows as ordinary C++20.
//
// The same source has two readers:
//  * flytecc (a Clang tool) reads the annotations and the workflow bodies and emits flyteidl;
//  * any C++20 compiler builds it as plain code: calling a workflow runs it sequentially, in process,
//    so workflows can be unit-tested without Flyte.
#pragma once

#include <algorithm>
#include <array>
#if __has_include(<bits/chrono.h>)
#include <bits/chrono.h>  // libstdc++: durations and clocks without <chrono>'s calendar and formatting
#else
#include <chrono>
#endif
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace flyte {

// ---------------------------------------------------------------------------------------------
// Configuration carried by the annotations. All fields are literal types so that Clang can keep
// the whole initializer as a constant in an `annotate` attribute; strings are `const char*`.
// ---------------------------------------------------------------------------------------------

// Kubernetes resource quantities ("500m", "2Gi"); nullptr = not set.
struct Resources {
  const char* cpu = nullptr;
  const char* mem = nullptr;
  const char* gpu = nullptr;
  const char* ephemeral_storage = nullptr;
};

// What flytekit calls TaskMetadata: the part of a task's config that `map_task` may override.
struct TaskMetadata {
  bool cache = false;
  const char* cache_version = nullptr;
  bool cache_serialize = false;
  int retries = 0;
  std::chrono::seconds timeout{0};  // 0 = no timeout
  bool interruptible = false;
};

// flytekit's Secret (`secret_requests`): group and key name the secret; the pod gets it as the backend chooses,
// as an environment variable or as a file; env_var names the variable.
struct Secret {
  enum MountType { ANY = 0, ENV_VAR = 1, FILE = 2 };
  const char* group = nullptr;
  const char* key = nullptr;
  MountType mount_requirement = ANY;
  const char* env_var = nullptr;
};

// One environment variable of the task's container (flytekit's `environment`).
struct EnvVar {
  const char* key = nullptr;
  const char* value = nullptr;
};

struct TaskConfig {
  const char* name = nullptr;  // Flyte entity name; default: the namespace-qualified C++ name
  bool cache = false;
  const char* cache_version = nullptr;
  bool cache_serialize = false;
  int retries = 0;
  std::chrono::seconds timeout{0};  // 0 = no timeout
  bool interruptible = false;
  Resources requests{};
  Resources limits{};
  const char* container_image = nullptr;
  Secret secret_requests[8]{};  // in order; up to 8
  EnvVar environment[16]{};     // in order; up to 16
};

struct WorkflowConfig {
  const char* name = nullptr;  // Flyte entity name; default: the namespace-qualified C++ name
  // Task-chain fusion (docs/optimizer.md): a task call whose only upstream data is the outputs of one other task
  // call, used nowhere else, runs in the same pod as it (same image, neither cached, same retries). Opt-in: the
  // optimizer never fuses task nodes of a workflow without it.
  bool fuse_tasks = false;
};

// Options of one `map_task(...)`; unset fields keep Flyte's defaults.
struct MapOptions {
  std::optional<int> concurrency{};          // unset: backend default; 0: unlimited
  std::optional<double> min_success_ratio{};  // (0, 1]; default 1.0
  std::optional<int> min_successes{};         // exclusive with min_success_ratio
  // Replaces the mapped task's metadata when set (flytecc reads which fields the source sets). A plain
  // aggregate, not std::optional, so that nested designators work: `.metadata = {.cache = true, ...}`.
  TaskMetadata metadata{};
  // Map fusion at -O1 (it runs for every map at -O2): this map and the map whose whole output it maps (or the map
  // that maps its output) run in one ArrayNode, each item running both tasks in one pod (docs/optimizer.md).
  bool fuse = false;
};

// Per-node overrides (`.with_overrides({...})`).
struct Overrides {
  Resources requests{};
  Resources limits{};
  const char* container_image = nullptr;
  const char* name = nullptr;  // node display name (NodeMetadata.name; on a map, the ArrayNode's sub-node)
  // flytekit's other node overrides; unset fields keep the target's (a task's retries, timeout, interruptible).
  const char* node_name = nullptr;  // the node id, DNS-ified as flytekit does ("Train Big" -> "train-big")
  std::optional<int> retries{};
  std::optional<std::chrono::seconds> timeout{};
  std::optional<bool> interruptible{};
  std::optional<bool> cache{};
  const char* cache_version = nullptr;
  bool cache_serialize = false;
  // Extended resources (task and map nodes): a GPU device ("nvidia-tesla-t4", flytekit's T4) and the size of
  // /dev/shm ("1Gi").
  const char* accelerator = nullptr;
  const char* shared_memory = nullptr;
};

// Overrides on any node: `flyte::with_overrides(train(x), {.retries = 3})` (task and workflow calls return
// plain values, so the overrides wrap the call; map calls also have `.with_overrides({...})`). In plain C++
// the value passes through unchanged.
template <class T>
constexpr std::decay_t<T> with_overrides(T&& value, const Overrides&) {
  return std::forward<T>(value);
}

// ---------------------------------------------------------------------------------------------
// Launch plans and reference entities.
// ---------------------------------------------------------------------------------------------

// A constant for a launch plan's default or fixed input: an integer, floating point, bool, string, duration,
// system_clock time point, std::nullopt, or a list: a constexpr array (or std::array) of those, named by its
// variable (`inline constexpr int kSizes[] = {1, 2, 3};` ... `{"sizes", kSizes}`), since a launch plan is a
// constant and cannot hold a temporary list. flytecc checks it against the workflow input's type.
struct InputValue {
  enum Kind { NONE, INTEGER, FLOAT, BOOLEAN, STRING, DURATION, DATETIME, LIST };
  Kind kind = NONE;
  long long integer = 0;  // INTEGER; DURATION and DATETIME in nanoseconds (since the epoch)
  double real = 0;
  bool boolean = false;
  const char* string = nullptr;
  // LIST: `count` items of the array at `items`; `at(items, i)` is item i as an InputValue.
  const void* items = nullptr;
  std::size_t count = 0;
  InputValue (*at)(const void* items, std::size_t i) = nullptr;

  constexpr InputValue() = default;
  constexpr InputValue(std::nullopt_t) {}
  template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
  constexpr InputValue(T v) : kind(INTEGER), integer(static_cast<long long>(v)) {}
  template <class T, std::enable_if_t<std::is_floating_point_v<T>, int> = 0>
  constexpr InputValue(T v) : kind(FLOAT), real(static_cast<double>(v)) {}
  template <class T, std::enable_if_t<std::is_same_v<T, bool>, int> = 0>
  constexpr InputValue(T v) : kind(BOOLEAN), boolean(v) {}
  constexpr InputValue(const char* s) : kind(STRING), string(s) {}
  template <class R, class P>
  constexpr InputValue(std::chrono::duration<R, P> d)
      : kind(DURATION), integer(std::chrono::duration_cast<std::chrono::nanoseconds>(d).count()) {}
  template <class D>
  constexpr InputValue(std::chrono::time_point<std::chrono::system_clock, D> t)
      : kind(DATETIME), integer(std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count()) {}
  template <class T, std::size_t N, std::enable_if_t<!std::is_same_v<std::remove_cv_t<T>, char>, int> = 0>
  constexpr InputValue(const T (&list)[N]) : kind(LIST), items(list), count(N), at(&item<T>) {}
  template <class T, std::size_t N>
  constexpr InputValue(const std::array<T, N>& list) : kind(LIST), items(list.data()), count(N), at(&item<T>) {}

 private:
  template <class T>
  static InputValue item(const void* items, std::size_t i) {
    return InputValue(static_cast<const T*>(items)[i]);
  }
};

// One input of a launch plan: {"region", "eu-west"}.
struct Input {
  const char* name = nullptr;
  InputValue value{};
};

// A launch plan's schedule: a cron expression ("0 2 * * *", "@daily") or a fixed rate (whole minutes, hours or
// days); kickoff_input names a datetime input that receives the scheduled time.
struct Schedule {
  const char* cron = nullptr;
  std::chrono::minutes fixed_rate{0};
  const char* kickoff_input = nullptr;
};

// Who hears of an execution reaching one of `phases`.
struct Notification {
  enum Channel { EMAIL, SLACK, PAGER_DUTY };
  enum Phase { UNSET, SUCCEEDED, FAILED, TIMED_OUT, ABORTED };
  Channel channel = EMAIL;
  Phase phases[4]{};
  const char* recipients[8]{};
};

struct Label {
  const char* key = nullptr;
  const char* value = nullptr;
};

struct LaunchPlanConfig {
  const char* name = nullptr;  // Flyte launch-plan name; default: the namespace-qualified variable name
  Input default_inputs[16]{};  // override the workflow's defaults; callers may still set them
  Input fixed_inputs[16]{};    // always these values; not inputs of the launch plan
  Schedule schedule{};
  Notification notifications[4]{};
  Label labels[16]{};
  Label annotations[16]{};
};

// The identifier of an entity registered on Flyte (by flytekit or another flytecc package).
struct Reference {
  const char* project = nullptr;
  const char* domain = nullptr;
  const char* name = nullptr;
  const char* version = nullptr;
};

#if defined(__clang__)
// Designators out of declaration order are an error in g++ (and in ISO C++20); Clang only warns
// (-Wreorder-init-list), so the annotations make it an error there too: every compiler and flytecc agree.
#define FLYTE_DETAIL_STRICT_DESIGNATORS_BEGIN \
  _Pragma("clang diagnostic push") _Pragma("clang diagnostic error \"-Wreorder-init-list\"")
#define FLYTE_DETAIL_STRICT_DESIGNATORS_END _Pragma("clang diagnostic pop")
#define FLYTE_TASK(...)                                                                            \
  FLYTE_DETAIL_STRICT_DESIGNATORS_BEGIN [[clang::annotate("flyte.task", ::flyte::TaskConfig{__VA_ARGS__})]] \
  FLYTE_DETAIL_STRICT_DESIGNATORS_END
#define FLYTE_WORKFLOW(...)                                                                                  \
  FLYTE_DETAIL_STRICT_DESIGNATORS_BEGIN [[clang::annotate("flyte.workflow", ::flyte::WorkflowConfig{__VA_ARGS__})]] \
  FLYTE_DETAIL_STRICT_DESIGNATORS_END
// A named launch plan of a workflow: `FLYTE_LAUNCH_PLAN(nightly, report_wf, .name = "nightly_report",
// .fixed_inputs = {{"limit", 100}}, .schedule = {.cron = "0 2 * * *"});` declares `nightly`, which workflows call
// like the workflow (without its fixed inputs) and map over with flyte::map_task.
#define FLYTE_LAUNCH_PLAN(var, workflow, ...)                                                         \
  FLYTE_DETAIL_STRICT_DESIGNATORS_BEGIN                                                           \
  [[clang::annotate("flyte.launch_plan", &workflow, ::flyte::LaunchPlanConfig{__VA_ARGS__})]]     \
  inline constexpr ::flyte::LaunchPlan<decltype(&workflow)> var { &workflow, ::flyte::LaunchPlanConfig{__VA_ARGS__} } \
  FLYTE_DETAIL_STRICT_DESIGNATORS_END
// Before a declaration (no body) whose signature is the registered entity's interface. Weak, so that programs
// holding the workflows (the task executable) link without a definition; define one as a local stand-in.
#define FLYTE_REFERENCE_TASK(...) \
  [[clang::annotate("flyte.reference_task", ::flyte::Reference{__VA_ARGS__})]] [[gnu::weak]]
#define FLYTE_REFERENCE_LAUNCH_PLAN(...) \
  [[clang::annotate("flyte.reference_launch_plan", ::flyte::Reference{__VA_ARGS__})]] [[gnu::weak]]
#else
// Other compilers only check that the configuration is well formed.
#define FLYTE_TASK(...) static_assert(::flyte::detail::valid(::flyte::TaskConfig{__VA_ARGS__}));
#define FLYTE_WORKFLOW(...) static_assert(::flyte::detail::valid(::flyte::WorkflowConfig{__VA_ARGS__}));
#define FLYTE_LAUNCH_PLAN(var, workflow, ...) \
  inline constexpr ::flyte::LaunchPlan<decltype(&workflow)> var { &workflow, ::flyte::LaunchPlanConfig{__VA_ARGS__} }
#define FLYTE_REFERENCE_TASK(...) \
  static_assert(::flyte::detail::valid(::flyte::Reference{__VA_ARGS__})); [[gnu::weak]]
#define FLYTE_REFERENCE_LAUNCH_PLAN(...) \
  static_assert(::flyte::detail::valid(::flyte::Reference{__VA_ARGS__})); [[gnu::weak]]
#endif

// Blob types.
struct File {
  std::string path;
  friend bool operator==(const File&, const File&) = default;
};
struct Directory {
  std::string path;
  friend bool operator==(const Directory&, const Directory&) = default;
};

// The marker of named outputs (flytekit's typing.NamedTuple): a task or workflow returning a struct that says
// FLYTE_NAMED_OUTPUTS declares one output per field, named after the field, in declaration order:
//   struct Stats { FLYTE_NAMED_OUTPUTS; double mean; std::int64_t count; };
//   FLYTE_TASK() Stats stats(std::vector<double> xs);   // outputs `mean` and `count`
// In a workflow, `s.mean` is the output `mean` of the node `s`. A struct without the marker is one value. The
// marker is a member type, so the struct stays an aggregate: `{.mean = m, .count = n}`, `Stats{m, n}` and
// structured bindings work as usual.
struct NamedOutputs {};
#define FLYTE_NAMED_OUTPUTS using flyte_named_outputs = ::flyte::NamedOutputs
template <class T>
concept named_outputs = std::is_same_v<typename T::flyte_named_outputs, NamedOutputs>;

// A task failed in process (plain C++ execution); also thrown for misuse of the SDK.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace detail {
template <class T>
constexpr bool valid(const T&) {
  return true;
}

// Parameter names of a task, by function address. flytecc's generated registry fills it so that
// named bindings ("price"_a = p) work in plain C++ execution too.
struct ParamNames {
  const void* fn;
  std::vector<std::string> names;
};
inline std::vector<ParamNames>& param_name_table() {
  static std::vector<ParamNames> table;
  return table;
}
inline const std::vector<std::string>* find_param_names(const void* fn) {
  for (const auto& entry : param_name_table())
    if (entry.fn == fn) return &entry.names;
  return nullptr;
}
inline bool register_param_names(const void* fn, std::vector<std::string> names) {
  param_name_table().push_back({fn, std::move(names)});
  return true;
}
}  // namespace detail

// ---------------------------------------------------------------------------------------------
// Named arguments: "price"_a = p
// ---------------------------------------------------------------------------------------------
template <class T>
struct NamedValue {
  const char* name;
  T value;
};

struct ArgName {
  const char* name;
  template <class T>
  NamedValue<std::decay_t<T>> operator=(T&& value) const {
    return {name, std::forward<T>(value)};
  }
};

namespace literals {
constexpr ArgName operator""_a(const char* name, std::size_t) { return ArgName{name}; }
}  // namespace literals

namespace detail {
template <class T>
struct is_named : std::false_type {};
template <class T>
struct is_named<NamedValue<T>> : std::true_type {};

template <class T>
struct is_vector : std::false_type {};
template <class T, class A>
struct is_vector<std::vector<T, A>> : std::true_type {};

// Whether V is a std::optional whose payload constructs a P (an item of a map result, for chained maps).
template <class P, class V>
struct optional_payload_constructs : std::false_type {};
template <class P, class T>
struct optional_payload_constructs<P, std::optional<T>> : std::is_constructible<P, const T&> {};

template <class F>
struct fn_traits;
template <class R, class... P>
struct fn_traits<R (*)(P...)> {
  using result = R;
  using params = std::tuple<std::decay_t<P>...>;
  static constexpr std::size_t arity = sizeof...(P);
};

// An argument slot of a call being assembled: each parameter is filled at most once.
template <class Params>
struct Slots {
  std::array<bool, std::tuple_size_v<Params>> filled{};
  Params values{};
};

[[noreturn]] inline void fail(const std::string& what) { throw Error(what); }

inline std::size_t index_of(const std::vector<std::string>* names, const char* name) {
  if (names == nullptr)
    fail(std::string("flyte: cannot bind argument '") + name +
         "' by name: the parameter names of its task or workflow are not registered (build with the runner "
         "`flytecc compile --emit=runner` generates, or call flyte::detail::register_param_names first)");
  for (std::size_t i = 0; i < names->size(); ++i)
    if ((*names)[i] == name) return i;
  fail(std::string("flyte: the task has no parameter named '") + name + "'");
}

template <std::size_t I = 0, class Params, class V>
void assign_at(Params& values, std::size_t index, V&& value) {
  if constexpr (I < std::tuple_size_v<Params>) {
    if (index == I) {
      using P = std::tuple_element_t<I, Params>;
      if constexpr (std::is_constructible_v<P, V&&>)
        std::get<I>(values) = P(std::forward<V>(value));
      else if constexpr (optional_payload_constructs<P, std::decay_t<V>>::value) {
        // An item of a map result (chained maps): present unless that item failed.
        if (!value) fail("flyte: a mapped item failed and the consumer expects a non-optional value");
        std::get<I>(values) = P(*value);
      } else
        fail("flyte: argument type does not match parameter " + std::to_string(I));
      return;
    }
    assign_at<I + 1>(values, index, std::forward<V>(value));
  }
}

template <class Params, class V>
void fill(Slots<Params>& slots, const std::vector<std::string>* names, std::size_t& next_positional, V&& value) {
  std::size_t index;
  if constexpr (is_named<std::decay_t<V>>::value) {
    index = index_of(names, value.name);
    if (slots.filled[index]) fail(std::string("flyte: input '") + value.name + "' is bound more than once");
    assign_at(slots.values, index, std::forward<V>(value).value);
  } else {
    while (next_positional < slots.filled.size() && slots.filled[next_positional]) ++next_positional;
    if (next_positional >= slots.filled.size()) fail("flyte: too many arguments");
    index = next_positional;
    assign_at(slots.values, index, std::forward<V>(value));
  }
  slots.filled[index] = true;
}

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_duration : std::false_type {};
template <class R, class P>
struct is_duration<std::chrono::duration<R, P>> : std::true_type {};

// A launch plan's constant as parameter type T (plain C++ execution).
template <class T>
T input_as(const InputValue& v, const char* name) {
  auto mismatch = [&]() -> T { fail(std::string("flyte: launch plan input '") + name + "' does not fit its parameter"); };
  if constexpr (is_optional<T>::value) {
    if (v.kind == InputValue::NONE) return std::nullopt;
    return input_as<typename T::value_type>(v, name);
  } else if constexpr (std::is_same_v<T, bool>) {
    return v.kind == InputValue::BOOLEAN ? v.boolean : mismatch();
  } else if constexpr (std::is_integral_v<T>) {
    return v.kind == InputValue::INTEGER ? static_cast<T>(v.integer) : mismatch();
  } else if constexpr (std::is_floating_point_v<T>) {
    return v.kind == InputValue::FLOAT ? static_cast<T>(v.real) : mismatch();
  } else if constexpr (std::is_same_v<T, std::string>) {
    return v.kind == InputValue::STRING ? std::string(v.string) : mismatch();
  } else if constexpr (is_duration<T>::value) {
    return v.kind == InputValue::DURATION ? std::chrono::duration_cast<T>(std::chrono::nanoseconds(v.integer))
                                          : mismatch();
  } else if constexpr (std::is_same_v<T, std::chrono::system_clock::time_point>) {
    return v.kind == InputValue::DATETIME
               ? T(std::chrono::duration_cast<typename T::duration>(std::chrono::nanoseconds(v.integer)))
               : mismatch();
  } else if constexpr (is_vector<T>::value) {
    if (v.kind != InputValue::LIST) return mismatch();
    T list;
    list.reserve(v.count);
    for (std::size_t i = 0; i < v.count; ++i) list.push_back(input_as<typename T::value_type>(v.at(v.items, i), name));
    return list;
  } else {
    return mismatch();
  }
}

template <std::size_t I = 0, class Params>
void assign_input(Params& values, std::size_t index, const Input& in) {
  if constexpr (I < std::tuple_size_v<Params>) {
    if (index == I) {
      std::get<I>(values) = input_as<std::tuple_element_t<I, Params>>(in.value, in.name);
      return;
    }
    assign_input<I + 1>(values, index, in);
  }
}

template <class Params, std::size_t N>
void apply_inputs(Slots<Params>& slots, const std::vector<std::string>* names, const Input (&inputs)[N]) {
  for (const Input& in : inputs) {
    if (in.name == nullptr) continue;
    std::size_t index = index_of(names, in.name);
    if (slots.filled[index]) continue;
    assign_input(slots.values, index, in);
    slots.filled[index] = true;
  }
}
}  // namespace detail

// A named launch plan (FLYTE_LAUNCH_PLAN). Called in plain C++, it runs the workflow with the fixed inputs, the
// arguments (positional ones fill the other parameters in order) and the defaults; inputs are matched by name,
// which the runner flytecc generates registers.
template <class F>
struct LaunchPlan;
template <class R, class... P>
struct LaunchPlan<R (*)(P...)> {
  using Params = std::tuple<std::decay_t<P>...>;
  R (*workflow)(P...);
  LaunchPlanConfig config;

  // Runs the workflow on `slots` once the fixed inputs and the defaults are applied.
  R run(detail::Slots<Params> slots) const {
    const auto* names = detail::find_param_names(reinterpret_cast<const void*>(workflow));
    detail::apply_inputs(slots, names, config.default_inputs);
    for (bool filled : slots.filled)
      if (!filled) detail::fail("flyte: an input of the launch plan is neither given nor defaulted");
    return std::apply(workflow, std::move(slots.values));
  }
  // The slots with the fixed inputs applied (they take precedence over anything given).
  detail::Slots<Params> fixed() const {
    detail::Slots<Params> slots;
    bool any = false;
    for (const Input& in : config.fixed_inputs) any |= in.name != nullptr;
    if (any)
      detail::apply_inputs(slots, detail::find_param_names(reinterpret_cast<const void*>(workflow)),
                           config.fixed_inputs);
    return slots;
  }
  template <class... A>
  R operator()(A&&... args) const {
    detail::Slots<Params> slots = fixed();
    [[maybe_unused]] const auto* names = detail::find_param_names(reinterpret_cast<const void*>(workflow));
    [[maybe_unused]] std::size_t next = 0;
    (detail::fill(slots, names, next, std::forward<A>(args)), ...);
    return run(std::move(slots));
  }
};

namespace detail {
template <class F>
struct fn_traits<LaunchPlan<F>> : fn_traits<F> {};
template <class R, class... P>
const void* address(R (*fn)(P...)) {
  return reinterpret_cast<const void*>(fn);
}
template <class F>
const void* address(const LaunchPlan<F>& lp) {
  return reinterpret_cast<const void*>(lp.workflow);
}
// One map item: a task called on its arguments, or a launch plan run with its fixed inputs and defaults.
template <class R, class... P, class Params>
R invoke(R (*fn)(P...), Slots<Params>& item) {
  return std::apply(fn, item.values);
}
template <class F, class Params>
auto invoke(const LaunchPlan<F>& lp, Slots<Params>& item) {
  Slots<Params> slots = item;
  apply_inputs(slots, find_param_names(address(lp)), lp.config.fixed_inputs);
  return lp.run(std::move(slots));
}
}  // namespace detail

// ---------------------------------------------------------------------------------------------
// partial(task, "name"_a = value, ...)
// ---------------------------------------------------------------------------------------------
template <class F, class... Bound>
struct Partial {
  F fn;
  std::tuple<NamedValue<Bound>...> bound;
};

template <class R, class... P, class... Bound>
Partial<R (*)(P...), Bound...> partial(R (*task)(P...), NamedValue<Bound>... bound) {
  return {task, std::tuple<NamedValue<Bound>...>(std::move(bound)...)};
}

// ---------------------------------------------------------------------------------------------
// map_task(task or partial, options)(lists...)
// ---------------------------------------------------------------------------------------------

template <class T>
class MapResult;
namespace detail {
template <class T>
struct is_map_result : std::false_type {};
template <class T>
struct is_map_result<MapResult<T>> : std::true_type {};
// What map_task maps over: a std::vector, or the result of another map_task (chained maps).
template <class T>
inline constexpr bool is_list_v = is_vector<T>::value || is_map_result<T>::value;
}  // namespace detail

// The outputs of a map task: a list with one entry per item, empty where an item failed
// (only possible with min_success_ratio / min_successes below the list size).
template <class T>
class MapResult {
 public:
  explicit MapResult(std::vector<std::optional<T>> items) : items_(std::move(items)) {}

  MapResult& with_overrides(const Overrides&) & { return *this; }
  MapResult&& with_overrides(const Overrides&) && { return std::move(*this); }

  operator std::vector<std::optional<T>>() const { return items_; }
  operator std::vector<T>() const {
    std::vector<T> out;
    out.reserve(items_.size());
    for (const auto& item : items_) {
      if (!item) detail::fail("flyte: a mapped item failed and the consumer expects a list of non-optional values");
      out.push_back(*item);
    }
    return out;
  }
  const std::vector<std::optional<T>>& items() const { return items_; }
  std::size_t size() const { return items_.size(); }

 private:
  std::vector<std::optional<T>> items_;
};

template <class F, class... Bound>
class MapTask {
  using traits = detail::fn_traits<F>;
  using Params = typename traits::params;
  using R = typename traits::result;

 public:
  MapTask(F fn, std::tuple<NamedValue<Bound>...> bound, MapOptions options)
      : fn_(fn), bound_(std::move(bound)), options_(std::move(options)) {}

  template <class... Lists>
  MapResult<R> operator()(const Lists&... lists) const {
    const auto* names = detail::find_param_names(detail::address(fn_));
    // Which parameters are mapped (lists) and which are whole values (partial bindings).
    detail::Slots<Params> whole;
    std::array<bool, traits::arity> mapped{};
    std::size_t next = 0;
    std::apply([&](const auto&... b) { (detail::fill(whole, names, next, b), ...); }, bound_);
    std::array<std::size_t, sizeof...(Lists)> targets{};
    std::size_t size = 0;
    bool have_size = false;
    std::size_t k = 0;
    ((targets[k++] = place(whole, mapped, names, next, size, have_size, lists)), ...);
    if (!have_size) detail::fail("flyte: map_task has no input array to map over");

    const std::size_t needed = required_successes(size);
    std::vector<std::optional<R>> out;
    out.reserve(size);
    std::size_t failures = 0;
    for (std::size_t i = 0; i < size; ++i) {
      detail::Slots<Params> item = whole;
      k = 0;
      (detail::assign_at(item.values, targets[k++], element(lists, i)), ...);
      for (std::size_t t : targets) item.filled[t] = true;
      try {
        out.emplace_back(detail::invoke(fn_, item));
      } catch (const std::exception&) {
        out.emplace_back(std::nullopt);
        if (size - ++failures < needed) throw;
      }
    }
    return MapResult<R>(std::move(out));
  }

 private:
  std::size_t required_successes(std::size_t size) const {
    if (options_.min_successes) return static_cast<std::size_t>(std::max(0, *options_.min_successes));
    double ratio = options_.min_success_ratio.value_or(1.0);
    return static_cast<std::size_t>(std::ceil(ratio * static_cast<double>(size)));
  }

  // The list an argument carries: `xs` or `"name"_a = xs`.
  template <class V>
  static const auto& list_of(const V& arg) {
    if constexpr (detail::is_named<V>::value) return arg.value;
    else return arg;
  }

  template <class V>
  static decltype(auto) element(const V& arg, std::size_t i) {
    const auto& list = list_of(arg);
    using L = std::decay_t<decltype(list)>;
    if constexpr (detail::is_vector<L>::value) return list[i];
    else if constexpr (detail::is_map_result<L>::value) return list.items()[i];
    else return list;  // not a list: rejected by place()
  }

  // The parameter an argument maps onto; checks the list lengths agree.
  template <class V>
  static std::size_t place(detail::Slots<Params>& whole, std::array<bool, traits::arity>& mapped,
                           const std::vector<std::string>* names, std::size_t& next, std::size_t& size,
                           bool& have_size, const V& arg) {
    using L = std::decay_t<decltype(list_of(arg))>;
    // flytecc says it at the argument instead (flyte-map-binding-type): frontend/Frontend.cpp holds this one back.
    static_assert(detail::is_list_v<L>, "flyte::map_task maps over std::vector arguments");
    if constexpr (!detail::is_list_v<L>) {
      detail::fail("flyte::map_task maps over std::vector arguments");
    } else {
      std::size_t index;
      if constexpr (detail::is_named<V>::value) {
        index = detail::index_of(names, arg.name);
      } else {
        while (next < traits::arity && (whole.filled[next] || mapped[next])) ++next;
        if (next >= traits::arity) detail::fail("flyte: too many arguments to map_task");
        index = next;
      }
      if (whole.filled[index] || mapped[index]) detail::fail("flyte: a map_task input is bound more than once");
      mapped[index] = true;
      const std::size_t n = list_of(arg).size();
      if (have_size && n != size)
        detail::fail("flyte: input arrays have different lengths: expecting '" + std::to_string(size) + "' found '" +
                     std::to_string(n) + "'");
      size = n;
      have_size = true;
      return index;
    }
  }

  F fn_;
  std::tuple<NamedValue<Bound>...> bound_;
  MapOptions options_;
};

template <class R, class... P>
MapTask<R (*)(P...)> map_task(R (*task)(P...), MapOptions options = {}) {
  return MapTask<R (*)(P...)>(task, {}, std::move(options));
}

template <class F, class... Bound>
MapTask<F, Bound...> map_task(const Partial<F, Bound...>& task, MapOptions options = {}) {
  return MapTask<F, Bound...>(task.fn, task.bound, std::move(options));
}

// map_task over a launch plan: one execution of it per item (an ArrayNode over a launch-plan node).
template <class F>
MapTask<LaunchPlan<F>> map_task(const LaunchPlan<F>& lp, MapOptions options = {}) {
  return MapTask<LaunchPlan<F>>(lp, {}, std::move(options));
}

}  // namespace flyte
