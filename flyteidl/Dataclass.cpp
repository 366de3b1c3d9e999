#include "flyteidl/Dataclass.h"

#include <google/protobuf/util/json_util.h>
#include <msgpack.hpp>

#include <algorithm>
#include <cstring>
#include <map>

namespace flytecc::idl {
namespace core = ::flyteidl::core;
using google::protobuf::ListValue;
using google::protobuf::Struct;
using google::protobuf::Value;

static llvm::Error bad(const std::string& what) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s", what.c_str());
}

static Value str(const std::string& s) {
  Value v;
  v.set_string_value(s);
  return v;
}

static Value jsonToValue(const llvm::json::Value& j) {
  Value v;
  if (auto d = j.getAsNumber()) v.set_number_value(*d);
  else if (auto s = j.getAsString()) v.set_string_value(s->str());
  else if (auto b = j.getAsBoolean()) v.set_bool_value(*b);
  else v.set_null_value(google::protobuf::NULL_VALUE);
  return v;
}

// mashumaro's schema of a field's type.
static Value fieldSchema(const ir::Type& t) {
  using K = ir::Type::Kind;
  Value v;
  auto& f = *v.mutable_struct_value()->mutable_fields();
  switch (t.kind) {
    case K::Simple:
      switch (t.simple) {
        case ir::Simple::Integer: f["type"] = str("integer"); break;
        case ir::Simple::Float: f["type"] = str("number"); break;
        case ir::Simple::String: f["type"] = str("string"); break;
        case ir::Simple::Boolean: f["type"] = str("boolean"); break;
        case ir::Simple::None: f["type"] = str("null"); break;
        case ir::Simple::Datetime: f["type"] = str("string"), f["format"] = str("date-time"); break;
        case ir::Simple::Duration: f["type"] = str("number"); break;
      }
      break;
    case K::Collection:
      f["type"] = str("array");
      f["items"] = fieldSchema(t.element());
      break;
    case K::Map:
      f["type"] = str("object");
      f["additionalProperties"] = fieldSchema(t.element());
      f["propertyNames"].mutable_struct_value()->mutable_fields()->insert({"type", str("string")});
      break;
    case K::Enum: {
      auto* values = f["enum"].mutable_list_value();
      for (const auto& e : t.values) *values->add_values() = str(e);
      break;
    }
    case K::Union: {
      auto* any = f["anyOf"].mutable_list_value();
      for (const auto& c : t.children) *any->add_values() = fieldSchema(c);
      break;
    }
    case K::Blob: f["type"] = str("string"); break;
    case K::Struct: *v.mutable_struct_value() = dataclassSchema(t); break;
  }
  return v;
}

Struct dataclassSchema(const ir::Type& t) {
  Struct out;
  auto& f = *out.mutable_fields();
  f["title"] = str(t.name);
  f["type"] = str("object");
  f["additionalProperties"].set_bool_value(false);
  auto& props = *f["properties"].mutable_struct_value()->mutable_fields();
  ListValue required;
  for (size_t i = 0; i < t.values.size(); ++i) {
    Value p = fieldSchema(t.children[i]);
    const std::string& def = i < t.fieldDefaults.size() ? t.fieldDefaults[i] : std::string();
    if (def.empty()) {
      *required.add_values() = str(t.values[i]);
    } else if (def != ir::Type::kNoSchemaDefault) {
      if (auto j = llvm::json::parse(def)) (*p.mutable_struct_value()->mutable_fields())["default"] = jsonToValue(*j);
      else llvm::consumeError(j.takeError());
    }
    props[t.values[i]] = std::move(p);
  }
  if (required.values_size()) *f["required"].mutable_list_value() = std::move(required);
  return out;
}

using Packer = msgpack::packer<msgpack::sbuffer>;

// Python floats are always msgpack float64 (0xcb), even 2.0; msgpack-cxx's pack_double writes integral values as
// ints, so the nine bytes are written here.
static void packFloat64(msgpack::sbuffer& buf, double d) {
  char bytes[9];
  bytes[0] = static_cast<char>(0xcbu);
  std::uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  _msgpack_store64(&bytes[1], bits);
  buf.write(bytes, sizeof bytes);
}

static void packString(Packer& pk, const std::string& s) {
  pk.pack_str(static_cast<uint32_t>(s.size()));
  pk.pack_str_body(s.data(), static_cast<uint32_t>(s.size()));
}

