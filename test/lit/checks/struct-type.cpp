// flyte-struct-type: a C++ struct used as a Flyte type must be a plain aggregate whose public fields have Flyte
// types; the error is at the field (or the struct), after the one at the use (flyte-unsupported-type).
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck %s
#include <flyte/flyte.hpp>

#include <chrono>
#include <string>
#include <vector>

struct Handle {
  int fd;
};

struct Job {
  std::string name;
  Handle* handle;
  // CHECK-DAG: struct-type.cpp:[[@LINE-1]]:11: error: 'Job' cannot be a Flyte struct (a flytekit dataclass): field 'handle' has type Handle *, which has no Flyte type [flyte-struct-type]
};

FLYTE_TASK()
int run_job(Job job) { return static_cast<int>(job.name.size()); }
// CHECK-DAG: struct-type.cpp:[[@LINE-1]]:17: error: parameter 'job' of 'run_job' has type 'Job', which has no Flyte type {{.*}}[flyte-unsupported-type]

class Secret {
  int value = 0;
  // CHECK-DAG: struct-type.cpp:[[@LINE-1]]:7: error: 'Secret' cannot be a Flyte struct (a flytekit dataclass): field 'value' is not public [flyte-struct-type]
};

FLYTE_TASK()
std::vector<Secret> secrets(int n) { return std::vector<Secret>(n); }
// CHECK-DAG: struct-type.cpp:[[@LINE-1]]:1: error: result 'o0' of 'secrets' has type 'std::vector<Secret>', which has no Flyte type {{.*}}[flyte-unsupported-type]

struct Base {
  int id;
};
struct Derived : Base {
  // CHECK-DAG: struct-type.cpp:[[@LINE-1]]:8: error: 'Derived' cannot be a Flyte struct (a flytekit dataclass): it has a base class (flattening is not supported) [flyte-struct-type]
  int extra;
};

FLYTE_TASK()
int derived(Derived d) { return d.extra; }

struct Event {
  std::string what;
  std::chrono::system_clock::time_point when;
  // CHECK-DAG: struct-type.cpp:[[@LINE-1]]:41: error: 'Event' cannot be a Flyte struct (a flytekit dataclass): field 'when' has type {{.*}}, which flytecc cannot yet write inside a dataclass (dates, durations, files and directories) [flyte-struct-type]
};

FLYTE_TASK()
int event(Event e) { return static_cast<int>(e.what.size()); }

struct WithCtor {
  explicit WithCtor(int v) : v(v) {}
  // CHECK-DAG: struct-type.cpp:[[@LINE-2]]:8: error: 'WithCtor' cannot be a Flyte struct (a flytekit dataclass): it declares constructors; a struct must be an aggregate [flyte-struct-type]
  int v;
};

FLYTE_TASK()
int ctor(WithCtor w) { return w.v; }

// A plain aggregate is fine.
struct Fine {
  std::string name;
  std::vector<double> values = {};
};

FLYTE_TASK()
Fine fine(Fine f) { return f; }
// CHECK-NOT: 'Fine'
