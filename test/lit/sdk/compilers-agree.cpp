// flytecc never disagrees with g++ and clang++: what g++ rejects in C++20 (designators out of declaration order,
// nested or mixed with positional ones) and what the SDK rejects with a static_assert, flytecc rejects too, once.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DREORDER 2>&1 | %FileCheck --check-prefix=REORDER %s
// RUN: %not %gxx -std=c++20 -fsyntax-only -I%sdk -DREORDER %s
// RUN: %not %clangxx -std=c++20 -fsyntax-only -I%sdk -DREORDER %s
// REORDER: compilers-agree.cpp:25:{{[0-9]+}}: error: ISO C++ requires field designators to be specified in declaration order
// REORDER: compilers-agree.cpp:32:{{[0-9]+}}: error: ISO C++ requires field designators to be specified in declaration order
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DNESTED 2>&1 | %FileCheck --check-prefix=NESTED %s
// RUN: %not %gxx -std=c++20 -fsyntax-only -I%sdk -DNESTED %s
// NESTED: compilers-agree.cpp:35:{{[0-9]+}}: error: nested designators are a C99 extension
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DMIXED 2>&1 | %FileCheck --check-prefix=MIXED %s
// RUN: %not %gxx -std=c++20 -fsyntax-only -I%sdk -DMIXED %s
// MIXED: compilers-agree.cpp:39:{{[0-9]+}}: error: mixture of designated and non-designated initializers
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DSCALAR 2>&1 | %FileCheck --check-prefix=SCALAR --implicit-check-not=error: %s
// RUN: %not %gxx -std=c++20 -fsyntax-only -I%sdk -DSCALAR %s
// RUN: %not %clangxx -std=c++20 -fsyntax-only -I%sdk -DSCALAR %s
// SCALAR: compilers-agree.cpp:46:32: error: mapped input 'x' of 'half' needs a list of float, but float is a single value{{.*}}[flyte-map-binding-type]
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DPLAIN 2>&1 | %FileCheck --check-prefix=PLAIN --implicit-check-not=error: %s
// PLAIN: flyte.hpp:{{[0-9]+}}:{{[0-9]+}}: error: static assertion failed{{.*}}flyte::map_task maps over std::vector arguments
// PLAIN: compilers-agree.cpp:53:{{[0-9]+}}: note: in instantiation of
// RUN: %flytecc check %s -- -std=c++20 -I%sdk
#include <flyte/flyte.hpp>

#ifdef REORDER
FLYTE_TASK(.cache_version = "1", .cache = true)
#else
FLYTE_TASK(.cache = true, .cache_version = "1")
#endif
double half(double x) { return x / 2; }

#ifdef REORDER
std::vector<double> reordered(std::vector<double> xs) { return flyte::map_task(half, {.min_successes = 1, .concurrency = 2})(xs); }
#endif
#ifdef NESTED
FLYTE_TASK(.requests.cpu = "1")
int nested(int x) { return x; }
#endif
#ifdef MIXED
FLYTE_TASK(.name = "mixed", true)
int mixed(int x) { return x; }
#endif

FLYTE_WORKFLOW()
std::vector<double> wf(double x, std::vector<double> xs) {
#ifdef SCALAR
  return flyte::map_task(half)(x);
#else
  return flyte::map_task(half)(xs);
#endif
}

#ifdef PLAIN
std::vector<double> plain(double x) { return flyte::map_task(half)(x); }
#endif
