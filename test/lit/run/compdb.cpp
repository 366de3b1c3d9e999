// flytecc run -p BUILD_DIR: the task executable is built with the flags compile_commands.json gives the sources
// (a relative -I against the command's directory, a macro, -std), no `--` needed.
// RUN: rm -rf %t && mkdir -p %t/build %t/src/include
// RUN: cp %s %t/src/compdb.cpp && cp %S/Inputs/compdb/factor.h %t/src/include/factor.h
// RUN: printf '[{"directory": "%t/src", "file": "%t/src/compdb.cpp", "command": "c++ -Iinclude -DFACTOR=3 -std=c++20 -Wall -c compdb.cpp -o compdb.o"}]' > %t/build/compile_commands.json
// RUN: %flytecc run -p %t/build %t/src/compdb.cpp --input 'xs=[1,2]' --cache %t/cache/cache.sqlite --no-cache --quiet \
// RUN:   | %FileCheck %s
// CHECK:      "o0": [
// CHECK-NEXT:   3,
// CHECK-NEXT:   6
// Flags after `--` come after the database's: a second definition wins (with a warning from the compiler).
// RUN: %flytecc run -p %t/build %t/src/compdb.cpp --input 'xs=[1]' --cache %t/cache/cache.sqlite --no-cache --quiet \
// RUN:   -- -UFACTOR -DFACTOR=5 | %FileCheck %s --check-prefix=EXTRA
// EXTRA:      "o0": [
// EXTRA-NEXT:   5
#include <flyte/flyte.hpp>

#include <vector>

#include "factor.h"

namespace compdbtests {

FLYTE_TASK()
int scale(int x) { return scaled(x); }

FLYTE_WORKFLOW()
std::vector<int> scale_all(std::vector<int> xs) { return flyte::map_task(scale)(xs); }

}  // namespace compdbtests
