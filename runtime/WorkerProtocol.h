// The framing of the task executable's worker pipe (`flytecc-task --worker`, runtime/ItemRunner.h), shared by the
// worker and the local executor. Header-only, no dependencies.
//   request:  "<n>\n", then n times "<length>\n<bytes>" (the contract's arguments), then "<index or -1>\n"
//   reply:    "<exit status the task executable would have returned> <length>\n" and, on success, <length> bytes:
//             the outputs (core.LiteralMap), which the worker does not write to outputs.pb. Failures write error.pb.
// The worker's standard error (and the items' standard output) is a log file the executor owns.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flytecc::runtime::worker {

inline std::string encodeRequest(const std::vector<std::string>& args, std::optional<std::int64_t> index) {
  std::string out = std::to_string(args.size()) + "\n";
  for (const auto& a : args) out += std::to_string(a.size()) + "\n" + a;
  out += std::to_string(index.value_or(-1)) + "\n";
  return out;
}

}  // namespace flytecc::runtime::worker
