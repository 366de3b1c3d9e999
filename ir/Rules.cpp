#include "ir/Rules.h"

#include <algorithm>

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/MD5.h>

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

std::string dnsify(std::string_view value) {
  constexpr size_t kMax = 63, kHashLen = 10;
  std::string in(value);
  if (in.size() >= kMax) {
    llvm::MD5 md5;
    md5.update(in);
    llvm::MD5::MD5Result digest;
    md5.final(digest);
    llvm::SmallString<32> hex = digest.digest();
    in = hex.str().substr(0, kHashLen).str() + "-" + in.substr(in.size() - (kMax - kHashLen - 1));
  }
  std::string res;
  for (char ch : in) {
    if (ch == '_' || ch == '-' || ch == '.') {
      if (!res.empty() && res.size() < 62) res += '-';
    } else if (!asciiAlnum(ch)) {
      continue;
    } else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      res += ch;
    } else {
      if (!res.empty() && res.back() != '-' && res.size() < 62) res += '-';
      res += static_cast<char>(ch - 'A' + 'a');
    }
  }
  if (!res.empty() && res.back() == '-') res.pop_back();
  return res;
}

}  // namespace flytecc::ir
