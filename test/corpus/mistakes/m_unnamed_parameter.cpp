// A parameter left unnamed to silence an unused-parameter warning: Flyte inputs need names.
// EXPECT: 10 error flyte-unnamed-parameter
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace notify {
FLYTE_TASK(.retries = 2)
bool send_email(std::string recipient, std::string /*template_id*/) {  // <- mistake: an unnamed parameter
  return recipient.find('@') != std::string::npos;
}

FLYTE_TASK()
std::string summary(int failures) { return failures == 0 ? "all good" : "some failed"; }

FLYTE_TASK()
int count_failures(bool ok) { return ok ? 0 : 1; }

FLYTE_WORKFLOW()
std::string notify_owner(std::string owner = "ops@example.org") {
  return summary(count_failures(send_email(owner, "weekly")));
}
}  // namespace notify
