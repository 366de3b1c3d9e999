// Constant values: workflow defaults and literal bindings.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "ir/Type.h"

namespace flytecc::ir {

struct Literal {
  enum class Kind { Integer, Float, String, Boolean, Duration, None, Collection, Map, Struct };

  Kind kind = Kind::None;
  std::int64_t integer = 0;  // Integer; Duration in nanoseconds
  double real = 0;
  std::string string;
  bool boolean = false;
  std::vector<Literal> items;                            // Collection
  std::vector<std::pair<std::string, Literal>> entries;  // Map, sorted by key; Struct: every field, in order

  static Literal ofInt(std::int64_t v);
  static Literal ofFloat(double v);
  static Literal ofString(std::string v);
  static Literal ofBool(bool v);
  static Literal ofDuration(std::int64_t nanos);
  static Literal none();
  static Literal list(std::vector<Literal> items);
  static Literal map(std::vector<std::pair<std::string, Literal>> entries);
  static Literal structure(std::vector<std::pair<std::string, Literal>> fields);  // kept in the order given

  // Stable text: 10, 6.5, "a", true, 5s, none, [1, 2], {"k": 1}, {.x = 1.0, .y = 2.0}.
  std::string str() const;
  friend bool operator==(const Literal&, const Literal&) = default;
};

// Does the literal fit the declared type?
bool literalFits(const Literal& value, const Type& type);

}  // namespace flytecc::ir
