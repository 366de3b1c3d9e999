// The C++ twin of flytekit-golden-2's features/secrets_env.py (test/data/flytekit-golden-2/secrets_env/).
#include <flyte/flyte.hpp>

#include <cstdint>

namespace features::secrets_env {

FLYTE_TASK(.secret_requests = {{.group = "db", .key = "password"},
                               {.group = "api", .key = "token", .mount_requirement = flyte::Secret::ENV_VAR},
                               {.group = "tls", .key = "cert", .mount_requirement = flyte::Secret::FILE},
                               {.group = "vendor", .key = "plain-key", .env_var = "PLAIN_KEY"}},
           .environment = {{"LOG_LEVEL", "debug"}, {"REGION", "eu-west-1"}})
std::int64_t fetch(std::string query) { return static_cast<std::int64_t>(query.size()); }

FLYTE_TASK(.environment = {{"MODE", "fast"}})
std::string post(std::int64_t n) { return std::to_string(n); }

FLYTE_WORKFLOW()
std::string secrets_wf(std::string query = "select 1") { return post(fetch(query)); }

}  // namespace features::secrets_env
