// The diagnostic registry (Diagnostics.def) and the Reporter the checks talk to. A Reporter hands out
// clang::DiagnosticBuilders, so checks stream arguments, ranges and FixItHints the same way whether
// they run inside flytecc (DiagnosticsEngine) or inside clang-tidy (ClangTidyCheck::diag).
#pragma once

#include <clang/Basic/Diagnostic.h>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace flytecc::analysis {

enum class DiagKind {
#define FLYTE_DIAG(Kind, Level, Name, Text) Kind,
#define FLYTE_NOTE(Kind, Text) Kind,
#include "analysis/Diagnostics.def"
};

enum class DiagLevel { Note, Warning, Error };

// The %select{...} choices of Diagnostics.def, in the order its texts list them. A diagnostic takes
// them as they are (`<< UnsupportedReason::Template`), never as numbers.
enum class EntityKind : unsigned { Task, Workflow };  // DuplicateName %0, UnsupportedEntity %1, ConfigMismatch %3
enum class UnsupportedReason : unsigned { NonStaticMember, Template, FriendDefinedInClass, NotAFunction, Variadic, Consteval };  // UnsupportedEntity %2
enum class NotATaskReason : unsigned { NotAnnotated, Workflow };                            // NotATask %1
enum class BindingRole : unsigned { Input, MappedInput, Output };                             // BindingType %0
enum class PartialListOrigin : unsigned { Literal, WorkflowInput, NodeOutput };              // PartialList %2
enum class FailureCriterion : unsigned { MinSuccessRatio, MinSuccesses };                    // PartialFailureType %0
// What a call reaches (TaskCallsTask %1); None: an ordinary function.
enum class CallTarget : int { None = -1, Task, Workflow, MapTask, Partial };

#define FLYTE_SELECT_ENUM(E)                                                                       \
  inline const clang::StreamingDiagnostic& operator<<(const clang::StreamingDiagnostic& d, E e) { \
    return d << static_cast<unsigned>(e);                                                          \
  }
FLYTE_SELECT_ENUM(EntityKind)
FLYTE_SELECT_ENUM(UnsupportedReason)
FLYTE_SELECT_ENUM(NotATaskReason)
FLYTE_SELECT_ENUM(BindingRole)
FLYTE_SELECT_ENUM(PartialListOrigin)
FLYTE_SELECT_ENUM(FailureCriterion)
FLYTE_SELECT_ENUM(CallTarget)
#undef FLYTE_SELECT_ENUM

struct DiagInfo {
  std::string_view name;  // check name, e.g. "flyte-map-binding-type"; empty for notes
  DiagLevel level;
  std::string_view text;  // DiagnosticsEngine format, %0..%N
};

const DiagInfo& diagInfo(DiagKind kind);
// Every check name, in registry order.
std::vector<std::string_view> checkNames();

// What a check is about (analysis/CheckDocs.def); null for a name without documentation.
struct CheckDoc {
  std::string_view name, summary, description;
};
const CheckDoc* checkDoc(std::string_view name);

class Reporter {
 public:
  virtual ~Reporter() = default;
  // Starts a diagnostic (or a note attached to the last one) at `loc`.
  virtual clang::DiagnosticBuilder report(clang::SourceLocation loc, DiagKind kind) = 0;
};

// -W switches: -Werror, -Wno-NAME, -Werror=NAME.
struct CheckSwitches {
  bool warningsAsErrors = false;
  std::set<std::string> disabled;
  std::set<std::string> errors;
  // Parses one -W... argument; false when it names no check or form flytecc knows.
  bool parse(std::string_view arg, std::string* error);
};

// Which DiagKind each custom diagnostic ID (of one clang::DiagnosticIDs) stands for, so that a consumer
// reads a diagnostic's check as data (`find`) instead of parsing it out of the message text.
class CheckRegistry {
 public:
  void add(const clang::DiagnosticIDs* ids, unsigned id, DiagKind kind);
  void remove(const clang::DiagnosticIDs* ids, unsigned id);
  std::optional<DiagKind> find(const clang::DiagnosticIDs* ids, unsigned id) const;

 private:
  struct Entry {
    DiagKind kind;
    unsigned users = 0;
  };
  std::map<std::pair<const clang::DiagnosticIDs*, unsigned>, Entry> entries_;
};

// Reports through a DiagnosticsEngine, appending " [check-name]" to the message (that is what the text
// printer shows). With a registry, every ID it creates is registered there while the reporter lives.
class EngineReporter : public Reporter {
 public:
  EngineReporter(clang::DiagnosticsEngine& diags, CheckSwitches switches = {}, CheckRegistry* registry = nullptr);
  ~EngineReporter() override;
  EngineReporter(const EngineReporter&) = delete;
  EngineReporter& operator=(const EngineReporter&) = delete;
  clang::DiagnosticBuilder report(clang::SourceLocation loc, DiagKind kind) override;

 private:
  unsigned idFor(DiagKind kind);
  clang::DiagnosticsEngine& diags_;
  CheckSwitches switches_;
  CheckRegistry* registry_;
  std::map<DiagKind, unsigned> ids_;
  std::set<unsigned> disabled_;  // IDs of checks switched off (-Wno-CHECK)
};

// The " [check-name]" suffix EngineReporter appends to the message of `kind` ("" for notes).
std::string checkSuffix(DiagKind kind);

}  // namespace flytecc::analysis
