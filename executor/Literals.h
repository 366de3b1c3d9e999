// Literal values on the command line and in results: JSON <-> flyteidl literals (by the declared type), and the
// stable hash of an input LiteralMap the cache keys on.
#pragma once

#include <llvm/Support/Error.h>
#include <llvm/Support/JSON.h>
#include <string>

#include "flyteidl/Serialize.h"
#include "flyteidl/core/literals.pb.h"
#include "flyteidl/core/types.pb.h"

namespace flytecc::executor {

// `text` (JSON) as a literal of `type`: numbers, strings, booleans, null (none / empty optional), arrays (lists),
// objects (string-keyed maps), strings for files, directories, datetimes (RFC 3339) and durations ("1.5s").
llvm::Expected<flyteidl::core::Literal> literalFromJson(llvm::StringRef text, const flyteidl::core::LiteralType& type);

// A literal as JSON (the inverse of the above; blobs as their URI).
llvm::json::Value literalToJson(const flyteidl::core::Literal& literal);

// Outputs as a JSON object, indented by two spaces per level, keys sorted; floating-point numbers in their shortest
// round-trip form with a decimal point (156.6, 42.0), as the plain C++ runner prints them.
std::string formatOutputs(const flyteidl::core::LiteralMap& outputs);

// The none literal: a failed map item's value, an empty optional.
flyteidl::core::Literal noneLiteral();

// Deterministic protobuf encoding (map entries sorted; flyteidl/Serialize.h) and a SHA-256 in hex.
using idl::serializeDeterministic;
std::string sha256Hex(llvm::StringRef bytes);

}  // namespace flytecc::executor
