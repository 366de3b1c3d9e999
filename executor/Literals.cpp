#include "executor/Literals.h"

#include "flyteidl/Dataclass.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/time_util.h>
#include <llvm/Support/SHA256.h>
#include <llvm/ADT/StringExtras.h>
#include <algorithm>
#include <charconv>
#include <cmath>

namespace flytecc::executor {
namespace core = flyteidl::core;

static llvm::Error bad(const std::string& what) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s", what.c_str());
}

core::Literal noneLiteral() {
  core::Literal l;
  l.mutable_scalar()->mutable_none_type();
  return l;
}

static std::string typeName(const core::LiteralType& t) {
  switch (t.type_case()) {
    case core::LiteralType::kSimple:
      if (t.simple() == core::STRUCT && t.metadata().fields().count("title"))
        return "struct " + t.metadata().fields().at("title").string_value();
      return core::SimpleType_Name(t.simple());
    case core::LiteralType::kCollectionType: return "list of " + typeName(t.collection_type());
    case core::LiteralType::kMapValueType: return "map of " + typeName(t.map_value_type());
    case core::LiteralType::kUnionType: return "union";
    case core::LiteralType::kBlob: return "blob";
    case core::LiteralType::kEnumType: {
      std::string out = "enum {";
      for (int i = 0; i < t.enum_type().values_size(); ++i) out += (i ? ", " : "") + t.enum_type().values(i);
      return out + "}";
    }
    default: return "unsupported type";
  }
}

static llvm::Expected<core::Literal> fromJson(const llvm::json::Value& v, const core::LiteralType& type,
                                              const std::string& where) {
  core::Literal out;
  auto mismatch = [&] {
    std::string s;
    llvm::raw_string_ostream os(s);
    os << v;
    return bad(where + ": " + s + " is not of type " + typeName(type));
  };
  switch (type.type_case()) {
    case core::LiteralType::kSimple: {
      auto* p = out.mutable_scalar()->mutable_primitive();
      switch (type.simple()) {
        case core::NONE:
          if (v.kind() != llvm::json::Value::Null) return mismatch();
          return noneLiteral();
        case core::INTEGER:
          if (auto i = v.getAsInteger()) p->set_integer(*i);
          else return mismatch();
          return out;
        case core::FLOAT:
          if (auto d = v.getAsNumber()) p->set_float_value(*d);
          else return mismatch();
          return out;
        case core::BOOLEAN:
          if (auto b = v.getAsBoolean()) p->set_boolean(*b);
          else return mismatch();
          return out;
        case core::STRING:
          if (auto s = v.getAsString()) p->set_string_value(s->str());
          else return mismatch();
          return out;
        case core::DATETIME: {
          auto s = v.getAsString();
          if (!s || !google::protobuf::util::TimeUtil::FromString(s->str(), p->mutable_datetime())) return mismatch();
          return out;
        }
        case core::DURATION: {
          auto s = v.getAsString();
          if (!s || !google::protobuf::util::TimeUtil::FromString(s->str(), p->mutable_duration())) return mismatch();
          return out;
        }
        case core::STRUCT: {  // a dataclass: its fields as a JSON object, written as flytekit's msgpack
          if (!type.structure().dataclass_type_size()) break;
          if (!v.getAsObject()) return mismatch();
          auto bytes = idl::packJsonStruct(v, type, where);
          if (!bytes) return bytes.takeError();
          auto* b = out.mutable_scalar()->mutable_binary();
          b->set_value(std::move(*bytes));
          b->set_tag(std::string(idl::kMsgpackTag));
          return out;
        }
        default: break;
      }
      return bad(where + ": values of type " + typeName(type) + " cannot be given as JSON");
    }
    case core::LiteralType::kCollectionType: {
      const auto* arr = v.getAsArray();
      if (!arr) return mismatch();
      auto* coll = out.mutable_collection();
      for (size_t i = 0; i < arr->size(); ++i) {
        auto item = fromJson((*arr)[i], type.collection_type(), where + "[" + std::to_string(i) + "]");
        if (!item) return item.takeError();
        *coll->add_literals() = std::move(*item);
      }
      return out;
    }
    case core::LiteralType::kMapValueType: {
      const auto* obj = v.getAsObject();
      if (!obj) return mismatch();
      auto* m = out.mutable_map()->mutable_literals();
      for (const auto& [k, val] : *obj) {
        auto item = fromJson(val, type.map_value_type(), where + "." + k.str());
        if (!item) return item.takeError();
        (*m)[k.str()] = std::move(*item);
      }
      return out;
    }
    case core::LiteralType::kUnionType: {
      // The first variant that accepts the value (optionals: T | none).
      for (const auto& variant : type.union_type().variants()) {
        auto item = fromJson(v, variant, where);
        if (!item) {
          llvm::consumeError(item.takeError());
          continue;
        }
        auto* u = out.mutable_scalar()->mutable_union_();
        *u->mutable_value() = std::move(*item);
        *u->mutable_type() = variant;
        return out;
      }
      return mismatch();
    }
    case core::LiteralType::kEnumType: {  // one of the values, as a string
      auto s = v.getAsString();
      if (!s) return mismatch();
      const auto& values = type.enum_type().values();
      if (std::find(values.begin(), values.end(), s->str()) == values.end()) return mismatch();
      out.mutable_scalar()->mutable_primitive()->set_string_value(s->str());
      return out;
    }
    case core::LiteralType::kBlob: {
      auto s = v.getAsString();
      if (!s) return mismatch();
      auto* blob = out.mutable_scalar()->mutable_blob();
      *blob->mutable_metadata()->mutable_type() = type.blob();
      blob->set_uri(s->str());
      return out;
    }
    default: return bad(where + ": values of type " + typeName(type) + " cannot be given as JSON");
  }
}

