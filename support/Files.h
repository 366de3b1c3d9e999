// Files: absolute paths, temporary files next to their final name, and all-or-nothing output.
// Errors come back as llvm::Error (never printed here); the message names the file and the reason.
#pragma once

#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Error.h>
#include <string>
#include <system_error>
#include <vector>

namespace flytecc::support {

struct OutputFile {
  std::string name;  // relative to the output directory, e.g. pkg.detect_anomalies.task.pb
  std::string contents;
};

// `path` made absolute (against the current directory) with "." and ".." removed.
std::string absolutePath(llvm::StringRef path);

// The directory part of `path`, or "." when it has none.
std::string parentDir(llvm::StringRef path);

// A new, uniquely named temporary file in `dir` (same file system as the final name, so a rename
// publishes it atomically). The caller owns `fd` and must remove `path` if it does not rename it.
std::error_code createTempIn(llvm::StringRef dir, int& fd, llvm::SmallVectorImpl<char>& path);

// Writes every file or none: `dir` is created if needed, each file goes to a temporary file in `dir`
// first, and all are renamed into place only after all were written. On error nothing new is left.
llvm::Error writeAll(llvm::StringRef dir, const std::vector<OutputFile>& files);

// One file, atomically (temporary file + rename), creating its directory.
llvm::Error writeFile(llvm::StringRef path, llvm::StringRef contents);

}  // namespace flytecc::support
