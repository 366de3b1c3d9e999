// A workflow with no outputs that runs tasks for their effects.
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

using namespace flyte::literals;

FLYTE_TASK(.retries = 5, .timeout = std::chrono::hours(1))
bool publish(std::string topic, std::string message) { return !topic.empty() && !message.empty(); }

FLYTE_WORKFLOW()
void announce(std::string message = "released") {
  publish("releases", message);
  flyte::map_task(flyte::partial(publish, "topic"_a = std::string("all")))(std::vector<std::string>{"a", "b"});
}
