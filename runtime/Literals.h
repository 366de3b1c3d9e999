// C++ values <-> flyteidl.core.Literal, for every type the SDK maps (docs/sdk.md), both directions, and the
// LiteralType each C++ type declares. Literals are written exactly as flytekit writes them (union variants carry
// flytekit's transformer names as tags), so a task built with flytecc reads what a Python task wrote and back.
//
// Header-only templates over the generated flyteidl classes; the runtime library (TaskRuntime.h) adds storage.
// Errors: decode() throws ConversionError naming the place inside the value (e.g. "[2].x") and both types; the
// adapters (TaskMain.h) catch it and report the input's name. Nothing here prints, exits or touches storage: blobs
// go through a BlobHooks the caller provides (none: URIs pass through as paths).
//
// Seam for other types: specialize flytecc::runtime::LiteralTraits<T> with type(), unionTag(), encode() and
// decode() (see the specializations below for the shape). Enums and structs get theirs from EnumNames and
// StructFields, which flytecc's generated task main specializes.
#pragma once

#include <chrono>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "flyte/flyte.hpp"
#include "flyteidl/UnionTags.h"
#include "runtime/Msgpack.h"
#include "flyteidl/core/literals.pb.h"
#include "flyteidl/core/types.pb.h"

namespace flytecc::runtime {

namespace core = ::flyteidl::core;

// A literal that does not fit the C++ type. `where` is the path inside the value ("", "[3]", "['k']"),
// `message` says what was expected and what was found.
class ConversionError : public std::runtime_error {
 public:
  ConversionError(std::string where, std::string message)
      : std::runtime_error(where.empty() ? message : where + ": " + message),
        where_(std::move(where)),
        message_(std::move(message)) {}
  const std::string& where() const { return where_; }
  const std::string& detail() const { return message_; }
  // The same error one level further out ("[2]" + ".x").
  ConversionError within(const std::string& outer) const { return ConversionError(outer + where_, message_); }

 private:
  std::string where_, message_;
};

// Blobs cross the task boundary as URIs: inputs are fetched to local paths before the call, local outputs are
// uploaded after it. Without hooks, URIs and paths pass through unchanged.
class BlobHooks {
 public:
  virtual ~BlobHooks() = default;
  // The local path the task sees for the blob at `uri` (downloaded; a directory for multipart blobs).
  virtual std::string localize(const std::string& uri, bool multipart) = 0;
  // The URI an output blob gets (a remote URI passes through; an input's local copy maps back to its URI).
  virtual std::string publish(const std::string& path, bool multipart) = 0;
};

// Human-readable types and literals for error messages: "int", "[str]", "{str: float}", "int?", "file", "dir",
// "datetime", "duration"; a literal is described by what it holds ("a string", "a collection of 3 literals").
std::string describeType(const core::LiteralType& type);
std::string describeLiteral(const core::Literal& literal);

[[noreturn]] void throwMismatch(const core::LiteralType& expected, const core::Literal& found);

template <class T, class Enable = void>
struct LiteralTraits;  // no specialization: the SDK does not map T (flytecc's analysis reports it first)

template <class T>
concept Convertible = requires { LiteralTraits<T>::type(); };

namespace detail {
inline core::LiteralType simpleType(core::SimpleType s) {
  core::LiteralType t;
  t.set_simple(s);
  return t;
}
inline const core::Primitive* primitiveOf(const core::Literal& l) {
  return l.has_scalar() && l.scalar().has_primitive() ? &l.scalar().primitive() : nullptr;
}
template <class T>
struct is_duration : std::false_type {};
template <class R, class P>
struct is_duration<std::chrono::duration<R, P>> : std::true_type {};
}  // namespace detail

// --- simple types --------------------------------------------------------------------------------------------

template <>
struct LiteralTraits<bool> {
  static core::LiteralType type() { return detail::simpleType(core::BOOLEAN); }
  static std::string unionTag() { return std::string(uniontag::kBoolean); }
  static void encode(bool v, core::Literal* out, BlobHooks*) { out->mutable_scalar()->mutable_primitive()->set_boolean(v); }
  static bool decode(const core::Literal& l, BlobHooks*) {
    const auto* p = detail::primitiveOf(l);
    if (!p || p->value_case() != core::Primitive::kBoolean) throwMismatch(type(), l);
    return p->boolean();
  }
};

template <class T>
struct LiteralTraits<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  static core::LiteralType type() { return detail::simpleType(core::INTEGER); }
  static std::string unionTag() { return std::string(uniontag::kInteger); }
  static void encode(T v, core::Literal* out, BlobHooks*) {
    if constexpr (std::is_unsigned_v<T> && sizeof(T) >= sizeof(std::int64_t)) {
      if (v > static_cast<T>(std::numeric_limits<std::int64_t>::max()))
        throw ConversionError("", std::to_string(v) + " does not fit Flyte's INTEGER (64-bit signed)");
    }
    out->mutable_scalar()->mutable_primitive()->set_integer(static_cast<std::int64_t>(v));
  }
  static T decode(const core::Literal& l, BlobHooks*) {
    const auto* p = detail::primitiveOf(l);
    if (!p || p->value_case() != core::Primitive::kInteger) throwMismatch(type(), l);
    const std::int64_t v = p->integer();
    bool fits;
    if constexpr (std::is_signed_v<T>)
      fits = v >= static_cast<std::int64_t>(std::numeric_limits<T>::min()) &&
             v <= static_cast<std::int64_t>(std::numeric_limits<T>::max());
    else
      fits = v >= 0 && static_cast<std::uint64_t>(v) <= static_cast<std::uint64_t>(std::numeric_limits<T>::max());
    if (!fits)
      throw ConversionError("", "the integer " + std::to_string(v) + " is out of range for the C++ parameter (" +
                                    std::to_string(sizeof(T) * 8) + "-bit " + (std::is_signed_v<T> ? "signed" : "unsigned") +
                                    ")");
    return static_cast<T>(v);
  }
};

