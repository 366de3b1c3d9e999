#include "ir/Type.h"

#include <algorithm>

namespace flytecc::ir {

Type Type::of(Simple s) { return Type{Kind::Simple, s, {}, false, {}}; }
Type Type::list(Type element) { return Type{Kind::Collection, Simple::None, {std::move(element)}, false, {}}; }
Type Type::map(Type value) { return Type{Kind::Map, Simple::None, {std::move(value)}, false, {}}; }
Type Type::optional(Type value) {
  return Type{Kind::Union, Simple::None, {std::move(value), Type::of(Simple::None)}, false, {}};
}
Type Type::file() { return Type{Kind::Blob, Simple::None, {}, false, {}}; }
Type Type::directory() { return Type{Kind::Blob, Simple::None, {}, true, {}}; }
Type Type::enumeration(std::vector<std::string> values) {
  return Type{Kind::Enum, Simple::None, {}, false, std::move(values)};
}

Type Type::structure(std::string name, std::vector<std::string> fieldNames, std::vector<Type> fieldTypes,
                     std::vector<std::string> fieldDefaults) {
  Type t{Kind::Struct, Simple::None, std::move(fieldTypes), false, std::move(fieldNames)};
  t.name = std::move(name);
  t.fieldDefaults = std::move(fieldDefaults);
  t.fieldDefaults.resize(t.values.size());
  return t;
}

bool Type::isOptional() const {
  return kind == Kind::Union && std::any_of(children.begin(), children.end(), [](const Type& t) {
           return t.kind == Kind::Simple && t.simple == Simple::None;
         });
}

static const char* simpleName(Simple s) {
  switch (s) {
    case Simple::None: return "none";
    case Simple::Integer: return "int";
    case Simple::Float: return "float";
    case Simple::String: return "str";
    case Simple::Boolean: return "bool";
    case Simple::Datetime: return "datetime";
    case Simple::Duration: return "duration";
  }
  return "?";
}

std::string Type::str() const {
  switch (kind) {
    case Kind::Simple: return simpleName(simple);
    case Kind::Collection: return "[" + element().str() + "]";
    case Kind::Map: return "{str: " + element().str() + "}";
    case Kind::Blob: return multipart ? "dir" : "file";
    case Kind::Enum: {
      std::string out = "enum<";
      for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + values[i];
      return out + ">";
    }
    case Kind::Struct: {
      std::string out = "struct " + name + "{";
      for (size_t i = 0; i < values.size(); ++i) {
        out += (i ? ", " : "") + values[i] + ": " + children[i].str();
        if (i < fieldDefaults.size() && !fieldDefaults[i].empty()) out += " = " + fieldDefaults[i];
      }
      return out + "}";
    }
    case Kind::Union: {
      if (children.size() == 2 && children[1].kind == Kind::Simple && children[1].simple == Simple::None)
        return children[0].str() + "?";
      std::string out = "union<";
      for (size_t i = 0; i < children.size(); ++i) out += (i ? ", " : "") + children[i].str();
      return out + ">";
    }
  }
  return "?";
}

bool isCastable(const Type& from, const Type& to) {
  using K = Type::Kind;
  if (to.kind == K::Union) {
    if (from.kind == K::Union) {
      // Every upstream variant must find a home downstream.
      return std::all_of(from.children.begin(), from.children.end(), [&](const Type& v) { return isCastable(v, to); });
    }
    int accepting = 0;
    for (const Type& v : to.children) accepting += isCastable(from, v) ? 1 : 0;
    return accepting == 1;
  }
  if (from.kind != to.kind) return false;
  switch (from.kind) {
    case K::Simple: return from.simple == to.simple;
    case K::Collection:
      // An empty list literal (collection of none) fits any collection.
      if (from.element().kind == K::Simple && from.element().simple == Simple::None) return true;
      return isCastable(from.element(), to.element());
    case K::Map: return isCastable(from.element(), to.element());
    case K::Blob: return from.multipart == to.multipart;
    case K::Enum: return from.values == to.values;
    case K::Struct: {  // the same fields, each castable (flytekit matches dataclass fields by name)
      if (from.values != to.values) return false;
      for (size_t i = 0; i < from.children.size(); ++i)
        if (!isCastable(from.children[i], to.children[i])) return false;
      return true;
    }
    case K::Union: return false;  // handled above
  }
  return false;
}

}  // namespace flytecc::ir
