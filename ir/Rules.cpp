#include "ir/Rules.h"

#include <algorithm>
#include <regex>

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

bool isValidImageReference(std::string_view ref) {
  if (ref.find("{{") != std::string_view::npos) return ref.find('\0') == std::string_view::npos;  // a template
  if (ref.empty() || ref.size() > 255 + 1 + 128 + 1 + 200) return false;
  // distribution/reference's grammar (reference.go), anchored.
  static const std::regex grammar(
      "((?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*"
      "|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?/)?"                                // domain
      "([a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)"  // path
      "(?::([\\w][\\w.-]{0,127}))?"                                                      // tag
      "(?:@([A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?");   // digest
  std::cmatch m;
  if (!std::regex_match(ref.data(), ref.data() + ref.size(), m, grammar)) return false;
  // The domain part is only a domain when it looks like one; "library/ubuntu" is a path.
  std::string domain = m[1].str();
  std::string name = domain + m[2].str();
  return name.size() <= 255;
}

}  // namespace flytecc::ir