template <class T>
struct LiteralTraits<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static core::LiteralType type() { return detail::simpleType(core::FLOAT); }
  static std::string unionTag() { return std::string(uniontag::kFloat); }
  static void encode(T v, core::Literal* out, BlobHooks*) {
    out->mutable_scalar()->mutable_primitive()->set_float_value(static_cast<double>(v));
  }
  static T decode(const core::Literal& l, BlobHooks*) {
    const auto* p = detail::primitiveOf(l);
    if (!p || p->value_case() != core::Primitive::kFloatValue) throwMismatch(type(), l);
    return static_cast<T>(p->float_value());
  }
};

template <>
struct LiteralTraits<std::string> {
  static core::LiteralType type() { return detail::simpleType(core::STRING); }
  static std::string unionTag() { return std::string(uniontag::kString); }
  static void encode(const std::string& v, core::Literal* out, BlobHooks*) {
    out->mutable_scalar()->mutable_primitive()->set_string_value(v);
  }
  static std::string decode(const core::Literal& l, BlobHooks*) {
    const auto* p = detail::primitiveOf(l);
    if (!p || p->value_case() != core::Primitive::kStringValue) throwMismatch(type(), l);
    return p->string_value();
  }
};

// Durations: any std::chrono::duration, as google.protobuf.Duration (seconds + nanos).
template <class R, class P>
struct LiteralTraits<std::chrono::duration<R, P>> {
  using D = std::chrono::duration<R, P>;
  static core::LiteralType type() { return detail::simpleType(core::DURATION); }
  static std::string unionTag() { return std::string(uniontag::kDuration); }
  static void encode(D v, core::Literal* out, BlobHooks*) {
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(v).count();
    auto* d = out->mutable_scalar()->mutable_primitive()->mutable_duration();
    d->set_seconds(ns / 1000000000);
    d->set_nanos(static_cast<std::int32_t>(ns % 1000000000));
  }
  static D decode(const core::Literal& l, BlobHooks*) {
    const auto* p = detail::primitiveOf(l);
    if (!p || p->value_case() != core::Primitive::kDuration) throwMismatch(type(), l);
    const std::int64_t s = p->duration().seconds();
    if (s > std::numeric_limits<std::int64_t>::max() / 1000000000 - 1 ||
        s < std::numeric_limits<std::int64_t>::min() / 1000000000 + 1)
      throw ConversionError("", "the duration of " + std::to_string(s) + " s is out of range for std::chrono");
    return std::chrono::duration_cast<D>(std::chrono::nanoseconds(s * 1000000000 + p->duration().nanos()));
  }
};

