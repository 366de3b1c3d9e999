#include "ir/Literal.h"

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cstdio>
#include <cmath>
#include <fmt/format.h>

namespace flytecc::ir {

Literal Literal::ofInt(std::int64_t v) {
  Literal l;
  l.kind = Kind::Integer;
  l.integer = v;
  return l;
}
Literal Literal::ofFloat(double v) {
  Literal l;
  l.kind = Kind::Float;
  l.real = v;
  return l;
}
Literal Literal::ofString(std::string v) {
  Literal l;
  l.kind = Kind::String;
  l.string = std::move(v);
  return l;
}
Literal Literal::ofBool(bool v) {
  Literal l;
  l.kind = Kind::Boolean;
  l.boolean = v;
  return l;
}
Literal Literal::ofDuration(std::int64_t nanos) {
  Literal l;
  l.kind = Kind::Duration;
  l.integer = nanos;
  return l;
}
Literal Literal::ofDatetime(std::int64_t nanos) {
  Literal l;
  l.kind = Kind::Datetime;
  l.integer = nanos;
  return l;
}
Literal Literal::ofBlob(std::string uri, bool multipart) {
  Literal l;
  l.kind = Kind::Blob;
  l.string = std::move(uri);
  l.boolean = multipart;
  return l;
}
Literal Literal::none() { return Literal{}; }

std::string formatDatetime(std::int64_t nanos) {
  using namespace std::chrono;
  const sys_time<nanoseconds> t{nanoseconds(nanos)};
  const sys_days day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss<nanoseconds> hms{t - day};
  std::string out = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", static_cast<int>(ymd.year()),
                                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                                hms.hours().count(), hms.minutes().count(), hms.seconds().count());
  if (auto sub = hms.subseconds().count()) {
    std::string frac = fmt::format("{:09}", sub);
    while (frac.back() == '0') frac.pop_back();
    out += "." + frac;
  }
  return out + "Z";
}

