// The lowering of one translation unit (annotated C++ -> IR), split by construct: this header holds the
// state the steps share and declares every step; each file defines the steps of one construct:
//   Entities.cpp    discovery, rejection of unsupported entities, names, interfaces, tasks, workflow interfaces
//   Configs.cpp     TaskConfig / TaskMetadata / Resources fields
//   Statements.cpp  workflow bodies: statements, returns, outputs
//   Calls.cpp       expressions: task and workflow calls (nodes), with_overrides, outputs, constants
//   MapTasks.cpp    flyte::partial, flyte::map_task, map calls (ArrayNodes)
//   Bindings.cpp    Flyte's binding checks and their presentation
//   LaunchPlans.cpp FLYTE_LAUNCH_PLAN, FLYTE_REFERENCE_TASK / _LAUNCH_PLAN, launch-plan calls
// Only analysis/ includes it; the entry point is analyzeTranslationUnit (WorkflowAnalysis.h).
#pragma once

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/StmtCXX.h>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "analysis/Diagnostics.h"
#include "analysis/TypeMapping.h"
#include "ir/Module.h"

namespace flytecc::analysis::lower {
using namespace clang;  // the lowering talks Clang's AST throughout; this header is private to analysis/
using ir::Literal;

// The annotation on `fd` (FLYTE_TASK / FLYTE_WORKFLOW) and, in `kind`, which entity it makes; null if none.
const AnnotateAttr* flyteAnnotation(const Decl* fd, EntityKind* kind);
// FLYTE_REFERENCE_TASK / FLYTE_REFERENCE_LAUNCH_PLAN on `d` (`launchPlan` says which), or null.
const AnnotateAttr* referenceAnnotation(const Decl* d, bool* launchPlan);
bool isSdk(const NamedDecl* d, llvm::StringRef name);
bool isSdkRecord(QualType t, llvm::StringRef name);
// The Flyte name of an entity: the configured .name, else the qualified C++ name with '.' for '::'.
std::string flyteName(const FunctionDecl* fd, const char* configuredName);

// ir::Task::cxxPointerType: the function's pointer type, fully qualified (empty when generated code cannot
// name one of its types).
std::string functionPointerType(const FunctionDecl* fd);

// A value in a workflow body, as the frontend tracks it.
struct Value {
  // Invalid: a local whose initializer was already reported; its uses stay silent.
  enum class Kind { Binding, Outputs, Partial, Mapper, Invalid };
  Kind kind = Kind::Binding;
  ir::BindingValue binding;           // Binding
  ir::Type type;                      // Binding
  std::string nodeId;                 // Outputs / Binding from a node
  std::vector<ir::Variable> outputs;  // Outputs: o0..oN of a node with several
  // Partial / Mapper:
  const FunctionDecl* task = nullptr;
  struct Bound {
    std::string name;
    ir::BindingValue binding;
    ir::Type type;
    SourceRange range;  // the `"name"_a = value` in the partial
  };
  std::vector<Bound> bound;
  std::optional<std::uint32_t> concurrency, minSuccesses;
  bool fuse = false;  // MapOptions::fuse
  std::optional<double> minSuccessRatio;
  std::optional<ir::Metadata> metadata;
  std::string launchPlan;  // Mapper over a launch plan (then `task` is null)

  static Value invalid() {
    Value v;
    v.kind = Kind::Invalid;
    return v;
  }
};

class TULowering {
 public:
  TULowering(ASTContext& ctx, Reporter& rep, ir::Module& module) : ctx_(ctx), rep_(rep), module_(module) {}
  void run();

 private:
  struct Body {
    ir::Workflow* wf;
    const FunctionDecl* fd;
    std::map<const ValueDecl*, Value> locals;  // variables and structured bindings
  };
  struct MapCallInfo {
    const CXXOperatorCallExpr* call;
    bool minSuccesses;
    std::string task;
  };

