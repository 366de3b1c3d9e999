// A database secret requested by key only: Flyte needs the group as well.
// EXPECT: 10 error flyte-task-environment
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace db {
FLYTE_TASK(.retries = 2,
           .secret_requests = {{.key = "postgres-password",  // <- mistake: no .group
                                .mount_requirement = flyte::Secret::ENV_VAR}})
std::vector<std::string> active_users(std::string day) { return {day + ":u1", day + ":u2"}; }

FLYTE_TASK()
int count(std::vector<std::string> rows) { return static_cast<int>(rows.size()); }

FLYTE_WORKFLOW()
int daily_active_users(std::string day = "2024-06-01") {
  return count(active_users(day));
}
}  // namespace db
