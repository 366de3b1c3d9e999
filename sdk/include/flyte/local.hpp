// In-process execution of workflows as plain C++ (sequential): value printing and the `main` of
// the runner that `flytecc compile --emit=runner` generates.
#pragma once

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <variant>
#include <vector>

#include "flyte/flyte.hpp"

namespace flyte::local {

inline std::string show(bool v) { return v ? "true" : "false"; }
inline std::string show(const std::string& v) {
  std::string out = "\"";
  for (char c : v) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}
inline std::string show(const char* v) { return show(std::string(v)); }
template <class T>
  requires std::is_integral_v<T>
std::string show(T v) {
  return std::to_string(v);
}
template <class T>
  requires std::is_floating_point_v<T>
std::string show(T v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest round-trip text
  std::string s(buf, r.ptr);
  if (s.find_first_of(".en") == std::string::npos) s += ".0";
  return s;
}
inline std::string show(const File& f) { return "file(" + show(f.path) + ")"; }
inline std::string show(const Directory& d) { return "dir(" + show(d.path) + ")"; }
template <class Rep, class Period>
std::string show(std::chrono::duration<Rep, Period> d) {
  return std::to_string(std::chrono::duration_cast<std::chrono::nanoseconds>(d).count()) + "ns";
}
template <class T>
std::string show(const std::optional<T>& v);
template <class T, class A>
std::string show(const std::vector<T, A>& v);
template <class K, class V, class C, class A>
std::string show(const std::map<K, V, C, A>& m);
template <class... T>
std::string show(const std::tuple<T...>& t);
template <class... T>
std::string show(const std::variant<T...>& v);
inline std::string show(std::monostate) { return "none"; }
template <class T>
std::string show(const MapResult<T>& r) {
  return show(r.items());
}

template <class T>
std::string show(const std::optional<T>& v) {
  return v ? show(*v) : "none";
}
template <class T, class A>
std::string show(const std::vector<T, A>& v) {
  std::string out = "[";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + show(v[i]);
  return out + "]";
}
template <class K, class V, class C, class A>
std::string show(const std::map<K, V, C, A>& m) {
  std::string out = "{";
  bool first = true;
  for (const auto& [k, v] : m) {
    out += (first ? "" : ", ") + show(k) + ": " + show(v);
    first = false;
  }
  return out + "}";
}
template <class... T>
std::string show(const std::tuple<T...>& t) {
  std::string out = "(";
  std::size_t i = 0;
  std::apply([&](const auto&... v) { ((out += (i++ ? ", " : "") + show(v)), ...); }, t);
  return out + ")";
}

template <class... T>
std::string show(const std::variant<T...>& v) {
  return std::visit([](const auto& alt) { return show(alt); }, v);
}
// Named outputs (FLYTE_NAMED_OUTPUTS): {"label": "x", "mean": 2.0}.
template <class... T>
std::string show_named(std::initializer_list<const char*> names, const std::tuple<T...>& fields) {
  std::string out = "{";
  const char* const* name = names.begin();
  auto add = [&](const auto& v) {
    if (name != names.begin()) out += ", ";
    out += show(*name++);
    out += ": " + show(v);
  };
  std::apply([&](const auto&... v) { (add(v), ...); }, fields);
  return out + "}";
}

struct WorkflowEntry {
  const char* name;
  std::function<std::string()> run;  // runs with the C++ default arguments, returns the printed outputs
};

// `runner [--list] [NAME...]`: runs the named workflows (default: all), one line each.
inline int run_main(int argc, char** argv, const std::vector<WorkflowEntry>& workflows) {
  std::vector<std::string_view> wanted(argv + 1, argv + argc);
  if (wanted.size() == 1 && wanted[0] == "--list") {
    for (const auto& w : workflows) std::printf("%s\n", w.name);
    return 0;
  }
  for (auto name : wanted) {
    bool known = false;
    for (const auto& w : workflows) known |= name == w.name;
    if (!known) {
      std::fprintf(stderr, "error: no workflow named '%.*s' (try --list)\n", static_cast<int>(name.size()), name.data());
      return 2;
    }
  }
  int failures = 0;
  for (const auto& w : workflows) {
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), w.name) == wanted.end()) continue;
    try {
      std::printf("%s -> %s\n", w.name, w.run().c_str());
    } catch (const std::exception& e) {
      std::printf("%s -> FAILED: %s\n", w.name, e.what());
      ++failures;
    }
  }
  return failures ? 1 : 0;
}

}  // namespace flyte::local
