// flyte-reference: reference tasks and launch plans are named by project, domain, name and version, and their C++
// signatures type-check like any task's (flyte-unsupported-type, flyte-map-binding-type).
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck %s
#include <flyte/flyte.hpp>

#include <complex>
#include <cstdint>
#include <string>
#include <vector>

using Point = std::complex<double>;  // no Flyte type

FLYTE_REFERENCE_TASK("flytesnacks", "development", "shared.text.normalize", "v1")
std::string normalize(std::string text);

FLYTE_REFERENCE_TASK("flytesnacks", "development", "shared.text.upper", "")
std::string upper(std::string text);
// CHECK: reference.cpp:[[@LINE-1]]:13: error: reference task 'upper' needs a non-empty project, domain, name and version (FLYTE_REFERENCE_TASK("project", "domain", "name", "version")) [flyte-reference]

FLYTE_REFERENCE_LAUNCH_PLAN("flytesnacks", "development", "shared.scoring.score_lp", "v7")
double score_lp(std::int64_t x, Point p);
// CHECK: reference.cpp:[[@LINE-1]]:39: error: parameter 'p' of 'score_lp' has type 'Point'{{.*}}, which has no Flyte type {{.*}}[flyte-unsupported-type]

FLYTE_TASK()
std::string local(std::string text) { return text; }

FLYTE_REFERENCE_TASK("flytesnacks", "development", "local", "v1")
std::string shadow(std::string text);
// CHECK: reference.cpp:[[@LINE-1]]:13: error: reference task 'shadow' names 'local', which is already a task of this program [flyte-reference]

FLYTE_WORKFLOW()
std::vector<std::string> mapped(std::vector<std::int64_t> ns = {1}) { return flyte::map_task(normalize)(ns); }
// CHECK: reference.cpp:[[@LINE-1]]:105: error: mapped input 'text' of 'shared.text.normalize' is [str], but [int] is bound to it{{.*}}[flyte-map-binding-type]
