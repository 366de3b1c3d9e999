#include "runtime/Msgpack.h"

#include <google/protobuf/struct.pb.h>
#include <msgpack.hpp>

#include <cstring>

#include "runtime/Literals.h"

namespace flytecc::runtime {

struct MsgpackWriter::Impl {
  msgpack::sbuffer buffer;
  msgpack::packer<msgpack::sbuffer> packer{buffer};
};

MsgpackWriter::MsgpackWriter() : impl_(std::make_unique<Impl>()) {}
MsgpackWriter::~MsgpackWriter() = default;
void MsgpackWriter::nil() { impl_->packer.pack_nil(); }
void MsgpackWriter::boolean(bool v) { v ? impl_->packer.pack_true() : impl_->packer.pack_false(); }
void MsgpackWriter::integer(std::int64_t v) { impl_->packer.pack_int64(v); }
// Python floats are always msgpack float64 (0xcb), even 2.0; msgpack-cxx's pack_double writes integral values as
// ints, so the nine bytes are written here.
void MsgpackWriter::real(double v) {
  char bytes[9];
  bytes[0] = static_cast<char>(0xcbu);
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  _msgpack_store64(&bytes[1], bits);
  impl_->buffer.write(bytes, sizeof bytes);
}
void MsgpackWriter::string(std::string_view v) {
  impl_->packer.pack_str(static_cast<std::uint32_t>(v.size()));
  impl_->packer.pack_str_body(v.data(), static_cast<std::uint32_t>(v.size()));
}
void MsgpackWriter::array(std::uint32_t size) { impl_->packer.pack_array(size); }
void MsgpackWriter::map(std::uint32_t size) { impl_->packer.pack_map(size); }
std::string MsgpackWriter::bytes() const { return std::string(impl_->buffer.data(), impl_->buffer.size()); }

const MsgpackValue* MsgpackValue::find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k == key) return &v;
  return nullptr;
}

static MsgpackValue convert(const msgpack::object& o, int depth) {
  if (depth > 64) throw ConversionError("", "the msgpack value is nested more than 64 levels deep");
  MsgpackValue v;
  switch (o.type) {
    case msgpack::type::NIL: break;
    case msgpack::type::BOOLEAN: v.kind = MsgpackValue::Kind::Boolean, v.boolean = o.via.boolean; break;
    case msgpack::type::POSITIVE_INTEGER:
      if (o.via.u64 > static_cast<std::uint64_t>(INT64_MAX))
        throw ConversionError("", "the msgpack integer " + std::to_string(o.via.u64) + " does not fit int64");
      v.kind = MsgpackValue::Kind::Integer, v.integer = static_cast<std::int64_t>(o.via.u64);
      break;
    case msgpack::type::NEGATIVE_INTEGER: v.kind = MsgpackValue::Kind::Integer, v.integer = o.via.i64; break;
    case msgpack::type::FLOAT32:
    case msgpack::type::FLOAT64: v.kind = MsgpackValue::Kind::Float, v.real = o.via.f64; break;
    case msgpack::type::STR: v.kind = MsgpackValue::Kind::String, v.string.assign(o.via.str.ptr, o.via.str.size); break;
    case msgpack::type::ARRAY:
      v.kind = MsgpackValue::Kind::Array;
      v.items.reserve(o.via.array.size);
      for (std::uint32_t i = 0; i < o.via.array.size; ++i) v.items.push_back(convert(o.via.array.ptr[i], depth + 1));
      break;
    case msgpack::type::MAP:
      v.kind = MsgpackValue::Kind::Map;
      for (std::uint32_t i = 0; i < o.via.map.size; ++i) {
        const auto& kv = o.via.map.ptr[i];
        if (kv.key.type != msgpack::type::STR) throw ConversionError("", "a msgpack map key is not a string");
        v.entries.push_back({std::string(kv.key.via.str.ptr, kv.key.via.str.size), convert(kv.val, depth + 1)});
      }
      break;
    default: throw ConversionError("", "the msgpack value has a type dataclasses do not use (binary or extension)");
  }
  return v;
}

MsgpackValue parseMsgpack(std::string_view bytes) {
  msgpack::object_handle oh;
  try {
    // Nothing can claim more items or bytes than the input has (no allocation from a forged length).
    const std::size_t n = bytes.size();
    std::size_t offset = 0;
    oh = msgpack::unpack(bytes.data(), n, offset, nullptr, nullptr, msgpack::unpack_limit(n, n, n, n, n, 64));
    if (offset != n) throw ConversionError("", "trailing bytes after the msgpack value");
  } catch (const ConversionError&) {
    throw;
  } catch (const std::exception& e) {
    throw ConversionError("", std::string("the value is not msgpack (") + e.what() + ")");
  }
  return convert(oh.get(), 0);
}

static MsgpackValue fromValue(const google::protobuf::Value& pv, int depth) {
  if (depth > 64) throw ConversionError("", "the Struct value is nested more than 64 levels deep");
  MsgpackValue v;
  switch (pv.kind_case()) {
    case google::protobuf::Value::kBoolValue: v.kind = MsgpackValue::Kind::Boolean, v.boolean = pv.bool_value(); break;
    case google::protobuf::Value::kNumberValue: v.kind = MsgpackValue::Kind::Float, v.real = pv.number_value(); break;
    case google::protobuf::Value::kStringValue: v.kind = MsgpackValue::Kind::String, v.string = pv.string_value(); break;
    case google::protobuf::Value::kListValue:
      v.kind = MsgpackValue::Kind::Array;
      for (const auto& item : pv.list_value().values()) v.items.push_back(fromValue(item, depth + 1));
      break;
    case google::protobuf::Value::kStructValue:
      v.kind = MsgpackValue::Kind::Map;
      for (const auto& [k, item] : pv.struct_value().fields()) v.entries.push_back({k, fromValue(item, depth + 1)});
      break;
    default: break;  // null
  }
  return v;
}

MsgpackValue fromProtobufStruct(const google::protobuf::Struct& s) {
  google::protobuf::Value v;
  *v.mutable_struct_value() = s;
  return fromValue(v, 0);
}

}  // namespace flytecc::runtime
