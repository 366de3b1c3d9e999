#include "ir/Literal.h"

#include <algorithm>
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
Literal Literal::none() { return Literal{}; }
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