// Datetimes: std::chrono::system_clock::time_point, as google.protobuf.Timestamp (UTC).
template <class Dur>
struct LiteralTraits<std::chrono::time_point<std::chrono::system_clock, Dur>> {
  using TP = std::chrono::time_point<std::chrono::system_clock, Dur>;
  static core::LiteralType type() { return detail::simpleType(core::DATETIME); }
  static std::string unionTag() { return std::string(uniontag::kDatetime); }
  static void encode(TP v, core::Literal* out, BlobHooks*) {
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(v.time_since_epoch()).count();
    std::int64_t s = ns / 1000000000, n = ns % 1000000000;
    if (n < 0) {  // Timestamp nanos are always non-negative
      --s;
      n += 1000000000;
    }
    auto* t = out->mutable_scalar()->mutable_primitive()->mutable_datetime();
    t->set_seconds(s);
    t->set_nanos(static_cast<std::int32_t>(n));
  }
  static TP decode(const core::Literal& l, BlobHooks*) {
    const auto* p = detail::primitiveOf(l);
    if (!p || p->value_case() != core::Primitive::kDatetime) throwMismatch(type(), l);
    const std::int64_t s = p->datetime().seconds();
    if (s > std::numeric_limits<std::int64_t>::max() / 1000000000 - 1 ||
        s < std::numeric_limits<std::int64_t>::min() / 1000000000 + 1)
      throw ConversionError("", "the datetime " + std::to_string(s) + " s after 1970 is out of range for std::chrono");
    return TP(std::chrono::duration_cast<Dur>(std::chrono::nanoseconds(s * 1000000000 + p->datetime().nanos())));
  }
};

// --- blobs ---------------------------------------------------------------------------------------------------

namespace detail {
template <bool Multipart>
struct BlobTraits {
  static core::LiteralType type() {
    core::LiteralType t;
    t.mutable_blob()->set_dimensionality(Multipart ? core::BlobType::MULTIPART : core::BlobType::SINGLE);
    return t;
  }
  static std::string unionTag() { return std::string(Multipart ? uniontag::kDirectory : uniontag::kFile); }
  static void encodePath(const std::string& path, core::Literal* out, BlobHooks* hooks) {
    auto* b = out->mutable_scalar()->mutable_blob();
    b->mutable_metadata()->mutable_type()->set_dimensionality(Multipart ? core::BlobType::MULTIPART
                                                                        : core::BlobType::SINGLE);
    b->set_uri(hooks ? hooks->publish(path, Multipart) : path);
  }
  static std::string decodePath(const core::Literal& l, BlobHooks* hooks) {
    if (!l.has_scalar() || !l.scalar().has_blob()) throwMismatch(type(), l);
    const auto& b = l.scalar().blob();
    const bool multipart = b.metadata().type().dimensionality() == core::BlobType::MULTIPART;
    if (multipart != Multipart) throwMismatch(type(), l);
    return hooks ? hooks->localize(b.uri(), Multipart) : b.uri();
  }
};
}  // namespace detail

template <>
struct LiteralTraits<flyte::File> : detail::BlobTraits<false> {
  static void encode(const flyte::File& v, core::Literal* out, BlobHooks* h) { encodePath(v.path, out, h); }
  static flyte::File decode(const core::Literal& l, BlobHooks* h) { return flyte::File{decodePath(l, h)}; }
};
template <>
struct LiteralTraits<flyte::Directory> : detail::BlobTraits<true> {
  static void encode(const flyte::Directory& v, core::Literal* out, BlobHooks* h) { encodePath(v.path, out, h); }
  static flyte::Directory decode(const core::Literal& l, BlobHooks* h) { return flyte::Directory{decodePath(l, h)}; }
};

// --- containers ----------------------------------------------------------------------------------------------

