#include "ir/Rules.h"

#include <algorithm>

namespace flytecc::ir {

static bool asciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool isValidEntityName(std::string_view name) {
  if (name.empty() || name[0] == '.' || name[0] == '-') return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return asciiAlnum(c) || c == '_' || c == '-' || c == '.'; });
}

bool isValidMinSuccessRatio(double ratio) { return ratio > 0 && ratio <= 1; }

bool mapItemsMayFail(const std::optional<double>& ratio, const std::optional<std::uint32_t>& successes) {
  return (ratio && *ratio < 1) || successes.has_value();
}

Interface mapTaskInterface(const Interface& mapped, const std::vector<std::string>& boundInputs, bool itemsMayFail) {
  Interface out;
  for (const auto& in : mapped.inputs) {
    bool bound = std::find(boundInputs.begin(), boundInputs.end(), in.name) != boundInputs.end();
    out.inputs.push_back({in.name, bound ? in.type : Type::list(in.type), {}});
  }
  for (const auto& o : mapped.outputs)
    out.outputs.push_back({o.name, Type::list(itemsMayFail && !o.type.isOptional() ? Type::optional(o.type) : o.type), {}});
  return out;
}

}  // namespace flytecc::ir
