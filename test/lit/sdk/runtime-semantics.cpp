// Plain C++ execution follows Flyte's map-task semantics: failed items become empty optionals
// within min_success_ratio, too many failures fail the map, lists must have equal lengths, and a
// partial's named bindings need the registered parameter names.
// RUN: %gxx -std=c++20 -Wall -Wextra -Werror -I%sdk %s -o %t && %t | %FileCheck %s
// RUN: %clangxx -std=c++20 -Wall -Wextra -Werror -I%sdk %s -o %t.clang && %t.clang | %FileCheck %s
#include <flyte/local.hpp>
#include <stdexcept>

FLYTE_TASK()
int fragile(int x) {
  if (x < 0) throw std::runtime_error("negative");
  return x * 10;
}

FLYTE_TASK()
double scale(int q, double by) { return q * by; }

FLYTE_WORKFLOW()
std::vector<std::optional<int>> tolerant(std::vector<int> xs = {1, -1, 2, 3}) {
  return flyte::map_task(fragile, {.min_success_ratio = 0.75})(xs);
}

FLYTE_WORKFLOW()
std::vector<std::optional<int>> strict(std::vector<int> xs = {1, -1, -2, 3}) {
  return flyte::map_task(fragile, {.min_success_ratio = 0.75})(xs);
}

FLYTE_WORKFLOW()
std::vector<double> uneven(std::vector<int> qs = {1, 2}, std::vector<double> bys = {1.0}) {
  return flyte::map_task(scale)(qs, bys);
}

FLYTE_WORKFLOW()
std::vector<double> named(std::vector<int> qs = {1, 2}, double by = 0.5) {
  using namespace flyte::literals;
  return flyte::map_task(flyte::partial(scale, "by"_a = by))(qs);
}

template <class F>
void attempt(const char* label, F f) {
  try {
    std::printf("%s: %s\n", label, flyte::local::show(f()).c_str());
  } catch (const std::exception& e) {
    std::printf("%s: error: %s\n", label, e.what());
  }
}

int main() {
  attempt("tolerant", [] { return tolerant(); });
  // CHECK: tolerant: [10, none, 20, 30]
  attempt("strict", [] { return strict(); });
  // CHECK: strict: error: negative
  attempt("uneven", [] { return uneven(); });
  // CHECK: uneven: error: flyte: input arrays have different lengths: expecting '2' found '1'
  attempt("unregistered", [] { return named(); });
  // CHECK: unregistered: error: flyte: cannot bind argument 'by' by name
  flyte::detail::register_param_names(reinterpret_cast<const void*>(&scale), {"q", "by"});
  attempt("registered", [] { return named(); });
  // CHECK: registered: [0.5, 1.0]
}
