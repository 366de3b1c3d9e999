// Structs as flytekit 1.16 writes dataclasses, on the compiler's side (the lowering and the local executor):
// the LiteralType's JSON schema (mashumaro's), and values as msgpack (`Literal.scalar.binary{value, tag:
// "msgpack"}`): a map of the fields in declaration order, floats always float64, ints in their smallest form, None
// as nil, enums as their names, lists as arrays, dicts and nested dataclasses as maps. The msgpack itself is
// written and read by msgpack-cxx (Debian's libmsgpack-cxx-dev); the task runtime does the same in
// runtime/Msgpack.h.
#pragma once

#include <google/protobuf/struct.pb.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/JSON.h>
#include <string>
#include <string_view>

#include "flyteidl/core/literals.pb.h"
#include "flyteidl/core/types.pb.h"
#include "ir/Literal.h"

namespace flytecc::idl {

inline constexpr std::string_view kMsgpackTag = "msgpack";  // BinaryLiteral.tag of a dataclass value

// mashumaro's JSON schema of a struct type (LiteralType.metadata): title, type object, additionalProperties false,
// properties (with their defaults) and required (the fields without one).
google::protobuf::Struct dataclassSchema(const ir::Type& structType);

// A struct literal (ir::Literal::Kind::Struct) of `structType` as flytekit's msgpack bytes.
std::string packStruct(const ir::Literal& value, const ir::Type& structType);

// A JSON object as the msgpack bytes of a dataclass of `type` (a STRUCT LiteralType with structure.dataclass_type):
// ints and floats as the field types say, fields in name order (the LiteralType keeps no declaration order; readers
// match fields by name). Errors name the field (`where`).
llvm::Expected<std::string> packJsonStruct(const llvm::json::Value& value, const flyteidl::core::LiteralType& type,
                                           const std::string& where);

// Any msgpack document as JSON (maps with string keys as objects), for printing dataclass values.
llvm::Expected<llvm::json::Value> msgpackToJson(std::string_view bytes);

// A dataclass value as JSON: the msgpack `binary`, or the older `generic` Struct form flytekit also reads.
llvm::Expected<llvm::json::Value> dataclassToJson(const flyteidl::core::Scalar& scalar);

}  // namespace flytecc::idl