template <class T, class A>
struct LiteralTraits<std::vector<T, A>> {
  static core::LiteralType type() {
    core::LiteralType t;
    *t.mutable_collection_type() = LiteralTraits<T>::type();
    return t;
  }
  static std::string unionTag() { return std::string(uniontag::kList); }
  static void encode(const std::vector<T, A>& v, core::Literal* out, BlobHooks* h) {
    auto* c = out->mutable_collection();
    c->mutable_literals()->Reserve(static_cast<int>(v.size()));
    for (std::size_t i = 0; i < v.size(); ++i) {
      try {
        LiteralTraits<T>::encode(v[i], c->add_literals(), h);
      } catch (const ConversionError& e) {
        throw e.within("[" + std::to_string(i) + "]");
      }
    }
  }
  static std::vector<T, A> decode(const core::Literal& l, BlobHooks* h) {
    if (!l.has_collection()) throwMismatch(type(), l);
    const auto& items = l.collection().literals();
    std::vector<T, A> out;
    out.reserve(items.size());
    for (int i = 0; i < items.size(); ++i) {
      try {
        out.push_back(LiteralTraits<T>::decode(items[i], h));
      } catch (const ConversionError& e) {
        throw e.within("[" + std::to_string(i) + "]");
      }
    }
    return out;
  }
};

template <class T, class C, class A>
struct LiteralTraits<std::map<std::string, T, C, A>> {
  using M = std::map<std::string, T, C, A>;
  static core::LiteralType type() {
    core::LiteralType t;
    *t.mutable_map_value_type() = LiteralTraits<T>::type();
    return t;
  }
  static std::string unionTag() { return std::string(uniontag::kMap); }
  static void encode(const M& v, core::Literal* out, BlobHooks* h) {
    auto* m = out->mutable_map()->mutable_literals();
    for (const auto& [k, item] : v) {
      try {
        LiteralTraits<T>::encode(item, &(*m)[k], h);
      } catch (const ConversionError& e) {
        throw e.within("['" + k + "']");
      }
    }
  }
  static M decode(const core::Literal& l, BlobHooks* h) {
    if (!l.has_map()) throwMismatch(type(), l);
    M out;
    for (const auto& [k, item] : l.map().literals()) {
      try {
        out.emplace(k, LiteralTraits<T>::decode(item, h));
      } catch (const ConversionError& e) {
        throw e.within("['" + k + "']");
      }
    }
    return out;
  }
};

// std::optional<T>: the union of T and none, as flytekit writes Optional[T]. Decoding also accepts the bare forms
// (a none scalar, or T's literal unwrapped), which launch-plan defaults use.
template <class T>
struct LiteralTraits<std::optional<T>> {
  static core::LiteralType noneVariant() {
    core::LiteralType t = detail::simpleType(core::NONE);
    t.mutable_structure()->set_tag(std::string(uniontag::kNone));
    return t;
  }
  static core::LiteralType valueVariant() {
    core::LiteralType t = LiteralTraits<T>::type();
    t.mutable_structure()->clear_dataclass_type();  // a dataclass variant has only its tag, as flytekit writes it
    t.mutable_structure()->set_tag(LiteralTraits<T>::unionTag());
    return t;
  }
  static core::LiteralType type() {
    core::LiteralType t;
    *t.mutable_union_type()->add_variants() = valueVariant();
    *t.mutable_union_type()->add_variants() = noneVariant();
    return t;
  }
  static std::string unionTag() { return LiteralTraits<T>::unionTag(); }  // Optional[Optional[T]] is Optional[T]
  static void encode(const std::optional<T>& v, core::Literal* out, BlobHooks* h) {
    auto* u = out->mutable_scalar()->mutable_union_();
    if (v) {
      LiteralTraits<T>::encode(*v, u->mutable_value(), h);
      *u->mutable_type() = valueVariant();
    } else {
      u->mutable_value()->mutable_scalar()->mutable_none_type();
      *u->mutable_type() = noneVariant();
    }
  }
  static std::optional<T> decode(const core::Literal& l, BlobHooks* h) {
    const core::Literal* value = &l;
    if (l.has_scalar() && l.scalar().has_union_()) value = &l.scalar().union_().value();
    if (value->has_scalar() && value->scalar().has_none_type()) return std::nullopt;
    try {
      return LiteralTraits<T>::decode(*value, h);
    } catch (const ConversionError& e) {
      if (e.where().empty() && value != &l) throwMismatch(type(), l);
      throw;
    }
  }
};

