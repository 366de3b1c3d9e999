// Error handling with try/catch in a workflow: the body is a graph, nothing catches on the cluster.
// EXPECT: 16 error flyte-workflow-statement
#include <flyte/flyte.hpp>

#include <string>

namespace payments {
FLYTE_TASK(.retries = 3, .secret_requests = {{.group = "stripe", .key = "api-key"}})
std::string charge(std::string customer, double amount) { return customer + ":" + std::to_string(amount); }

FLYTE_TASK()
std::string receipt(std::string charge_id) { return "receipt for " + charge_id; }

FLYTE_WORKFLOW()
std::string checkout(std::string customer = "cus_123", double amount = 19.99) {
  try {  // <- mistake: try/catch cannot be lowered
    return receipt(charge(customer, amount));
  } catch (const flyte::Error&) {
    return receipt("failed");
  }
}
}  // namespace payments
