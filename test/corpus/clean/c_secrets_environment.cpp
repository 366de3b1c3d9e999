// Secrets and environment variables: every mount requirement, ordered entries, image and resources together.
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace warehouse_sync {
constexpr const char* kGroup = "warehouse";

FLYTE_TASK(.retries = 2, .timeout = std::chrono::minutes(20), .requests = {.cpu = "1", .mem = "2Gi"},
           .container_image = "ghcr.io/acme/sync:1.8",
           .secret_requests = {{.group = kGroup, .key = "user"},
                               {.group = kGroup, .key = "password", .mount_requirement = flyte::Secret::ENV_VAR,
                                .env_var = "PGPASSWORD"},
                               {.group = "tls", .key = "ca.pem", .mount_requirement = flyte::Secret::FILE}},
           .environment = {{"PGHOST", "db.internal"}, {.key = "PGPORT", .value = "5432"}, {.key = "LOG_LEVEL"}})
std::vector<std::string> export_table(std::string table) { return {table + ".part0", table + ".part1"}; }

FLYTE_TASK(.environment = {{.key = "TZ", .value = "UTC"}})
int count_parts(std::vector<std::string> parts) { return static_cast<int>(parts.size()); }

FLYTE_TASK(.secret_requests = {{.group = "slack", .key = "webhook", .mount_requirement = flyte::Secret::ANY}})
std::string announce(int parts, std::string table) { return table + ": " + std::to_string(parts) + " parts"; }

FLYTE_WORKFLOW(.name = "warehouse_sync.nightly")
std::string nightly(std::string table = "orders") {
  auto parts = export_table(table);
  return announce(count_parts(parts), table);
}
}  // namespace warehouse_sync
