#include "support/Limits.h"

#include <cstdlib>

namespace flytecc::support {

static Limits current;

const Limits& limits() { return current; }
void setLimits(const Limits& l) { current = l; }

llvm::Expected<Limits> limitsFromEnvironment() {
  Limits l;
  struct Var {
    const char* name;
    uint64_t* field;
  } vars[] = {{"FLYTECC_MAX_CONFIG_BYTES", &l.configBytes},
              {"FLYTECC_MAX_CONFIG_DEPTH", &l.configDepth},
              {"FLYTECC_MAX_PB_BYTES", &l.pbBytes},
              {"FLYTECC_MAX_ARCHIVE_ENTRIES", &l.archiveEntries},
              {"FLYTECC_MAX_ENTRY_BYTES", &l.entryBytes},
              {"FLYTECC_MAX_ARCHIVE_BYTES", &l.archiveBytes},
              {"FLYTECC_MAX_COMPRESSION_RATIO", &l.compressionRatio},
              {"FLYTECC_MAX_COMPILE_DATABASE_BYTES", &l.compileDatabaseBytes}};
  for (const auto& v : vars) {
    const char* text = std::getenv(v.name);
    if (!text) continue;
    uint64_t n = 0;
    if (llvm::StringRef(text).getAsInteger(10, n) || n == 0)
      return llvm::createStringError(std::string(v.name) + "='" + text + "' is not a positive integer");
    *v.field = n;
  }
  return l;
}

std::string limitText(llvm::StringRef what, uint64_t value, llvm::StringRef unit, llvm::StringRef variable) {
  return "the " + what.str() + " limit of " + std::to_string(value) + (unit.empty() ? "" : " " + unit.str()) +
         " (raise it with " + variable.str() + "=N)";
}

}  // namespace flytecc::support
