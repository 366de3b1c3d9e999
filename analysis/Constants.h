// Reading constants out of the AST: C++ default arguments and literal bindings as Flyte literals,
// and designated-initializer configs (TaskConfig, MapOptions, ...) field by field.
#pragma once

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>
#include <functional>
#include <optional>
#include <string>

#include "ir/Literal.h"

namespace flytecc::analysis {

// Looks through the nodes that only wrap a value: parentheses, implicit casts, temporaries,
// cleanups, default arguments and copy/move constructions.
const clang::Expr* unwrap(const clang::Expr* e);

// The constant value of `e` as a literal of `type`, or nullopt when it is not a constant flytecc can read.
std::optional<ir::Literal> evalLiteral(const clang::Expr* e, const ir::Type& type, const clang::ASTContext& ctx);

std::optional<std::int64_t> evalInt(const clang::Expr* e, const clang::ASTContext& ctx);
std::optional<double> evalFloat(const clang::Expr* e, const clang::ASTContext& ctx);
std::optional<bool> evalBool(const clang::Expr* e, const clang::ASTContext& ctx);
// A string literal, or nullptr (returns "" with *isNull set).
std::optional<std::string> evalString(const clang::Expr* e, const clang::ASTContext& ctx, bool* isNull = nullptr);
// Why a call of a constexpr function returning std::string is not a constant Clang can evaluate (the constant
// evaluator's first note), for a note under the error; nullopt when `e` is no such call or it is a constant.
std::optional<std::string> whyStringNotConstant(const clang::Expr* e, const clang::ASTContext& ctx);
// The value of a constant of enum type (whether or not an enumerator has it).
std::optional<std::int64_t> evalEnumValue(const clang::Expr* e, const clang::ASTContext& ctx);
// A std::chrono::duration constant, in nanoseconds.
std::optional<std::int64_t> evalDurationNanos(const clang::Expr* e, const clang::ASTContext& ctx);
// A std::chrono::time_point constant (std::chrono::sys_days{2024y / 1 / 1}), in nanoseconds since the epoch.
std::optional<std::int64_t> evalTimePointNanos(const clang::Expr* e, const clang::ASTContext& ctx);
// Why a constant that evaluates cannot be a Flyte value (an integer outside int64, a duration beyond int64
// nanoseconds), for a clearer error than "not a constant"; nullopt when that is not the problem.
std::optional<std::string> outOfRange(const clang::Expr* e, const clang::ASTContext& ctx);

// For an aggregate initializer `T{.a = x, .b = y}`, calls `field(name, init)` for each field the
// source sets explicitly (fields left to their default member initializer are skipped).
// Returns false when `e` is not such an initializer.
bool forEachSetField(const clang::Expr* e,
                     const std::function<void(llvm::StringRef field, const clang::Expr* init)>& field);

// A constant bound to an integer type narrower than Flyte's int64 (std::int8_t, std::uint16_t, ..., or
// std::uint64_t above int64's maximum) that does not fit it: why (the value and the type's range), for
// flyte-value-out-of-range; nullopt when the constant fits or `target` is not such a type. C++ converts the value
// silently (300 becomes 44 in an int8_t); Flyte would carry the unconverted constant.
std::optional<std::string> integerNarrowing(const clang::Expr* e, clang::QualType target, const clang::ASTContext& ctx);

// The InitListExpr behind `{...}`, `T{...}` or `std::vector<T>{...}`, or nullptr.
const clang::InitListExpr* initList(const clang::Expr* e);

// The function a constant function pointer or reference names (`constexpr auto f = &task;`, `&task`), via
// Clang's constant evaluator; nullptr when `e` is not such a constant.
const clang::FunctionDecl* constantFunction(const clang::Expr* e, const clang::ASTContext& ctx);

// The value inside a `std::optional<T>` or `std::variant<...>` initializer (`.concurrency = 1` constructs an
// optional, `std::variant<int, std::string> v = 3` a variant).
const clang::Expr* optionalPayload(const clang::Expr* e);

}  // namespace flytecc::analysis