static void packLiteral(msgpack::sbuffer& buf, const ir::Literal& v, const ir::Type& type) {
  Packer pk(buf);
  using LK = ir::Literal::Kind;
  const ir::Type* t = &type;
  if (t->kind == ir::Type::Kind::Union)  // the variant the value fits
    for (const auto& c : type.children)
      if (literalFits(v, c)) t = &c;
  switch (v.kind) {
    case LK::Integer: pk.pack_int64(v.integer); return;
    case LK::Float: packFloat64(buf, v.real); return;
    case LK::String: packString(pk, v.string); return;
    case LK::Boolean: v.boolean ? pk.pack_true() : pk.pack_false(); return;
    case LK::Duration: packFloat64(buf, double(v.integer) / 1e9); return;
    case LK::None: pk.pack_nil(); return;
    case LK::Collection:
      pk.pack_array(static_cast<uint32_t>(v.items.size()));
      for (const auto& i : v.items) packLiteral(buf, i, t->kind == ir::Type::Kind::Collection ? t->element() : *t);
      return;
    case LK::Map:
      pk.pack_map(static_cast<uint32_t>(v.entries.size()));
      for (const auto& [k, i] : v.entries) {
        packString(pk, k);
        packLiteral(buf, i, t->kind == ir::Type::Kind::Map ? t->element() : *t);
      }
      return;
    case LK::Struct:
      pk.pack_map(static_cast<uint32_t>(v.entries.size()));
      for (size_t i = 0; i < v.entries.size(); ++i) {
        packString(pk, v.entries[i].first);
        packLiteral(buf, v.entries[i].second, i < t->children.size() ? t->children[i] : *t);
      }
      return;
  }
}

std::string packStruct(const ir::Literal& value, const ir::Type& structType) {
  msgpack::sbuffer buf;
  packLiteral(buf, value, structType);
  return std::string(buf.data(), buf.size());
}

static std::string show(const llvm::json::Value& v) {
  std::string s;
  llvm::raw_string_ostream os(s);
  os << v;
  return s;
}

static llvm::Error packJson(msgpack::sbuffer& buf, const llvm::json::Value& v, const core::LiteralType& type,
                            const std::string& where) {
  Packer pk(buf);
  auto mismatch = [&](const char* want) { return bad(where + ": " + show(v) + " is not " + want); };
  switch (type.type_case()) {
    case core::LiteralType::kSimple:
      switch (type.simple()) {
        case core::INTEGER:
          if (auto i = v.getAsInteger()) return pk.pack_int64(*i), llvm::Error::success();
          return mismatch("an integer");
        case core::FLOAT:
          if (auto d = v.getAsNumber()) return packFloat64(buf, *d), llvm::Error::success();
          return mismatch("a number");
        case core::BOOLEAN:
          if (auto b = v.getAsBoolean()) return (*b ? pk.pack_true() : pk.pack_false()), llvm::Error::success();
          return mismatch("a boolean");
        case core::STRING:
          if (auto s = v.getAsString()) return packString(pk, s->str()), llvm::Error::success();
          return mismatch("a string");
        case core::NONE:
          if (v.kind() == llvm::json::Value::Null) return pk.pack_nil(), llvm::Error::success();
          return mismatch("null");
        case core::STRUCT: {
          const auto* obj = v.getAsObject();
          if (!obj) return mismatch("an object");
          const auto& fields = type.structure().dataclass_type();
          std::vector<std::string> names;
          for (const auto& [k, unused] : fields) names.push_back(k);
          std::sort(names.begin(), names.end());
          for (const auto& [k, unused] : *obj)
            if (!fields.count(k.str())) return bad(where + ": the struct has no field '" + k.str() + "'");
          pk.pack_map(static_cast<uint32_t>(names.size()));
          for (const auto& n : names) {
            const llvm::json::Value* fv = obj->get(n);
            const core::LiteralType& ft = fields.at(n);
            static const llvm::json::Value null(nullptr);
            if (!fv) {
              bool optional = ft.has_union_type();
              if (!optional) return bad(where + ": field '" + n + "' is missing");
              fv = &null;
            }
            packString(pk, n);
            if (auto e = packJson(buf, *fv, ft, where + "." + n)) return e;
          }
          return llvm::Error::success();
        }
        default: return bad(where + ": values of type " + core::SimpleType_Name(type.simple()) +
                             " cannot be written in a struct");
      }
    case core::LiteralType::kCollectionType: {
      const auto* arr = v.getAsArray();
      if (!arr) return mismatch("a list");
      pk.pack_array(static_cast<uint32_t>(arr->size()));
      for (size_t i = 0; i < arr->size(); ++i)
        if (auto e = packJson(buf, (*arr)[i], type.collection_type(), where + "[" + std::to_string(i) + "]")) return e;
      return llvm::Error::success();
    }
    case core::LiteralType::kMapValueType: {
      const auto* obj = v.getAsObject();
      if (!obj) return mismatch("an object");
      std::vector<std::string> keys;
      for (const auto& [k, unused] : *obj) keys.push_back(k.str());
      std::sort(keys.begin(), keys.end());
      pk.pack_map(static_cast<uint32_t>(keys.size()));
      for (const auto& k : keys) {
        packString(pk, k);
        if (auto e = packJson(buf, *obj->get(k), type.map_value_type(), where + "." + k)) return e;
      }
      return llvm::Error::success();
    }
    case core::LiteralType::kEnumType: {
      auto s = v.getAsString();
      const auto& values = type.enum_type().values();
      if (!s || std::find(values.begin(), values.end(), s->str()) == values.end()) return mismatch("one of the enum's values");
      return packString(pk, s->str()), llvm::Error::success();
    }
    case core::LiteralType::kUnionType: {  // the first variant that takes the value
      for (const auto& variant : type.union_type().variants()) {
        msgpack::sbuffer trial;
        if (auto e = packJson(trial, v, variant, where)) {
          llvm::consumeError(std::move(e));
          continue;
        }
        buf.write(trial.data(), trial.size());
        return llvm::Error::success();
      }
      return mismatch("of any of the union's types");
    }
    default: return bad(where + ": this type cannot be written in a struct");
  }
}

