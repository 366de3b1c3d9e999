// Analysis of one translation unit: finds the annotated tasks and workflows, checks them with Flyte's
// rules (bindings, partials, configs, static graphs, tasks calling tasks) and builds their IR.
#pragma once

#include <clang/AST/ASTContext.h>

#include "analysis/Diagnostics.h"
#include "ir/Module.h"

namespace flytecc::analysis {

// Appends the TU's tasks, map tasks and workflows to `module`; every problem goes to `reporter` at
// its source location. The caller decides from the DiagnosticsEngine whether errors occurred.
void analyzeTranslationUnit(clang::ASTContext& ctx, Reporter& reporter, ir::Module& module);

}  // namespace flytecc::analysis
