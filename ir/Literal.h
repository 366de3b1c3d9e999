// Constant values: workflow defaults and literal bindings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ir/Type.h"

namespace flytecc::ir {

struct Literal {
  enum class Kind { Integer, Float, String, Boolean, Duration, None, Collection, Map, Struct, Datetime, Blob };

  Kind kind = Kind::None;
  std::int64_t integer = 0;  // Integer; Duration in nanoseconds; Datetime in nanoseconds since 1970 (UTC)
  double real = 0;
  std::string string;  // String; Blob: the URI
  bool boolean = false;  // Boolean; Blob: multipart (a directory)
  std::vector<Literal> items;                            // Collection
  std::vector<std::pair<std::string, Literal>> entries;  // Map, sorted by key; Struct: every field, in order

  static Literal ofInt(std::int64_t v);
  static Literal ofFloat(double v);
  static Literal ofString(std::string v);
  static Literal ofBool(bool v);
  static Literal ofDuration(std::int64_t nanos);
  static Literal ofDatetime(std::int64_t nanosSinceEpoch);
  static Literal ofBlob(std::string uri, bool multipart);
  static Literal none();
  static Literal list(std::vector<Literal> items);
  static Literal map(std::vector<std::pair<std::string, Literal>> entries);
  static Literal structure(std::vector<std::pair<std::string, Literal>> fields);  // kept in the order given

  // Stable text: 10, 6.5, "a", true, 5ns, none, [1, 2], {"k": 1}, {.x = 1.0, .y = 2.0},
  // datetime("2024-01-01T00:00:00Z"), file("s3://b/x.csv"), dir("s3://b/d/").
  std::string str() const;
  friend bool operator==(const Literal&, const Literal&) = default;
};

// RFC 3339 in UTC with as many fractional digits as needed ("2024-01-01T00:00:00Z", "...:30.123456Z"), and back
// (a trailing Z or an offset); nullopt for text that is not such a time or is beyond int64 nanoseconds.
std::string formatDatetime(std::int64_t nanosSinceEpoch);
std::optional<std::int64_t> parseDatetime(const std::string& text);

// Does the literal fit the declared type?
bool literalFits(const Literal& value, const Type& type);

}  // namespace flytecc::ir
