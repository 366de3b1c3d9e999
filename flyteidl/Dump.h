// `flytecc dump`: shows a flyteidl .pb or a whole registration package as JSON or text.
#pragma once

#include <llvm/Support/Error.h>
#include <llvm/Support/raw_ostream.h>
#include <string>

namespace flytecc::idl {

struct DumpOptions {
  std::string path;
  bool json = true;
  std::string type;  // message type; empty: from the file name
};

// Writes the messages to `out`: a package as one JSON document (an array of {"name", "type", "message"}, in
// entry order) or, as text, each entry after a "=== NAME (TYPE)" line. An unreadable or corrupt file, or an
// unknown type, is an error, and then nothing is written.
llvm::Error dump(const DumpOptions& options, llvm::raw_ostream& out);

}  // namespace flytecc::idl
