// Flyte literal types as flytecc models them, and Flyte's own casting rules between them.
#pragma once

#include <string>
#include <vector>

namespace flytecc::ir {

enum class Simple { None, Integer, Float, String, Boolean, Datetime, Duration };

struct Type {
  enum class Kind { Simple, Collection, Map, Union, Blob, Enum, Struct };

  Kind kind = Kind::Simple;
  Simple simple = Simple::None;
  std::vector<Type> children;  // Collection / Map: the element type; Union: the variants; Struct: the field types
  bool multipart = false;      // Blob: a directory rather than a single file
  std::vector<std::string> values;  // Enum: the enumerators' names, in declaration order (Flyte's EnumType);
                                    // Struct: the field names, in declaration order
  // Struct (a flytekit dataclass): its name (the JSON schema's title) and, per field, what its JSON schema says of
  // a default: "" the field is required (no default member initializer), kNoSchemaDefault it has one the schema does
  // not show (containers and structs: flytekit's default_factory), otherwise the default as JSON text ("0", "null").
  std::string name;
  std::vector<std::string> fieldDefaults;
  static constexpr const char* kNoSchemaDefault = "default";

  static Type of(Simple s);
  static Type list(Type element);
  static Type map(Type value);
  static Type optional(Type value);  // union of the value and none
  static Type file();
  static Type directory();
  static Type enumeration(std::vector<std::string> values);
  static Type structure(std::string name, std::vector<std::string> fieldNames, std::vector<Type> fieldTypes,
                        std::vector<std::string> fieldDefaults);

  bool isOptional() const;  // a union with a none variant
  const Type& element() const { return children.front(); }

  // Stable text: int, float, str, bool, datetime, duration, none, [T], {str: T}, T?, union<A, B>, file, dir,
  // enum<red, green>, struct Point{x: float, y: float = 0.0, tags: [str] = default}.
  std::string str() const;
  friend bool operator==(const Type&, const Type&) = default;
};

// flytepropeller's AreTypesCastable: may a value of type `from` be bound to an input of type `to`?
bool isCastable(const Type& from, const Type& to);

}  // namespace flytecc::ir
