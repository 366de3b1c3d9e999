// Retry logic written as mutual recursion between two workflows: Flyte workflows cannot recurse.
// EXPECT: 16 error flyte-invalid-graph (not in clang-tidy: a whole-program check)
#include <flyte/flyte.hpp>

#include <string>

namespace deploy {
FLYTE_TASK(.retries = 1)
int rollout(std::string service, int attempt) { return attempt + static_cast<int>(service.size() % 2); }

FLYTE_WORKFLOW()
int verify(std::string service, int attempt);

FLYTE_WORKFLOW()
int deploy(std::string service = "api", int attempt = 0) {
  return verify(service, rollout(service, attempt));  // <- mistake: 'verify' calls 'deploy' back
}

FLYTE_WORKFLOW()
int verify(std::string service, int attempt) {
  return deploy(service, attempt);
}
}  // namespace deploy
