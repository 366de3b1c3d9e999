// Compilation databases given with -p: checked before Clang's loader sees them, so a stale or corrupt
// compile_commands.json is a clear error instead of Clang's "Cannot chdir" abort or a bare parse error.
#pragma once

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Error.h>

namespace flytecc::frontend {

// The text of a compile_commands.json: at most support::limits().compileDatabaseBytes, valid JSON, an
// array of objects each with a string "directory" (absolute, an existing directory), a string "file", and
// a "command" string or an "arguments" array of strings. `path` names the file in messages.
llvm::Error checkCompileCommands(llvm::StringRef json, llvm::StringRef path);

// BUILD_DIR/compile_commands.json, if it exists, read (bounded) and checked.
llvm::Error checkCompileCommandsIn(llvm::StringRef buildDir);

}  // namespace flytecc::frontend
