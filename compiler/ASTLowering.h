// Lowers one translation unit's annotated tasks and workflows to IR.
#pragma once

#include <clang/AST/ASTContext.h>

#include "ir/Module.h"

namespace flytecc::compiler {

// Appends the TU's tasks, map tasks and workflows to `module`. Problems are reported through the
// context's DiagnosticsEngine at their source location; the caller checks hasErrorOccurred().
void lowerTranslationUnit(clang::ASTContext& ctx, ir::Module& module);

}  // namespace flytecc::compiler
