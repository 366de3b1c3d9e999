// A parameter or result type without a Flyte equivalent is an error naming the type and the parameter.
// RUN: rm -rf %t && %not %flytecc compile %s -o %t -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: test ! -e %t
// RUN: %flytecc compile %s -o %t.ok -- -std=c++20 -I%sdk 2>&1 | %FileCheck --check-prefix=GOOD %s
// GOOD-NOT: error:
// GOOD: flytecc: wrote
#include <flyte/flyte.hpp>
#include <map>

struct Point { int x, y; const int* origin; };  // a pointer field: no dataclass (flyte-struct-type)

#ifdef BAD
FLYTE_TASK()
int norm(Point p) { return p.x + p.y; }
// CHECK: unsupported-type.cpp:[[@LINE-1]]:16: error: parameter 'p' of 'norm' has type 'Point', which has no Flyte type {{.*}}[flyte-unsupported-type]

FLYTE_TASK()
const char* name(int i) { return i ? "a" : "b"; }
// CHECK: unsupported-type.cpp:[[@LINE-1]]:{{[0-9]+}}: error: result 'o0' of 'name' has type 'const char *', which has no Flyte type {{.*}}[flyte-unsupported-type]

FLYTE_TASK()
int keyed(std::map<int, int> m) { return static_cast<int>(m.size()); }
// CHECK: unsupported-type.cpp:[[@LINE-1]]:30: error: parameter 'm' of 'keyed' has type 'std::map<int, int>'
#endif

FLYTE_TASK()
std::map<std::string, std::vector<double>> fine(std::optional<std::string> s, std::chrono::seconds d,
                                               flyte::File f, flyte::Directory dir, long long n, float x) {
  return {};
}
