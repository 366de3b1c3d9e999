// flyte-launch-plan: a launch plan's default and fixed inputs must be inputs of its workflow, with values of their
// types; an input is not both; the kickoff input is a datetime input. A required input left to the caller is fine.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck %s
// RUN: %flytecc check %s -- -std=c++20 -I%sdk -DGOOD 2>&1 | %FileCheck --check-prefix=GOOD --allow-empty %s
// GOOD-NOT: error
#include <flyte/flyte.hpp>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

using namespace flyte::literals;

FLYTE_TASK()
double score(std::int64_t x, double scale) { return double(x) * scale; }

FLYTE_WORKFLOW()
double score_wf(std::int64_t x, std::chrono::system_clock::time_point day, double scale = 1.0) {
  return score(x, scale);
}

// `x` is neither defaulted nor fixed: callers give it.
FLYTE_LAUNCH_PLAN(doubled, score_wf, .name = "doubled", .fixed_inputs = {{"scale", 2.0}},
                  .schedule = {.cron = "@hourly", .kickoff_input = "day"});

// Lists are named by const arrays (or std::array) with constant initializers.
FLYTE_TASK()
double first(std::vector<double> xs) { return xs.empty() ? 0.0 : xs[0]; }
FLYTE_WORKFLOW()
double total_wf(std::vector<double> xs) { return first(xs); }
inline constexpr double kScales[] = {0.5, 2.0};
FLYTE_LAUNCH_PLAN(scaled, total_wf, .name = "scaled", .fixed_inputs = {{"xs", kScales}});

#ifndef GOOD
inline constexpr std::int64_t kInts[] = {1, 2};
FLYTE_LAUNCH_PLAN(int_list, total_wf, .name = "int_list", .fixed_inputs = {{"xs", kInts}});
// CHECK: launch-plan.cpp:[[@LINE-1]]:83: error: fixed input 'xs' of launch plan 'int_list' is [int], but workflow 'total_wf' declares it [float]: Flyte does not convert [int] to [float] [flyte-launch-plan]
double kMutable[] = {1.0};  // may change at run time: not a value for the launch plan
FLYTE_LAUNCH_PLAN(mutable_list, total_wf, .name = "mutable_list", .default_inputs = {{"xs", kMutable}});
// CHECK: launch-plan.cpp:[[@LINE-1]]:93: error: the value of default input 'xs' (a list is named by a const array or std::array variable with a constant initializer) must be a constant expression that flytecc can read [flyte-config-not-constant]
FLYTE_LAUNCH_PLAN(typo, score_wf, .name = "typo", .fixed_inputs = {{"scael", 2.0}});
// CHECK: launch-plan.cpp:[[@LINE-1]]:68: error: fixed input 'scael' of launch plan 'typo' is not an input of workflow 'score_wf' [flyte-launch-plan]

FLYTE_LAUNCH_PLAN(wrong_type, score_wf, .name = "wrong_type", .default_inputs = {{"scale", 2}});
// CHECK: launch-plan.cpp:[[@LINE-1]]:92: error: default input 'scale' of launch plan 'wrong_type' is int, but workflow 'score_wf' declares it float: Flyte does not convert int to float [flyte-launch-plan]

FLYTE_LAUNCH_PLAN(string_for_int, score_wf, .name = "string_for_int", .fixed_inputs = {{"x", "3"}});
// CHECK: launch-plan.cpp:[[@LINE-1]]:94: error: fixed input 'x' of launch plan 'string_for_int' is str, but workflow 'score_wf' declares it int{{.*}}[flyte-launch-plan]

FLYTE_LAUNCH_PLAN(both, score_wf, .name = "both", .default_inputs = {{"scale", 3.0}}, .fixed_inputs = {{"scale", 2.0}});
// CHECK: launch-plan.cpp:[[@LINE-1]]:19: error: launch plan 'both': input 'scale' is both fixed and defaulted [flyte-launch-plan]

FLYTE_LAUNCH_PLAN(bad_kickoff, score_wf, .name = "bad_kickoff", .schedule = {.cron = "0 * * * *", .kickoff_input = "x"});
// CHECK: launch-plan.cpp:[[@LINE-1]]:116: error: launch plan 'bad_kickoff': the schedule's kickoff input 'x' is not a datetime input of workflow 'score_wf' [flyte-launch-plan]

FLYTE_LAUNCH_PLAN(of_a_task, score, .name = "of_a_task");
// CHECK: launch-plan.cpp:[[@LINE-1]]:19: error: 'score' is not a workflow: FLYTE_LAUNCH_PLAN launches a FLYTE_WORKFLOW function [flyte-launch-plan]

// A cron schedule Flyte would refuse at registration (five fields, or an alias).
FLYTE_LAUNCH_PLAN(bad_cron, score_wf, .name = "bad_cron", .schedule = {.cron = "0 25 * * *"});
// CHECK: launch-plan.cpp:[[@LINE-1]]:80: error: launch plan 'bad_cron': the cron schedule '0 25 * * *' is not valid: '25' is not a valid hour (0-23, '*', ranges a-b, steps /n, lists a,b) [flyte-launch-plan]
FLYTE_LAUNCH_PLAN(short_cron, score_wf, .name = "short_cron", .schedule = {.cron = "0 2 * *"});
// CHECK: launch-plan.cpp:[[@LINE-1]]:84: error: launch plan 'short_cron': the cron schedule '0 2 * *' is not valid: it has 4 fields; Flyte's cron schedules have 5 {{.*}}[flyte-launch-plan]

FLYTE_WORKFLOW()
double caller(std::int64_t x = 1) { return doubled(x, "scale"_a = 3.0); }
// CHECK: launch-plan.cpp:[[@LINE-1]]:55: error: 'doubled' has no parameter named 'scale' [flyte-unknown-parameter]

FLYTE_WORKFLOW()
double unbound() { return doubled(); }
// CHECK: launch-plan.cpp:[[@LINE-1]]:35: error: input 'x' of 'doubled' is not bound {{.*}}[flyte-unbound-parameter]
#endif

