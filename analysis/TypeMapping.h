// C++ types -> Flyte literal types.
#pragma once

#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Type.h>
#include <optional>
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

// How many outputs a function's return type declares (none for void, one per element of a std::tuple,
// otherwise one), whether or not they have Flyte types.
size_t declaredOutputCount(clang::QualType type);

// Every C++ enum inside `type` (through std::vector, std::map, std::optional, std::tuple), as the runtime needs
// them: qualified name and enumerators' names. Appends the ones `out` does not have yet.
void collectEnums(clang::QualType type, std::vector<ir::CxxEnum>& out);

// Is `type` the named class template specialization in namespace std (or std::chrono, ...)?
const clang::ClassTemplateSpecializationDecl* stdSpecialization(clang::QualType type, llvm::StringRef name);

}  // namespace flytecc::analysis
