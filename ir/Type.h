// Flyte literal types as flytecc models them, and Flyte's own casting rules between them.
#pragma once

#include <string>
#include <vector>

namespace flytecc::ir {

enum class Simple { None, Integer, Float, String, Boolean, Datetime, Duration };

struct Type {
  enum class Kind { Simple, Collection, Map, Union, Blob, Enum };

  Kind kind = Kind::Simple;
  Simple simple = Simple::None;
  std::vector<Type> children;  // Collection / Map: the element type; Union: the variants
  bool multipart = false;      // Blob: a directory rather than a single file
  std::vector<std::string> values;  // Enum: the enumerators' names, in declaration order (Flyte's EnumType)

  static Type of(Simple s);
  static Type list(Type element);
  static Type map(Type value);
  static Type optional(Type value);  // union of the value and none
  static Type file();
  static Type directory();
  static Type enumeration(std::vector<std::string> values);

  bool isOptional() const;  // a union with a none variant
  const Type& element() const { return children.front(); }

  // Stable text: int, float, str, bool, datetime, duration, none, [T], {str: T}, T?, union<A, B>, file, dir,
  // enum<red, green>.
  std::string str() const;
  friend bool operator==(const Type&, const Type&) = default;
};

// flytepropeller's AreTypesCastable: may a value of type `from` be bound to an input of type `to`?
bool isCastable(const Type& from, const Type& to);

}  // namespace flytecc::ir