// --- unions --------------------------------------------------------------------------------------------------

// std::monostate: the none variant of a std::variant.
template <>
struct LiteralTraits<std::monostate> {
  static core::LiteralType type() { return detail::simpleType(core::NONE); }
  static std::string unionTag() { return std::string(uniontag::kNone); }
  static void encode(std::monostate, core::Literal* out, BlobHooks*) { out->mutable_scalar()->mutable_none_type(); }
  static std::monostate decode(const core::Literal& l, BlobHooks*) {
    if (!l.has_scalar() || !l.scalar().has_none_type()) throwMismatch(type(), l);
    return {};
  }
};

// std::variant<A, B, ...>: Flyte's union type, one variant per alternative in order, tagged as flytekit tags
// Union[A, B]. A value is a union scalar holding the alternative's literal and its tagged type. Decoding picks the
// alternative by the value's tag (the first that reads it when several share a tag); a bare value (a launch-plan
// default written without the union) goes to the first alternative that reads it.
template <class... T>
struct LiteralTraits<std::variant<T...>> {
  using V = std::variant<T...>;
  template <class A>
  static core::LiteralType variantType() {
    core::LiteralType t = LiteralTraits<A>::type();
    t.mutable_structure()->set_tag(LiteralTraits<A>::unionTag());
    return t;
  }
  static void addVariants(core::UnionType* u) { (void(*u->add_variants() = variantType<T>()), ...); }
  static core::LiteralType type() {
    core::LiteralType t;
    addVariants(t.mutable_union_type());
    return t;
  }
  static std::string unionTag() { return describeType(type()); }  // not a Flyte variant: flytecc flattens unions
  static void encode(const V& v, core::Literal* out, BlobHooks* h) {
    std::visit(
        [&](const auto& alt) {
          using A = std::decay_t<decltype(alt)>;
          auto* u = out->mutable_scalar()->mutable_union_();
          LiteralTraits<A>::encode(alt, u->mutable_value(), h);
          *u->mutable_type() = variantType<A>();
        },
        v);
  }
  // The alternative that reads `value`, among those whose tag is `tag` (all when null).
  static std::optional<V> tryDecode(const core::Literal& value, const std::string* tag, BlobHooks* h) {
    std::optional<V> out;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      (
          [&] {
            using A = std::variant_alternative_t<I, V>;
            if (out || (tag && LiteralTraits<A>::unionTag() != *tag)) return;
            try {
              out.emplace(std::in_place_index<I>, LiteralTraits<A>::decode(value, h));
            } catch (const ConversionError&) {
            }
          }(),
          ...);
    }(std::index_sequence_for<T...>{});
    return out;
  }
  static V decode(const core::Literal& l, BlobHooks* h) {
    if (l.has_scalar() && l.scalar().has_union_()) {
      const auto& u = l.scalar().union_();
      if (auto v = tryDecode(u.value(), &u.type().structure().tag(), h)) return std::move(*v);
    } else if (auto v = tryDecode(l, nullptr, h)) {
      return std::move(*v);
    }
    throwMismatch(type(), l);
  }
};

// std::optional<std::variant<A, B>>: Union[A, B, None], flattened as flytekit flattens Optional[Union[A, B]].
template <class... T>
struct LiteralTraits<std::optional<std::variant<T...>>> {
  using VT = LiteralTraits<std::variant<T...>>;
  static core::LiteralType type() {
    core::LiteralType t = VT::type();
    *t.mutable_union_type()->add_variants() = VT::template variantType<std::monostate>();
    return t;
  }
  static std::string unionTag() { return describeType(type()); }
  static void encode(const std::optional<std::variant<T...>>& v, core::Literal* out, BlobHooks* h) {
    if (v) return VT::encode(*v, out, h);
    auto* u = out->mutable_scalar()->mutable_union_();
    u->mutable_value()->mutable_scalar()->mutable_none_type();
    *u->mutable_type() = VT::template variantType<std::monostate>();
  }
  static std::optional<std::variant<T...>> decode(const core::Literal& l, BlobHooks* h) {
    const core::Literal* value = &l;
    if (l.has_scalar() && l.scalar().has_union_()) value = &l.scalar().union_().value();
    if (value->has_scalar() && value->scalar().has_none_type()) return std::nullopt;
    try {
      return VT::decode(l, h);
    } catch (const ConversionError&) {
      throwMismatch(type(), l);
    }
  }
};

