// `flytecc dump`: shows a flyteidl .pb or a whole registration package as JSON or text.
#pragma once

#include <llvm/Support/raw_ostream.h>
#include <string>

namespace flytecc::compiler {

struct DumpOptions {
  std::string path;
  bool json = true;
  std::string type;  // message type; empty: from the file name
};

// Returns the exit code; errors (unreadable, corrupt, unknown type) go to `errs`.
int dump(const DumpOptions& options, llvm::raw_ostream& out, llvm::raw_ostream& errs);

}  // namespace flytecc::compiler