llvm::Expected<std::string> packJsonStruct(const llvm::json::Value& value, const core::LiteralType& type,
                                           const std::string& where) {
  msgpack::sbuffer buf;
  if (auto e = packJson(buf, value, type, where)) return e;
  return std::string(buf.data(), buf.size());
}

static llvm::Expected<llvm::json::Value> toJson(const msgpack::object& o, int depth) {
  if (depth > 64) return bad("msgpack nested too deeply");
  switch (o.type) {
    case msgpack::type::NIL: return nullptr;
    case msgpack::type::BOOLEAN: return o.via.boolean;
    case msgpack::type::POSITIVE_INTEGER:
      if (o.via.u64 > uint64_t(INT64_MAX)) return bad("msgpack integer beyond int64");
      return int64_t(o.via.u64);
    case msgpack::type::NEGATIVE_INTEGER: return o.via.i64;
    case msgpack::type::FLOAT32:
    case msgpack::type::FLOAT64: return o.via.f64;
    case msgpack::type::STR: return std::string(o.via.str.ptr, o.via.str.size);
    case msgpack::type::ARRAY: {
      llvm::json::Array a;
      for (uint32_t i = 0; i < o.via.array.size; ++i) {
        auto v = toJson(o.via.array.ptr[i], depth + 1);
        if (!v) return v.takeError();
        a.push_back(std::move(*v));
      }
      return a;
    }
    case msgpack::type::MAP: {
      llvm::json::Object m;
      for (uint32_t i = 0; i < o.via.map.size; ++i) {
        const auto& kv = o.via.map.ptr[i];
        if (kv.key.type != msgpack::type::STR) return bad("msgpack map with a key that is not a string");
        auto v = toJson(kv.val, depth + 1);
        if (!v) return v.takeError();
        m[std::string(kv.key.via.str.ptr, kv.key.via.str.size)] = std::move(*v);
      }
      return m;
    }
    default: return bad("msgpack value of a type dataclasses do not use");
  }
}

llvm::Expected<llvm::json::Value> msgpackToJson(std::string_view bytes) {
  try {
    // Nothing can claim more items or bytes than the input has (no allocation from a forged length).
    const std::size_t n = bytes.size();
    msgpack::object_handle oh =
        msgpack::unpack(bytes.data(), n, nullptr, nullptr, msgpack::unpack_limit(n, n, n, n, n, 64));
    return toJson(oh.get(), 0);
  } catch (const std::exception& e) {
    return bad(std::string("not msgpack: ") + e.what());
  }
}

llvm::Expected<llvm::json::Value> dataclassToJson(const core::Scalar& scalar) {
  if (scalar.has_binary()) {
    if (scalar.binary().tag() != kMsgpackTag) return bad("a binary value tagged '" + scalar.binary().tag() + "'");
    return msgpackToJson(scalar.binary().value());
  }
  if (scalar.has_generic()) {
    std::string text;
    if (!google::protobuf::util::MessageToJsonString(scalar.generic(), &text).ok()) return bad("unreadable Struct");
    return llvm::json::parse(text);
  }
  return bad("not a dataclass value");
}

}  // namespace flytecc::idl
