// Files: absolute paths, temporary files next to their final name, and all-or-nothing output.
// Errors come back as llvm::Error (never printed here); the message names the file and the reason.
//
// Output safety (every writer here keeps it): an existing output that is not a regular file (a FIFO, a
// device such as /dev/null, a directory where a file is expected) is refused, never replaced; temporary
// files are registered with llvm::sys::RemoveFileOnSignal, so SIGINT/SIGTERM during a write leaves none.
#pragma once

#include <llvm/ADT/ArrayRef.h>
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
// publishes it atomically), registered for removal on a fatal signal. The caller owns `fd` and must
// either remove `path` (removeTemp) or rename it into place (publishTemp).
std::error_code createTempIn(llvm::StringRef dir, int& fd, llvm::SmallVectorImpl<char>& path);
void removeTemp(llvm::StringRef tmp);
// Renames `tmp` to `final` (atomically) and unregisters it from removal on signals.
std::error_code publishTemp(llvm::StringRef tmp, llvm::StringRef final);

// Whether `output` may be written: it does not exist, or is a regular file (`wantDir`: a directory)
// that is none of `inputs` (nor inside an input that is a directory). The message says what to do.
llvm::Error checkOutputPath(llvm::StringRef output, llvm::ArrayRef<std::string> inputs, bool wantDir = false);

// Writes every file or none: `dir` is created if needed, each file goes to a temporary file in `dir`
// first, and all are renamed into place only after all were written (names too long for the file
// system and existing non-regular files are refused before anything is written). On error nothing new
// is left. SIGINT, SIGTERM, SIGHUP and SIGQUIT are held back while the files are renamed, so such a signal
// leaves all of them or none (in a process whose other threads, if any, block those signals too).
llvm::Error writeAll(llvm::StringRef dir, const std::vector<OutputFile>& files);

// One file, atomically (temporary file + rename), creating its directory.
llvm::Error writeFile(llvm::StringRef path, llvm::StringRef contents);

}  // namespace flytecc::support
