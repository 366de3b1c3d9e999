#include "ir/Rules.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/MD5.h>

#include <regex>

namespace flytecc::ir {

static bool asciiAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool isValidEntityName(std::string_view name) {
  if (name.empty() || name[0] == '.' || name[0] == '-') return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return asciiAlnum(c) || c == '_' || c == '-' || c == '.'; });
}

bool hasNamedOutputs(const std::vector<Variable>& outputs) {
  for (size_t i = 0; i < outputs.size(); ++i)
    if (outputs[i].name != "o" + std::to_string(i)) return true;
  return false;
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

std::optional<Interface> mapItemInterface(const Module& module, const MapTask& map, std::string* why) {
  auto fail = [&](std::string message) -> std::optional<Interface> {
    if (why) *why = std::move(message);
    return std::nullopt;
  };
  const Task* first = module.findTask(map.task);
  if (!first) return fail(fmt::format("task '{}' is not defined", map.task));
  Interface item = first->interface;
  for (const auto& step : map.then) {
    const Task* t = module.findTask(step.task);
    if (!t) return fail(fmt::format("fused task '{}' is not defined", step.task));
    if (item.outputs.size() != 1)
      return fail(fmt::format("the task before '{}' has {} outputs, not one", step.task, item.outputs.size()));
    const Variable* fed = t->interface.findInput(step.input);
    if (!fed) return fail(fmt::format("fused task '{}' has no input '{}'", step.task, step.input));
    if (!isCastable(item.outputs.front().type, fed->type))
      return fail(fmt::format("output {} does not cast to input '{}' of '{}' ({})", item.outputs.front().type.str(),
                              step.input, step.task, fed->type.str()));
    for (const auto& in : t->interface.inputs) {
      if (in.name == step.input) continue;
      if (item.findInput(in.name))
        return fail(fmt::format("input '{}' of fused task '{}' has the name of an earlier input", in.name, step.task));
      if (!map.isBound(in.name))
        return fail(fmt::format("input '{}' of fused task '{}' is not bound", in.name, step.task));
      item.inputs.push_back({in.name, in.type, {}});
    }
    item.outputs = t->interface.outputs;
  }
  return item;
}

// A quantity in base units (cores or bytes), for comparison only; nullopt when it does not parse.
static std::optional<double> quantityValue(const std::string& q) {
  if (q.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(q.c_str(), &end);
  if (end == q.c_str()) return std::nullopt;
  std::string suffix(end);
  static const std::pair<const char*, double> units[] = {
      {"", 1},       {"m", 1e-3},           {"k", 1e3},          {"M", 1e6},          {"G", 1e9},
      {"T", 1e12},   {"Ki", 1024.0},        {"Mi", 1048576.0},   {"Gi", 1073741824.0}, {"Ti", 1099511627776.0}};
  for (const auto& [u, f] : units)
    if (suffix == u) return v * f;
  return std::nullopt;
}

std::optional<std::string> largerQuantity(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty() || a == b) return a;
  auto va = quantityValue(a), vb = quantityValue(b);
  if (!va || !vb) return std::nullopt;
  return *vb > *va ? b : a;
}

std::optional<Resources> largerResources(const Resources& a, const Resources& b) {
  auto cpu = largerQuantity(a.cpu, b.cpu), mem = largerQuantity(a.mem, b.mem), gpu = largerQuantity(a.gpu, b.gpu),
       eph = largerQuantity(a.ephemeralStorage, b.ephemeralStorage);
  if (!cpu || !mem || !gpu || !eph) return std::nullopt;
  return Resources{*cpu, *mem, *gpu, *eph};
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
