// A workflow calls an ordinary helper on a task output; the helper would run nowhere on the cluster.
// EXPECT: 24 error flyte-workflow-expression
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace audit {
std::string to_upper(std::string s) {
  for (auto& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

FLYTE_TASK()
std::string latest_event(std::string stream) { return stream + ":login"; }

FLYTE_TASK()
bool is_suspicious(std::string event) { return event.find("LOGIN") != std::string::npos; }

FLYTE_WORKFLOW()
bool audit_stream(std::string stream = "auth") {
  auto event = latest_event(stream);
  return is_suspicious(to_upper(event));  // <- mistake: a plain function on a promise
}
}  // namespace audit