// --- enums ---------------------------------------------------------------------------------------------------

// The enumerators of a C++ enum and their names. flytecc's generated task main specializes it for every enum a
// task uses: `static constexpr std::pair<E, const char*> values[] = {{E::red, "red"}, ...};`.
template <class E>
struct EnumNames;

// A C++ enum is Flyte's EnumType of its enumerators' names; a value is the name as a string, as flytekit writes
// an enum.Enum member (its value string).
template <class E>
struct LiteralTraits<E, std::enable_if_t<std::is_enum_v<E>>> {
  static core::LiteralType type() {
    core::LiteralType t;
    for (const auto& [value, name] : EnumNames<E>::values) t.mutable_enum_type()->add_values(name);
    return t;
  }
  static std::string unionTag() { return std::string(uniontag::kEnum); }
  static void encode(E v, core::Literal* out, BlobHooks*) {
    for (const auto& [value, name] : EnumNames<E>::values)
      if (value == v) {
        out->mutable_scalar()->mutable_primitive()->set_string_value(name);
        return;
      }
    throw ConversionError("", std::to_string(static_cast<long long>(v)) + " is not an enumerator of the enum");
  }
  static E decode(const core::Literal& l, BlobHooks*) {
    const auto* p = detail::primitiveOf(l);
    if (!p || p->value_case() != core::Primitive::kStringValue) throwMismatch(type(), l);
    for (const auto& [value, name] : EnumNames<E>::values)
      if (p->string_value() == name) return value;
    std::string names;
    for (const auto& [value, name] : EnumNames<E>::values) names += std::string(names.empty() ? "" : ", ") + name;
    throw ConversionError("", "'" + p->string_value() + "' is not one of the enum's values (" + names + ")");
  }
};

// --- structs (flytekit dataclasses) ----------------------------------------------------------------------------

// A field of a struct: its name and member pointer.
template <class S, class M>
struct StructField {
  const char* name;
  M S::*member;
};
template <class S, class M>
constexpr StructField<S, M> field(const char* name, M S::*member) {
  return {name, member};
}

// The fields of a C++ struct and its LiteralType. flytecc's generated task main specializes it for every struct a
// task uses: `static constexpr auto fields = std::make_tuple(field("x", &Point::x), ...);` (declaration order) and
// `static std::string_view literalType()`, the serialized LiteralType the compiler lowered (STRUCT, the JSON schema,
// structure.dataclass_type), so both sides declare the same type.
template <class S>
struct StructFields;

template <class T>
concept DataclassStruct = requires { StructFields<T>::fields; };

// A value inside a dataclass's msgpack: how each field type is written and read (flytekit's mashumaro form).
template <class T, class Enable = void>
struct MsgpackField;