  // ---- Entities.cpp: entities and admission ------------------------------
  void collect(const DeclContext* dc);
  void reject(const FunctionDecl* fd, EntityKind kind, UnsupportedReason why);
  void reportStructProblem(const TypeProblem& problem);
  // Whether a problem with this entity was already reported (no second error at its uses).
  bool wasRejected(const FunctionDecl* fd) const;
  // Absolute and without ./.. so the same file has one spelling across TUs (names are compared, and the
  // package is ordered, by location).
  ir::SourceLoc loc(SourceLocation l) const;
  // The other way: a location another TU recorded, in this TU's source manager; invalid if the file is unreadable.
  SourceLocation sourceLoc(const ir::SourceLoc& l) const;
  std::string name(const FunctionDecl* fd);
  bool lowerInterface(const FunctionDecl* fd, ir::Interface& iface, bool withDefaults);
  // Entity names are unique across tasks and workflows: in this TU (with a note at the first), and
  // across TUs (a different source location for the same name). Reported at `nameAt` (the `.name` string) when
  // valid, else at the function.
  bool claimName(const std::string& name, const FunctionDecl* fd, EntityKind kind, SourceLocation nameAt);
  void lowerTask(const FunctionDecl* fd);
  // What tasks and workflows share once their configs are read: name, location and interface, then
  // whether this TU defines the entity (true) or only declares it (kept in `declared`, for calls; the
  // whole-program verifier reports one that no input defines).
  template <class Entity>
  bool admit(const FunctionDecl* fd, Entity& e, const std::optional<std::string>& configuredName, SourceLocation nameAt,
             bool withDefaults, EntityKind kind, std::map<const FunctionDecl*, Entity>& declared);
  void lowerWorkflowInterface(const FunctionDecl* fd);
  ir::Workflow* workflowFor(const FunctionDecl* fd);

  // ---- Configs.cpp: configs ----------------------------------------------
  void notConstant(const Expr* e, llvm::StringRef field);
  // After an error about `e`: a note at the first constexpr call in it that returns a std::string Clang cannot
  // evaluate, with the evaluator's reason (flyte::StringNotEvaluated).
  void noteStringNotEvaluated(const Expr* e);
  std::string readString(const Expr* e, llvm::StringRef field);
  // A configured name: the string as written (embedded NULs kept, so the name rule sees them), or nullopt
  // when it is not a constant (reported).
  std::optional<std::string> readName(const Expr* e, llvm::StringRef field);
  bool readBool(const Expr* e, llvm::StringRef field);
  std::int64_t readSeconds(const Expr* e, llvm::StringRef field);
  // A Kubernetes resource.Quantity: a decimal number with an optional binary, decimal or exponent suffix.
  std::string readQuantity(const Expr* init, llvm::StringRef path);
  void readSecrets(const Expr* e, std::vector<ir::Secret>& out);
  void readEnvironment(const Expr* e, std::vector<ir::EnvVar>& out);
  // `at`, when given, gets each field's initializer (by field name), for locating later checks.
  void readResources(const Expr* e, ir::Resources& r, llvm::StringRef field,
                     std::map<std::string, const Expr*>* at = nullptr);
  // A request above its limit, reported at the request's initializer (or the limit's, when only that one is in
  // `limitAt`: an override that lowers the task's limit), with a note at the limit.
  void checkRequestsAboveLimits(const ir::Resources& requests, const ir::Resources& limits,
                                const std::map<std::string, const Expr*>& requestAt,
                                const std::map<std::string, const Expr*>& limitAt);
  // Declarations of one task (or workflow) with different FLYTE_TASK(...) (FLYTE_WORKFLOW(...)) configs: an error
  // at the definition (or the later declaration) with a note at the other.
  void checkConfigsAgree(const FunctionDecl* fd, EntityKind kind);
  // A count that must not be negative (retries, concurrency, min_successes).
  std::uint32_t readCount(const Expr* init, llvm::StringRef field);
  // Fields shared by TaskConfig and TaskMetadata.
  bool readMetadataField(llvm::StringRef f, const Expr* init, ir::Metadata& m);

  // ---- Statements.cpp: statements ----------------------------------------
  void lowerWorkflowBody(const FunctionDecl* fd);
  void statementError(const Stmt* s, llvm::StringRef what);
  void lowerStatement(Body& b, const Stmt* s);
  static std::string describeStmt(const Stmt* s);
  void lowerReturn(Body& b, const ReturnStmt* rs);
  void bindOutput(Body& b, const ir::Variable& out, const Expr* e);
  void lowerNamedReturn(Body& b, const Expr* value);
  void expressionError(Body& b, const Expr* e, llvm::StringRef why);

