// The tags flytekit gives union variants (LiteralType.structure.tag): its type transformers' names. Propeller
// matches a union value to a declared variant by tag, so the lowering (declared interfaces) and the task runtime
// (values) must both use these, and only these. Header-only and dependency-free.
#pragma once

#include <string_view>

namespace flytecc::uniontag {

inline constexpr std::string_view kNone = "none";
inline constexpr std::string_view kInteger = "int";
inline constexpr std::string_view kFloat = "float";
inline constexpr std::string_view kString = "str";
inline constexpr std::string_view kBoolean = "bool";
inline constexpr std::string_view kDatetime = "datetime";
inline constexpr std::string_view kDuration = "timedelta";
inline constexpr std::string_view kList = "Typed List";
inline constexpr std::string_view kMap = "Typed Dict";
inline constexpr std::string_view kFile = "FlyteFilePath";
inline constexpr std::string_view kDirectory = "FlyteDirectory";
inline constexpr std::string_view kEnum = "DefaultEnumTransformer";
// A dataclass variant keeps metadata and annotation but its structure is only this tag (no dataclass_type).
inline constexpr std::string_view kDataclass = "Object-Dataclass-Transformer";

}  // namespace flytecc::uniontag
