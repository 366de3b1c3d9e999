#include "ir/Rules.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>

#include <llvm/ADT/APInt.h>
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
  if (map.overLaunchPlan) {
    const LaunchPlan* lp = module.findLaunchPlan(map.task);
    if (!lp) return fail(fmt::format("launch plan '{}' is not defined", map.task));
    if (!map.then.empty()) return fail("a map over a launch plan cannot be fused");
    return lp->interface;
  }
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

namespace {
// A Kubernetes quantity, exactly: digits x 10^exp10 x 2^exp2.
struct Quantity {
  std::string digits;  // no leading zeros; "0" for zero
  long exp10 = 0, exp2 = 0;
};

std::optional<Quantity> parseQuantity(std::string_view q) {
  Quantity out;
  size_t i = 0;
  if (i < q.size() && q[i] == '+') ++i;
  bool any = false;
  for (; i < q.size() && q[i] >= '0' && q[i] <= '9'; ++i, any = true) out.digits += q[i];
  if (i < q.size() && q[i] == '.')
    for (++i; i < q.size() && q[i] >= '0' && q[i] <= '9'; ++i, any = true) {
      out.digits += q[i];
      --out.exp10;
    }
  if (!any) return std::nullopt;
  std::string_view suffix = q.substr(i);
  static const std::pair<std::string_view, int> binary[] = {{"Ki", 10}, {"Mi", 20}, {"Gi", 30},
                                                            {"Ti", 40}, {"Pi", 50}, {"Ei", 60}};
  static const std::pair<std::string_view, int> decimal[] = {{"n", -9}, {"u", -6}, {"m", -3}, {"", 0}, {"k", 3},
                                                             {"M", 6},  {"G", 9},  {"T", 12}, {"P", 15}, {"E", 18}};
  bool known = false;
  for (const auto& [s, e] : binary)
    if (suffix == s) out.exp2 = e, known = true;
  for (const auto& [s, e] : decimal)
    if (suffix == s) out.exp10 += e, known = true;
  if (!known) {
    if (suffix.size() < 2 || (suffix[0] != 'e' && suffix[0] != 'E')) return std::nullopt;
    size_t j = 1;
    bool negative = suffix[j] == '-';
    if (suffix[j] == '+' || suffix[j] == '-') ++j;
    if (j == suffix.size() || suffix.size() - j > 6) return std::nullopt;
    long e = 0;
    for (; j < suffix.size(); ++j) {
      if (suffix[j] < '0' || suffix[j] > '9') return std::nullopt;
      e = e * 10 + (suffix[j] - '0');
    }
    out.exp10 += negative ? -e : e;
  }
  out.digits.erase(0, std::min(out.digits.find_first_not_of('0'), out.digits.size()));
  if (out.digits.empty()) out = Quantity{"0", 0, 0};
  return out;
}
}  // namespace

std::optional<int> compareQuantities(std::string_view a, std::string_view b) {
  auto qa = parseQuantity(a), qb = parseQuantity(b);
  if (!qa || !qb) return std::nullopt;
  if (qa->digits == "0" || qb->digits == "0") return int(qb->digits == "0") - int(qa->digits == "0");
  // Both scaled to whole numbers by the smaller exponents, then compared as integers; far apart magnitudes
  // are decided by their orders of magnitude (log10 2 < 0.302).
  long m10 = std::min(qa->exp10, qb->exp10), m2 = std::min(qa->exp2, qb->exp2);
  long a10 = qa->exp10 - m10, b10 = qb->exp10 - m10, a2 = qa->exp2 - m2, b2 = qb->exp2 - m2;
  double magA = double(qa->digits.size()) + double(a10) + 0.30103 * double(a2);
  double magB = double(qb->digits.size()) + double(b10) + 0.30103 * double(b2);
  if (magA > magB + 2) return 1;
  if (magB > magA + 2) return -1;
  unsigned bits = unsigned(4 * (std::max(qa->digits.size(), qb->digits.size()) + std::max(a10, b10)) +
                           std::max(a2, b2) + 16);
  auto scaled = [&](const Quantity& q, long e10, long e2) {
    llvm::APInt v(bits, q.digits, 10);
    for (long k = 0; k < e10; ++k) v *= 10;
    return v.shl(unsigned(e2));
  };
  llvm::APInt va = scaled(*qa, a10, a2), vb = scaled(*qb, b10, b2);
  return va.ult(vb) ? -1 : va.ugt(vb) ? 1 : 0;
}