  // ---- Calls.cpp: calls and expressions ----------------------------------
  // `expected` is the Flyte type the context wants (for literals); may be null.
  std::optional<Value> lowerExpr(Body& b, const Expr* e, const ir::Type* expected);
  // Does `e` read a workflow input or a local holding a node output?
  bool referencesPromise(Body& b, const Expr* e);
  // How the source spells `e`, for messages (never a placeholder).
  std::string spelling(const Expr* e) const;
  // The task named by a callable expression: a function, &function, or a constant function pointer.
  const FunctionDecl* taskOf(const Expr* e);
  bool requireTask(const Expr* e, const FunctionDecl* fd);
  // "name"_a = value  ->  (name, value expression)
  static std::optional<std::pair<std::string, const Expr*>> namedArg(const Expr* e);
  const ir::Task* irTask(const FunctionDecl* fd);
  std::string nodeTarget(Body& b, const std::string& nodeId);
  std::optional<Value> lowerOverrides(Body& b, const CXXMemberCallExpr* mc);
  // `flyte::with_overrides(call, {...})` and `.with_overrides({...})`: the fields of flyte::Overrides onto the node.
  std::optional<Value> applyOverrides(Body& b, std::optional<Value> v, const Expr* overrides);
  std::optional<Value> lowerEntityCall(Body& b, const CallExpr* call, const FunctionDecl* callee, EntityKind kind);
  Value addNode(Body& b, ir::Node node, const ir::Interface& iface);
  // Output `i` of a node with several outputs, as a promise.
  static Value outputOf(const Value& outputs, size_t i);

  // ---- MapTasks.cpp: map tasks -------------------------------------------
  std::optional<Value> lowerPartial(Body& b, const CallExpr* call);
  std::optional<Value> lowerMapTask(Body& b, const CallExpr* call);
  std::optional<Value> lowerMapCall(Body& b, const CXXOperatorCallExpr* op);

  // ---- LaunchPlans.cpp: launch plans and reference entities --------------
  void lowerReference(const FunctionDecl* fd, bool launchPlan);
  void lowerLaunchPlan(const VarDecl* vd);
  // One input of `.default_inputs` / `.fixed_inputs` checked against the workflow; false when reported.
  bool readLaunchPlanInput(const Expr* item, bool fixed, const std::string& lpName, const ir::Workflow& wf,
                           std::vector<ir::NamedLiteral>& out);
  // The launch plan a callable expression names: a FLYTE_LAUNCH_PLAN variable or a reference launch plan; "" if
  // none.
  std::string launchPlanOf(const Expr* e);
  // A call of a launch plan (`lp(x)`, `"x"_a = v` too): a launch-plan node.
  std::optional<Value> lowerLaunchPlanCall(Body& b, const Expr* call, const std::string& lpName,
                                           llvm::ArrayRef<const Expr*> args);

  // ---- Bindings.cpp: binding checks --------------------------------------
  bool bindNamed(Body& b, Value& v, const ir::Task& t, const std::string& input, const Expr* valueExpr,
                 const Expr* whole);
  // `bound`: inputs already bound (by a partial or earlier in the call), never suggested: binding one again would
  // be flyte-bound-twice, so the fix-it would not make the call valid.
  void unknownParameter(const ir::Task& t, const std::string& input, const Expr* whole,
                        const std::vector<std::string>& bound = {});
  // Flyte's typing rules for a value bound to an input (INTEGER does not flow into FLOAT, a scalar is
  // never a list, failed map items are optional). Reports and returns false on a mismatch.
  bool checkBinding(const Expr* e, const Value& v, const ir::Type& want, bool mappedInput, const std::string& input,
                    const std::string& owner, const ParmVarDecl* consumer = nullptr);
  // A map output with optional items ([T?]) consumed as [T]: explain, with a fix-it that makes the
  // consumer's declared type (`consumerType`, spelled at `consumerRange`) a vector of optionals.
  bool reportPartialFailure(const Expr* e, const Value& v, const ir::Type& want, QualType consumerType,
                            SourceRange consumerRange);

  ASTContext& ctx_;
  Reporter& rep_;
  ir::Module& module_;
  std::vector<const FunctionDecl*> taskDecls_, workflowDecls_;
  std::set<const FunctionDecl*> seen_, ownWorkflows_;
  std::map<const FunctionDecl*, std::string> names_;
  std::map<std::string, const FunctionDecl*> claimed_;
  std::map<const FunctionDecl*, ir::Workflow> declared_;   // workflows defined in other TUs
  std::map<const FunctionDecl*, ir::Task> declaredTasks_;  // tasks defined in other TUs
  std::set<unsigned> reportedStructProblems_;  // flyte-struct-type locations already reported
  std::set<const FunctionDecl*> rejected_;                 // entities already reported as unusable
  std::map<std::string, MapCallInfo> mapCalls_;            // by node id, in the workflow being lowered
  std::vector<const VarDecl*> launchPlanDecls_;
  std::vector<std::pair<const FunctionDecl*, bool>> referenceDecls_;  // (declaration, is a launch plan)
  std::map<const Decl*, std::string> launchPlanNames_;               // FLYTE_LAUNCH_PLAN variables, references
};

}  // namespace flytecc::analysis::lower
