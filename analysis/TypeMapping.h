// C++ types -> Flyte literal types.
#pragma once

#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Type.h>
#include <optional>
#include <string>
#include <vector>

#include "ir/Module.h"
#include "ir/Type.h"

namespace flytecc::analysis {

// Why a type has no Flyte type, when the reason lies inside a C++ struct (flyte-struct-type): where (the field, or
// the struct) and what.
struct TypeProblem {
  clang::SourceLocation loc;
  std::string structName;  // the struct that cannot be a dataclass
  std::string why;
};

// The Flyte type of a task or workflow parameter / result type, or nullopt when it has none.
// References and cv-qualifiers are looked through (a `const std::string&` parameter is a STRING).
// A C++ aggregate (a class with public non-static data members only, no bases, virtual functions or user-declared
// constructors) is a STRUCT: flytekit's dataclass of its fields, in declaration order. When a struct is why a
// type has none, `problem` (if given) says where.
std::optional<ir::Type> mapType(clang::QualType type, TypeProblem* problem = nullptr);

// The outputs a function's return type declares: none for void, one per element of a std::tuple,
// otherwise one. nullopt when some part has no Flyte type.
std::optional<std::vector<ir::Type>> mapResultTypes(clang::QualType type, TypeProblem* problem = nullptr);

// How many outputs a function's return type declares (none for void, one per element of a std::tuple,
// otherwise one), whether or not they have Flyte types.
size_t declaredOutputCount(clang::QualType type);

// The fields of a struct marked FLYTE_NAMED_OUTPUTS (flytekit's NamedTuple outputs), in declaration order;
// nullopt for any other type (a struct without the marker is one value). Such a struct is only a result type:
// mapType gives it no Flyte type.
std::optional<std::vector<const clang::FieldDecl*>> namedOutputFields(clang::QualType type);

// The names of the outputs a result type declares: the fields of named outputs, otherwise o0..oN.
std::vector<std::string> resultNames(clang::QualType type, size_t count);

// Every C++ enum inside `type` (through std::vector, std::map, std::optional, std::tuple), as the runtime needs
// them: qualified name and enumerators' names. Appends the ones `out` does not have yet.
void collectEnums(clang::QualType type, std::vector<ir::CxxEnum>& out);

// Every C++ struct inside `type` (nested ones before the structs that hold them), as the runtime needs them:
// qualified name and field names. Appends the ones `out` does not have yet.
void collectStructs(clang::QualType type, std::vector<ir::CxxStruct>& out);

// Is `type` the named class template specialization in namespace std (or std::chrono, ...)?
const clang::ClassTemplateSpecializationDecl* stdSpecialization(clang::QualType type, llvm::StringRef name);

}  // namespace flytecc::analysis