llvm::Expected<core::Literal> literalFromJson(llvm::StringRef text, const core::LiteralType& type) {
  auto v = llvm::json::parse(text);
  if (!v) return v.takeError();
  return fromJson(*v, type, "value");
}

llvm::json::Value literalToJson(const core::Literal& l) {
  switch (l.value_case()) {
    case core::Literal::kCollection: {
      llvm::json::Array a;
      for (const auto& i : l.collection().literals()) a.push_back(literalToJson(i));
      return a;
    }
    case core::Literal::kMap: {
      llvm::json::Object o;
      for (const auto& [k, v] : l.map().literals()) o[k] = literalToJson(v);
      return o;
    }
    case core::Literal::kScalar: {
      const auto& s = l.scalar();
      switch (s.value_case()) {
        case core::Scalar::kPrimitive: {
          const auto& p = s.primitive();
          switch (p.value_case()) {
            case core::Primitive::kInteger: return p.integer();
            case core::Primitive::kFloatValue: return p.float_value();
            case core::Primitive::kStringValue: return p.string_value();
            case core::Primitive::kBoolean: return p.boolean();
            case core::Primitive::kDatetime: return google::protobuf::util::TimeUtil::ToString(p.datetime());
            case core::Primitive::kDuration: return google::protobuf::util::TimeUtil::ToString(p.duration());
            default: return nullptr;
          }
        }
        case core::Scalar::kUnion: return literalToJson(s.union_().value());
        case core::Scalar::kBlob: return s.blob().uri();
        case core::Scalar::kNoneType: return nullptr;
        case core::Scalar::kBinary:
        case core::Scalar::kGeneric: {  // a dataclass
          auto j = idl::dataclassToJson(s);
          if (!j) return llvm::json::Object{{"error", llvm::toString(j.takeError())}};
          return std::move(*j);
        }
        case core::Scalar::kError: return llvm::json::Object{{"error", s.error().message()}};
        default: return nullptr;
      }
    }
    default: return nullptr;
  }
}

static void format(const core::Literal& l, std::string& out, int indent) {
  auto newline = [&](int level) { out += "\n" + std::string(size_t(level) * 2, ' '); };
  auto text = [&](const llvm::json::Value& v) {
    llvm::raw_string_ostream os(out);
    os << v;
  };
  if (l.has_collection()) {
    const auto& items = l.collection().literals();
    if (items.empty()) {
      out += "[]";
      return;
    }
    out += "[";
    for (int i = 0; i < items.size(); ++i) {
      out += i ? "," : "";
      newline(indent + 1);
      format(items[i], out, indent + 1);
    }
    newline(indent);
    out += "]";
    return;
  }
  if (l.has_map()) {
    std::vector<std::string> keys;
    for (const auto& [k, v] : l.map().literals()) keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    if (keys.empty()) {
      out += "{}";
      return;
    }
    out += "{";
    for (size_t i = 0; i < keys.size(); ++i) {
      out += i ? "," : "";
      newline(indent + 1);
      text(keys[i]);
      out += ": ";
      format(l.map().literals().at(keys[i]), out, indent + 1);
    }
    newline(indent);
    out += "}";
    return;
  }
  if (l.has_scalar() && l.scalar().has_union_()) return format(l.scalar().union_().value(), out, indent);
  if (l.has_scalar() && l.scalar().has_primitive() && l.scalar().primitive().has_float_value()) {
    double d = l.scalar().primitive().float_value();
    if (std::isfinite(d)) {
      char buf[64];
      auto r = std::to_chars(buf, buf + sizeof buf, d);
      std::string t(buf, r.ptr);
      if (t.find_first_of(".e") == std::string::npos) t += ".0";
      out += t;
      return;
    }
  }
  text(literalToJson(l));
}

std::string formatOutputs(const core::LiteralMap& outputs) {
  core::Literal asMap;
  *asMap.mutable_map() = outputs;
  std::string out;
  format(asMap, out, 0);
  return out;
}

std::string sha256Hex(llvm::StringRef bytes) {
  auto digest = llvm::SHA256::hash(llvm::arrayRefFromStringRef(bytes));
  return llvm::toHex(digest, /*LowerCase=*/true);
}

}  // namespace flytecc::executor