template <>
struct MsgpackField<bool> {
  static void write(bool v, MsgpackWriter& w) { w.boolean(v); }
  static bool read(const MsgpackValue& v) {
    if (v.kind != MsgpackValue::Kind::Boolean) throw ConversionError("", "expected a boolean");
    return v.boolean;
  }
};
template <class T>
struct MsgpackField<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  static void write(T v, MsgpackWriter& w) {
    core::Literal range;  // the same range check as a top-level int
    LiteralTraits<T>::encode(v, &range, nullptr);
    w.integer(range.scalar().primitive().integer());
  }
  static T read(const MsgpackValue& v) {
    std::int64_t i;
    if (v.kind == MsgpackValue::Kind::Integer) i = v.integer;
    else if (v.kind == MsgpackValue::Kind::Float && v.real == static_cast<double>(static_cast<std::int64_t>(v.real)))
      i = static_cast<std::int64_t>(v.real);  // the generic (Struct) form has only doubles
    else throw ConversionError("", "expected an integer");
    core::Literal l;
    l.mutable_scalar()->mutable_primitive()->set_integer(i);
    return LiteralTraits<T>::decode(l, nullptr);
  }
};
template <class T>
struct MsgpackField<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static void write(T v, MsgpackWriter& w) { w.real(static_cast<double>(v)); }
  static T read(const MsgpackValue& v) {
    if (v.kind == MsgpackValue::Kind::Float) return static_cast<T>(v.real);
    if (v.kind == MsgpackValue::Kind::Integer) return static_cast<T>(v.integer);  // mashumaro reads 1 as 1.0 too
    throw ConversionError("", "expected a number");
  }
};
template <>
struct MsgpackField<std::string> {
  static void write(const std::string& v, MsgpackWriter& w) { w.string(v); }
  static std::string read(const MsgpackValue& v) {
    if (v.kind != MsgpackValue::Kind::String) throw ConversionError("", "expected a string");
    return v.string;
  }
};
template <class E>
struct MsgpackField<E, std::enable_if_t<std::is_enum_v<E>>> {
  static void write(E v, MsgpackWriter& w) {
    core::Literal l;
    LiteralTraits<E>::encode(v, &l, nullptr);
    w.string(l.scalar().primitive().string_value());
  }
  static E read(const MsgpackValue& v) {
    if (v.kind != MsgpackValue::Kind::String) throw ConversionError("", "expected an enum value (a string)");
    core::Literal l;
    l.mutable_scalar()->mutable_primitive()->set_string_value(v.string);
    return LiteralTraits<E>::decode(l, nullptr);
  }
};
template <class T, class A>
struct MsgpackField<std::vector<T, A>> {
  static void write(const std::vector<T, A>& v, MsgpackWriter& w) {
    w.array(static_cast<std::uint32_t>(v.size()));
    for (std::size_t i = 0; i < v.size(); ++i) {
      try {
        MsgpackField<T>::write(v[i], w);
      } catch (const ConversionError& e) {
        throw e.within("[" + std::to_string(i) + "]");
      }
    }
  }
  static std::vector<T, A> read(const MsgpackValue& v) {
    if (v.kind != MsgpackValue::Kind::Array) throw ConversionError("", "expected a list");
    std::vector<T, A> out;
    out.reserve(v.items.size());
    for (std::size_t i = 0; i < v.items.size(); ++i) {
      try {
        out.push_back(MsgpackField<T>::read(v.items[i]));
      } catch (const ConversionError& e) {
        throw e.within("[" + std::to_string(i) + "]");
      }
    }
    return out;
  }
};
template <class T, class C, class A>
struct MsgpackField<std::map<std::string, T, C, A>> {
  using M = std::map<std::string, T, C, A>;
  static void write(const M& v, MsgpackWriter& w) {
    w.map(static_cast<std::uint32_t>(v.size()));
    for (const auto& [k, item] : v) {
      w.string(k);
      try {
        MsgpackField<T>::write(item, w);
      } catch (const ConversionError& e) {
        throw e.within("['" + k + "']");
      }
    }
  }
  static M read(const MsgpackValue& v) {
    if (v.kind != MsgpackValue::Kind::Map) throw ConversionError("", "expected a dict");
    M out;
    for (const auto& [k, item] : v.entries) {
      try {
        out.insert_or_assign(k, MsgpackField<T>::read(item));
      } catch (const ConversionError& e) {
        throw e.within("['" + k + "']");
      }
    }
    return out;
  }
};
template <class T>
struct MsgpackField<std::optional<T>> {
  static void write(const std::optional<T>& v, MsgpackWriter& w) {
    if (v) MsgpackField<T>::write(*v, w);
    else w.nil();
  }
  static std::optional<T> read(const MsgpackValue& v) {
    if (v.kind == MsgpackValue::Kind::Nil) return std::nullopt;
    return MsgpackField<T>::read(v);
  }
};
template <DataclassStruct S>
struct MsgpackField<S> {
  static void write(const S& v, MsgpackWriter& w) {
    constexpr std::size_t n = std::tuple_size_v<std::decay_t<decltype(StructFields<S>::fields)>>;
    w.map(static_cast<std::uint32_t>(n));
    std::apply(
        [&](const auto&... f) {
          (
              [&] {
                w.string(f.name);
                try {
                  MsgpackField<std::decay_t<decltype(v.*(f.member))>>::write(v.*(f.member), w);
                } catch (const ConversionError& e) {
                  throw e.within(std::string(".") + f.name);
                }
              }(),
              ...);
        },
        StructFields<S>::fields);
  }
  // Fields are matched by name; a missing field keeps its C++ default (its default member initializer).
  static S read(const MsgpackValue& v) {
    if (v.kind != MsgpackValue::Kind::Map) throw ConversionError("", "expected a dataclass (a map of its fields)");
    S out{};
    std::apply(
        [&](const auto&... f) {
          (
              [&] {
                const MsgpackValue* item = v.find(f.name);
                if (!item) return;
                try {
                  out.*(f.member) = MsgpackField<std::decay_t<decltype(out.*(f.member))>>::read(*item);
                } catch (const ConversionError& e) {
                  throw e.within(std::string(".") + f.name);
                }
              }(),
              ...);
        },
        StructFields<S>::fields);
    return out;
  }
};