std::vector<RequestAboveLimit> requestsAboveLimits(const Resources& requests, const Resources& limits) {
  std::vector<RequestAboveLimit> out;
  auto check = [&](const char* name, const std::string& request, const std::string& limit) {
    if (request.empty() || limit.empty()) return;
    if (auto c = compareQuantities(request, limit); c && *c > 0) out.push_back({name, request, limit});
  };
  check("cpu", requests.cpu, limits.cpu);
  check("mem", requests.mem, limits.mem);
  check("gpu", requests.gpu, limits.gpu);
  check("ephemeral_storage", requests.ephemeralStorage, limits.ephemeralStorage);
  return out;
}

std::optional<std::string> largerQuantity(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty() || a == b) return a;
  auto c = compareQuantities(a, b);
  if (!c) return std::nullopt;
  return *c < 0 ? b : a;
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

namespace flytecc::ir {

static const Literal* findNamedLiteral(const std::vector<NamedLiteral>& v, const std::string& name) {
  for (const auto& n : v)
    if (n.name == name) return &n.value;
  return nullptr;
}

Interface launchPlanInterface(const Workflow& wf, const LaunchPlan& lp) {
  Interface out;
  for (const auto& in : wf.interface.inputs) {
    if (findNamedLiteral(lp.fixed, in.name)) continue;
    Variable v = in;
    if (const Literal* d = findNamedLiteral(lp.defaults, in.name)) v.defaultValue = *d;
    out.inputs.push_back(std::move(v));
  }
  out.outputs = wf.interface.outputs;
  return out;
}

std::vector<LaunchPlanProblem> launchPlanProblems(const Workflow& wf, const LaunchPlan& lp) {
  std::vector<LaunchPlanProblem> out;
  using A = LaunchPlanProblem::About;
  auto check = [&](const std::vector<NamedLiteral>& values, const char* what) {
    for (const auto& v : values) {
      const Variable* in = wf.interface.findInput(v.name);
      if (!in)
        out.push_back({A::Inputs, fmt::format("{} input '{}' is not an input of workflow '{}'", what, v.name, wf.name)});
      else if (!literalFits(v.value, in->type))
        out.push_back({A::Inputs, fmt::format("{} input '{}' is {}, but workflow '{}' declares it {}", what, v.name, v.value.str(),
                                  wf.name, in->type.str())});
    }
  };
  check(lp.fixed, "fixed");
  check(lp.defaults, "default");
  for (const auto& d : lp.defaults)
    if (findNamedLiteral(lp.fixed, d.name))
      out.push_back({A::LaunchPlan, fmt::format("input '{}' is both fixed and defaulted", d.name)});
  if (!lp.schedule.kickoffInput.empty()) {
    const Variable* in = wf.interface.findInput(lp.schedule.kickoffInput);
    if (!in || !(in->type == Type::of(Simple::Datetime)))
      out.push_back({A::KickoffInput, fmt::format("the schedule's kickoff input '{}' is not a datetime input of workflow '{}'",
                                                  lp.schedule.kickoffInput, wf.name)});
    else if (findNamedLiteral(lp.fixed, in->name))
      out.push_back({A::KickoffInput, fmt::format("the schedule's kickoff input '{}' is fixed", in->name)});
  }
  if (lp.schedule.kind == Schedule::Kind::Rate && lp.schedule.rateValue == 0)
    out.push_back({A::FixedRate, "a fixed-rate schedule needs a positive rate"});
  if (lp.schedule.kind == Schedule::Kind::Cron) {
    if (lp.schedule.cron.empty())
      out.push_back({A::Cron, "a cron schedule needs an expression"});
    else if (std::string why = cronProblem(lp.schedule.cron); !why.empty())
      out.push_back({A::Cron, fmt::format("the cron schedule '{}' is not valid: {}", lp.schedule.cron, why)});
  }
  return out;
}

namespace {
struct CronField {
  const char* name;
  int lo, hi;
  std::vector<std::string_view> names;  // names[i] is the value lo + i
  bool question;                        // `?` allowed
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// One value of a field: a number in range, or a name.
std::optional<int> cronValue(std::string_view text, const CronField& f) {
  if (text.empty()) return std::nullopt;
  if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (text.size() > 2) return std::nullopt;
    int v = std::atoi(std::string(text).c_str());
    if (v < f.lo || v > f.hi) return std::nullopt;
    return v;
  }
  std::string l = lower(text);
  for (size_t i = 0; i < f.names.size(); ++i)
    if (l == f.names[i]) return f.lo + int(i);
  return std::nullopt;
}

std::string cronFieldProblem(std::string_view text, const CronField& f) {
  auto bad = [&](std::string_view part) {
    return fmt::format("'{}' is not a valid {} ({}-{}{}, '*', ranges a-b, steps /n, lists a,b{})", part, f.name, f.lo, f.hi,
                       f.names.empty() ? "" : " or a name", f.question ? ", '?'" : "");
  };
  if (f.question && text == "?") return "";
  size_t start = 0;
  while (true) {
    size_t comma = text.find(',', start);
    std::string_view item = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    std::string_view range = item;
    if (size_t slash = item.find('/'); slash != std::string_view::npos) {
      std::string_view step = item.substr(slash + 1);
      range = item.substr(0, slash);
      if (step.empty() || step.size() > 2 || !std::all_of(step.begin(), step.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
          std::atoi(std::string(step).c_str()) == 0)
        return bad(item);
    }
    if (range != "*") {
      size_t dash = range.find('-');
      if (dash == std::string_view::npos) {
        if (!cronValue(range, f)) return bad(item);
      } else {
        auto a = cronValue(range.substr(0, dash), f), b = cronValue(range.substr(dash + 1), f);
        if (!a || !b || *a > *b) return bad(item);
      }
    }
    if (comma == std::string_view::npos) return "";
    start = comma + 1;
  }
}
}  // namespace

std::string cronProblem(std::string_view schedule) {
  static const char* const aliases[] = {"hourly",  "hours",  "@hourly",   "daily",     "days",   "@daily",
                                        "weekly",  "weeks",  "@weekly",   "monthly",   "months", "@monthly",
                                        "annually", "@annually", "yearly", "years", "@yearly"};
  std::string l = lower(schedule);
  for (const char* a : aliases)
    if (l == a) return "";
  static const CronField fields[] = {
      {"minute", 0, 59, {}, false},
      {"hour", 0, 23, {}, false},
      {"day of month", 1, 31, {}, true},
      {"month", 1, 12, {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}, false},
      {"day of week", 0, 6, {"sun", "mon", "tue", "wed", "thu", "fri", "sat"}, true},
  };
  std::vector<std::string_view> parts;
  for (size_t i = 0; i < schedule.size();) {
    auto space = [&](size_t k) { return std::isspace(static_cast<unsigned char>(schedule[k])) != 0; };
    while (i < schedule.size() && space(i)) ++i;
    size_t j = i;
    while (j < schedule.size() && !space(j)) ++j;
    if (j > i) parts.push_back(schedule.substr(i, j - i));
    i = j;
  }
  if (parts.size() != 5)
    return fmt::format("it has {} field{}; Flyte's cron schedules have 5 (minute hour day-of-month month "
                       "day-of-week) or are an alias such as @hourly or @daily",
                       parts.size(), parts.size() == 1 ? "" : "s");
  for (size_t i = 0; i < 5; ++i)
    if (std::string why = cronFieldProblem(parts[i], fields[i]); !why.empty()) return why;
  return "";
}

}  // namespace flytecc::ir
