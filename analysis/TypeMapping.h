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

// The Flyte type of a task or workflow parameter / result type, or nullopt when it has none.
// References and cv-qualifiers are looked through (a `const std::string&` parameter is a STRING).
std::optional<ir::Type> mapType(clang::QualType type);

// The outputs a function's return type declares: none for void, one per element of a std::tuple,
// otherwise one. nullopt when some part has no Flyte type.
std::optional<std::vector<ir::Type>> mapResultTypes(clang::QualType type);

// The fields of a struct marked FLYTE_NAMED_OUTPUTS (flytekit's NamedTuple outputs), in declaration order;
// nullopt for any other type (a struct without the marker is one value). Such a struct is only a result type:
// mapType gives it no Flyte type.
std::optional<std::vector<const clang::FieldDecl*>> namedOutputFields(clang::QualType type);

// The names of the outputs a result type declares: the fields of named outputs, otherwise o0..oN.
std::vector<std::string> resultNames(clang::QualType type, size_t count);

// Every C++ enum inside `type` (through std::vector, std::map, std::optional, std::tuple), as the runtime needs
// them: qualified name and enumerators' names. Appends the ones `out` does not have yet.
void collectEnums(clang::QualType type, std::vector<ir::CxxEnum>& out);

// Is `type` the named class template specialization in namespace std (or std::chrono, ...)?
const clang::ClassTemplateSpecializationDecl* stdSpecialization(clang::QualType type, llvm::StringRef name);

}  // namespace flytecc::analysis