// A struct is a dataclass: `scalar.binary{value: <msgpack>, tag: "msgpack"}`, as flytekit 1.16 writes it. Decoding
// also accepts the older `scalar.generic` Struct form (FLYTE_USE_OLD_DC_FORMAT), which flytekit still reads.
template <DataclassStruct S>
struct LiteralTraits<S> {
  static core::LiteralType type() {
    core::LiteralType t;
    const std::string_view bytes = StructFields<S>::literalType();
    t.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()));
    return t;
  }
  static std::string unionTag() { return std::string(uniontag::kDataclass); }
  static void encode(const S& v, core::Literal* out, BlobHooks*) {
    MsgpackWriter w;
    MsgpackField<S>::write(v, w);
    auto* b = out->mutable_scalar()->mutable_binary();
    b->set_value(w.bytes());
    b->set_tag("msgpack");
  }
  static S decode(const core::Literal& l, BlobHooks*) {
    if (l.has_scalar() && l.scalar().has_binary()) {
      if (l.scalar().binary().tag() != "msgpack")
        throw ConversionError("", "a binary value tagged '" + l.scalar().binary().tag() + "' is not a dataclass");
      return MsgpackField<S>::read(parseMsgpack(l.scalar().binary().value()));
    }
    if (l.has_scalar() && l.scalar().has_generic()) return MsgpackField<S>::read(fromProtobufStruct(l.scalar().generic()));
    throwMismatch(type(), l);
  }
};

// --- function interfaces -------------------------------------------------------------------------------------

// A task's result as outputs: void -> none, std::tuple<A, B> -> o0, o1, anything else -> o0.
template <class R>
struct OutputTraits {
  static constexpr std::size_t count = 1;
  template <class F>
  static void each(const R& r, F&& f) {
    f(std::integral_constant<std::size_t, 0>{}, r);
  }
  template <std::size_t I>
  using type = R;
};
template <class... T>
struct OutputTraits<std::tuple<T...>> {
  static constexpr std::size_t count = sizeof...(T);
  template <class F>
  static void each(const std::tuple<T...>& r, F&& f) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
      (f(std::integral_constant<std::size_t, I>{}, std::get<I>(r)), ...);
    }(std::index_sequence_for<T...>{});
  }
  template <std::size_t I>
  using type = std::tuple_element_t<I, std::tuple<T...>>;
};
template <>
struct OutputTraits<void> {
  static constexpr std::size_t count = 0;
};

// Convenience wrappers.
template <class T>
core::Literal toLiteral(const T& value, BlobHooks* hooks = nullptr) {
  core::Literal l;
  LiteralTraits<T>::encode(value, &l, hooks);
  return l;
}
template <class T>
T fromLiteral(const core::Literal& literal, BlobHooks* hooks = nullptr) {
  return LiteralTraits<T>::decode(literal, hooks);
}
template <class T>
core::LiteralType literalTypeOf() {
  return LiteralTraits<T>::type();
}

}  // namespace flytecc::runtime
