// C++ twin of test/data/flytekit-golden-2/launch_plans/launch_plans.py: named launch plans with default and fixed
// inputs, a cron schedule with a kickoff input and a fixed-rate one, labels, annotations and a notification; a
// launch plan called as a node and mapped over.
#include <flyte/flyte.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace features::launch_plans {

FLYTE_TASK()
std::string report(std::string region, std::chrono::system_clock::time_point day, std::int64_t limit) {
  return region + " top " + std::to_string(limit) + " " + std::to_string(day.time_since_epoch().count() > 0);
}

FLYTE_WORKFLOW()
std::string report_wf(std::string region, std::chrono::system_clock::time_point day, std::int64_t limit = 10) {
  return report(region, day, limit);
}

FLYTE_LAUNCH_PLAN(nightly_report, report_wf, .name = "nightly_report",
                  .default_inputs = {{"region", "eu-west"}},
                  .fixed_inputs = {{"limit", 100}},
                  .schedule = {.cron = "0 2 * * *", .kickoff_input = "day"},
                  .notifications = {{.phases = {flyte::Notification::FAILED}, .recipients = {"alice@example.com"}}},
                  .labels = {{"team", "analytics"}, {"tier", "batch"}},
                  .annotations = {{"owner", "alice@example.com"}});

// flytekit's default_inputs={"day": datetime(2024, 1, 1, tzinfo=timezone.utc)}.
FLYTE_LAUNCH_PLAN(hourly_report, report_wf, .name = "hourly_report",
                  .default_inputs = {{"day", std::chrono::sys_days{std::chrono::year{2024} / 1 / 1}}},
                  .fixed_inputs = {{"region", "us-east"}},
                  .schedule = {.fixed_rate = std::chrono::hours(1)});

FLYTE_TASK()
double score(std::int64_t x, double scale) { return double(x) * scale; }

FLYTE_WORKFLOW()
double score_wf(std::int64_t x, double scale = 1.0) { return score(x, scale); }

FLYTE_LAUNCH_PLAN(score_lp, score_wf, .name = "score_doubled", .fixed_inputs = {{"scale", 2.0}});

FLYTE_WORKFLOW()
double lp_node_wf(std::int64_t x = 5) { return score_lp(x); }  // a launch-plan node

FLYTE_WORKFLOW()
std::vector<double> map_lp_wf(std::vector<std::int64_t> xs = {1, 2, 3}) {
  return flyte::map_task(score_lp)(xs);  // ArrayNode over a launch plan; the fixed `scale` is not mapped
}

FLYTE_WORKFLOW()
std::vector<std::optional<double>> map_lp_opts_wf(std::vector<std::int64_t> xs = {1, 2, 3}) {
  return flyte::map_task(score_lp, {.concurrency = 2, .min_success_ratio = 0.5})(xs);
}

}  // namespace features::launch_plans