std::optional<std::int64_t> parseDatetime(const std::string& text) {
  using namespace std::chrono;
  int y = 0;
  unsigned mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  int used = 0;
  if (std::sscanf(text.c_str(), "%5d-%2u-%2uT%2u:%2u:%2u%n", &y, &mo, &d, &h, &mi, &sec, &used) != 6 || used != 19)
    return std::nullopt;
  const year_month_day ymd{year(y), month(mo), day(d)};
  if (!ymd.ok() || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  size_t i = 19;
  std::int64_t frac = 0;
  if (i < text.size() && text[i] == '.') {
    int digits = 0;
    for (++i; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i, ++digits)
      if (digits < 9) frac = frac * 10 + (text[i] - '0');
    if (digits == 0) return std::nullopt;
    for (; digits < 9; ++digits) frac *= 10;
  }
  std::int64_t offset = 0;  // seconds east of UTC
  if (i < text.size() && (text[i] == 'Z' || text[i] == 'z')) {
    ++i;
  } else if (i + 6 == text.size() && (text[i] == '+' || text[i] == '-') && text[i + 3] == ':') {
    unsigned oh = 0, om = 0;
    if (std::sscanf(text.c_str() + i + 1, "%2u:%2u", &oh, &om) != 2 || oh > 23 || om > 59) return std::nullopt;
    offset = (text[i] == '-' ? -1 : 1) * static_cast<std::int64_t>(oh * 3600 + om * 60);
    i += 6;
  } else {
    return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  const long double s = static_cast<long double>(sys_days(ymd).time_since_epoch().count()) * 86400 + h * 3600 +
                        mi * 60 + sec - offset;
  const long double ns = s * 1e9L + frac;
  if (!(ns >= -9223372036854775807.0L && ns <= 9223372036854775807.0L)) return std::nullopt;
  return static_cast<std::int64_t>(s) * 1000000000 + frac;
}
Literal Literal::list(std::vector<Literal> items) {
  Literal l;
  l.kind = Kind::Collection;
  l.items = std::move(items);
  return l;
}
Literal Literal::map(std::vector<std::pair<std::string, Literal>> entries) {
  Literal l;
  l.kind = Kind::Map;
  std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  // Duplicate keys: the first one wins, as in std::map's initializer-list constructor.
  entries.erase(std::unique(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
                entries.end());
  l.entries = std::move(entries);
  return l;
}

Literal Literal::structure(std::vector<std::pair<std::string, Literal>> fields) {
  Literal l;
  l.kind = Kind::Struct;
  l.entries = std::move(fields);
  return l;
}

static std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string Literal::str() const {
  switch (kind) {
    case Kind::Integer: return std::to_string(integer);
    case Kind::Float: {
      // Shortest text that reads back to the same double, always with a decimal point or exponent.
      std::string s = fmt::format("{}", real);
      if (std::isfinite(real) && s.find_first_of(".e") == std::string::npos) s += ".0";
      return s;
    }
    case Kind::String: return quote(string);
    case Kind::Boolean: return boolean ? "true" : "false";
    case Kind::Duration: return fmt::format("{}ns", integer);
    case Kind::None: return "none";
    case Kind::Datetime: return "datetime(" + quote(formatDatetime(integer)) + ")";
    case Kind::Blob: return (boolean ? "dir(" : "file(") + quote(string) + ")";
    case Kind::Collection: {
      std::string out = "[";
      for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i].str();
      return out + "]";
    }
    case Kind::Map: {
      std::string out = "{";
      for (size_t i = 0; i < entries.size(); ++i)
        out += (i ? ", " : "") + quote(entries[i].first) + ": " + entries[i].second.str();
      return out + "}";
    }
    case Kind::Struct: {
      std::string out = "{";
      for (size_t i = 0; i < entries.size(); ++i)
        out += (i ? ", ." : ".") + entries[i].first + " = " + entries[i].second.str();
      return out + "}";
    }
  }
  return "?";
}

bool literalFits(const Literal& value, const Type& type) {
  using K = Type::Kind;
  if (type.kind == K::Union) {
    return std::any_of(type.children.begin(), type.children.end(),
                       [&](const Type& v) { return literalFits(value, v); });
  }
  switch (value.kind) {
    case Literal::Kind::Integer: return type.kind == K::Simple && type.simple == Simple::Integer;
    case Literal::Kind::Float: return type.kind == K::Simple && type.simple == Simple::Float;
    case Literal::Kind::String:
      if (type.kind == K::Enum)  // an enum value is its enumerator's name
        return std::find(type.values.begin(), type.values.end(), value.string) != type.values.end();
      return type.kind == K::Simple && type.simple == Simple::String;
    case Literal::Kind::Boolean: return type.kind == K::Simple && type.simple == Simple::Boolean;
    case Literal::Kind::Duration: return type.kind == K::Simple && type.simple == Simple::Duration;
    case Literal::Kind::None: return type.kind == K::Simple && type.simple == Simple::None;
    case Literal::Kind::Datetime: return type.kind == K::Simple && type.simple == Simple::Datetime;
    case Literal::Kind::Blob: return type.kind == K::Blob && type.multipart == value.boolean;
    case Literal::Kind::Collection:
      return type.kind == K::Collection && std::all_of(value.items.begin(), value.items.end(), [&](const Literal& i) {
               return literalFits(i, type.element());
             });
    case Literal::Kind::Map:
      return type.kind == K::Map && std::all_of(value.entries.begin(), value.entries.end(), [&](const auto& e) {
               return literalFits(e.second, type.element());
             });
    case Literal::Kind::Struct: {
      if (type.kind != K::Struct || value.entries.size() != type.values.size()) return false;
      for (size_t i = 0; i < value.entries.size(); ++i)
        if (value.entries[i].first != type.values[i] || !literalFits(value.entries[i].second, type.children[i]))
          return false;
      return true;
    }
  }
  return false;
}

}  // namespace flytecc::ir
