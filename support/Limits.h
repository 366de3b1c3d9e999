// Limits on every input flytecc reads, so a hostile or broken file costs bounded time and memory.
// Each limit has a default and an override by environment variable (docs/limits.md); a file over a limit
// is refused with a message naming the limit and its variable.
#pragma once

#include <cstdint>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/Error.h>
#include <string>

namespace flytecc::support {

struct Limits {
  uint64_t configBytes = 1 << 20;             // FLYTECC_MAX_CONFIG_BYTES: flytecc.yaml
  uint64_t configDepth = 8;                   // FLYTECC_MAX_CONFIG_DEPTH: nesting of flytecc.yaml
  uint64_t pbBytes = 16 << 20;                // FLYTECC_MAX_PB_BYTES: one .pb file (dump, run)
  uint64_t archiveEntries = 10000;            // FLYTECC_MAX_ARCHIVE_ENTRIES: entries of a package
  uint64_t entryBytes = 16 << 20;             // FLYTECC_MAX_ENTRY_BYTES: one entry of a package
  uint64_t archiveBytes = 256 << 20;          // FLYTECC_MAX_ARCHIVE_BYTES: all entries, uncompressed
  uint64_t compressionRatio = 200;            // FLYTECC_MAX_COMPRESSION_RATIO: uncompressed/compressed (past 1 MiB)
  uint64_t compileDatabaseBytes = 256 << 20;  // FLYTECC_MAX_COMPILE_DATABASE_BYTES: compile_commands.json
};

// The limits of this process (defaults until setLimits).
const Limits& limits();
void setLimits(const Limits& l);

// The defaults with every FLYTECC_MAX_* variable of the environment applied; a variable that is not a
// positive integer is an error.
llvm::Expected<Limits> limitsFromEnvironment();

// "the ... limit of N bytes (set FLYTECC_MAX_...)": the tail of every over-limit message.
std::string limitText(llvm::StringRef what, uint64_t value, llvm::StringRef unit, llvm::StringRef variable);

}  // namespace flytecc::support
