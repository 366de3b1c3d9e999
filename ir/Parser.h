// Reads the IR text form (ir/Printer.h) back into a Module: print -> parse -> print gives the same text.
// Entities and nodes get their position in the text as SourceLoc (bufferName:line:column); C++ names and
// node display names are not in the text and come back empty.
#pragma once

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Error.h>

#include "ir/Module.h"

namespace flytecc::ir {

// Parses a whole module (tasks, map tasks and workflows in any order). A syntax error comes back as an
// error "NAME:LINE:COL: message"; the module is not verified (run ir::verify on it).
llvm::Expected<Module> parseModule(llvm::StringRef text, llvm::StringRef bufferName = "<ir>");

}  // namespace flytecc::ir
