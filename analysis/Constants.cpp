#include "analysis/Constants.h"

#include <clang/AST/ExprCXX.h>
#include <cmath>

#include "analysis/TypeMapping.h"

namespace flytecc::analysis {
using namespace clang;

const Expr* unwrap(const Expr* e) {
  while (e) {
    if (auto* x = dyn_cast<ExprWithCleanups>(e)) e = x->getSubExpr();
    else if (auto* x = dyn_cast<MaterializeTemporaryExpr>(e)) e = x->getSubExpr();
    else if (auto* x = dyn_cast<CXXBindTemporaryExpr>(e)) e = x->getSubExpr();
    else if (auto* x = dyn_cast<ImplicitCastExpr>(e)) e = x->getSubExpr();
    else if (auto* x = dyn_cast<ParenExpr>(e)) e = x->getSubExpr();
    else if (auto* x = dyn_cast<ConstantExpr>(e)) e = x->getSubExpr();
    else if (auto* x = dyn_cast<CXXDefaultArgExpr>(e)) e = x->getExpr();
    else if (auto* x = dyn_cast<CXXDefaultInitExpr>(e)) e = x->getExpr();
    else if (auto* x = dyn_cast<CXXFunctionalCastExpr>(e); x && x->getCastKind() == CK_NoOp) e = x->getSubExpr();
    else if (auto* x = dyn_cast<CXXConstructExpr>(e);
             x && x->getNumArgs() == 1 && x->getConstructor()->isCopyOrMoveConstructor())
      e = x->getArg(0);
    else break;
  }
  return e;
}

// ---------------------------------------------------------------------------------------------
// Constants are read by Clang's constant evaluator (Expr::EvaluateAsRValue), whatever their spelling: literals,
// constexpr variables and functions, static_cast, ternaries, std::optional<T> values (an APValue whose storage
// union has the T member active when engaged, in libstdc++ and libc++ alike), std::string_view, durations.
// Only std::string (and containers) cannot leave the evaluator: C++20 allows their allocations only within one
// evaluation, so Clang has no value for `std::string("x")` as a whole. For those, stringSource() below looks
// through the constructions that copy a string constant and evaluates their argument (documented fallback).
// ---------------------------------------------------------------------------------------------

namespace {
// A value out of the evaluator with its type; `none` for a disengaged std::optional.
struct Evaluated {
  APValue value;
  QualType type;
  bool none = false;
};
}  // namespace

static bool sameType(QualType a, QualType b) {
  return a.getCanonicalType().getUnqualifiedType() == b.getCanonicalType().getUnqualifiedType();
}

// In the APValue of a std::optional<T>: 1 (engaged, *payload set), 0 (disengaged) or -1 (no storage found). The
// storage is the first union with a member of type T: engaged when that member is the active one.
static int optionalStorage(const APValue& v, const RecordDecl* rd, QualType t, const APValue** payload, int depth = 0) {
  if (!rd || depth > 8) return -1;
  if (v.isUnion()) {
    bool holdsT = llvm::any_of(rd->fields(), [&](const FieldDecl* f) { return sameType(f->getType(), t); });
    if (!holdsT) return -1;
    const FieldDecl* active = v.getUnionField();
    if (active && sameType(active->getType(), t)) {
      *payload = &v.getUnionValue();
      return 1;
    }
    return 0;
  }
  if (!v.isStruct()) return -1;
  if (auto* cxx = dyn_cast<CXXRecordDecl>(rd); cxx && cxx->hasDefinition()) {
    unsigned i = 0;
    for (const CXXBaseSpecifier& b : cxx->bases()) {
      if (i >= v.getStructNumBases()) break;
      int r = optionalStorage(v.getStructBase(i++), b.getType()->getAsRecordDecl(), t, payload, depth + 1);
      if (r >= 0) return r;
    }
  }
  unsigned i = 0;
  for (const FieldDecl* f : rd->fields()) {
    if (i >= v.getStructNumFields()) break;
    const APValue& fv = v.getStructField(i++);
    if (auto* frd = f->getType()->getAsRecordDecl()) {
      int r = optionalStorage(fv, frd, t, payload, depth + 1);
      if (r >= 0) return r;
    }
  }
  return -1;
}

// `e` evaluated as an rvalue; through std::optional when `throughOptional` (the value inside, or none).
static std::optional<Evaluated> evaluate(const Expr* e, const ASTContext& ctx, bool throughOptional = true) {
  if (!e || e->isValueDependent() || e->isTypeDependent()) return std::nullopt;
  Expr::EvalResult r;
  if (!e->EvaluateAsRValue(r, ctx)) return std::nullopt;
  Evaluated out{std::move(r.Val), e->getType(), false};
  if (throughOptional)
    if (auto* opt = stdSpecialization(out.type, "optional"); opt && opt->getTemplateArgs().size() >= 1) {
      QualType t = opt->getTemplateArgs()[0].getAsType();
      const APValue* payload = nullptr;
      int engaged = optionalStorage(out.value, opt, t, &payload);
      if (engaged < 0) return std::nullopt;
      if (engaged == 0) return Evaluated{APValue(), t, true};
      return Evaluated{*payload, t, false};
    }
  return out;
}

static std::optional<std::int64_t> intOf(const Evaluated& v) {
  if (v.none || !v.value.isInt()) return std::nullopt;
  const llvm::APSInt& i = v.value.getInt();
  if (i.getSignificantBits() > 64 || (i.isUnsigned() && i.getActiveBits() > 63)) return std::nullopt;  // not an int64
  return i.getExtValue();
}

std::optional<std::int64_t> evalInt(const Expr* e, const ASTContext& ctx) {
  auto v = evaluate(e, ctx);
  return v ? intOf(*v) : std::nullopt;
}

static std::optional<double> floatOf(const Evaluated& v) {
  if (v.none) return std::nullopt;
  if (v.value.isFloat()) return v.value.getFloat().convertToDouble();
  if (v.value.isInt()) return static_cast<double>(v.value.getInt().getExtValue());
  return std::nullopt;
}

std::optional<double> evalFloat(const Expr* e, const ASTContext& ctx) {
  auto v = evaluate(e, ctx);
  return v ? floatOf(*v) : std::nullopt;
}

static std::optional<bool> boolOf(const Evaluated& v) {
  if (v.none || !v.value.isInt()) return std::nullopt;
  return v.value.getInt().getBoolValue();
}

std::optional<bool> evalBool(const Expr* e, const ASTContext& ctx) {
  auto v = evaluate(e, ctx);
  return v ? boolOf(*v) : std::nullopt;
}

// The fallback for std::string, whose value cannot leave Clang's evaluator: looks through the constructions that
// copy a string constant (std::string("x"), std::string{"x"}, "x"s, std::string(view), std::string(ptr, n), which
// returns the length in *len) to the argument, which is then evaluated.
static std::optional<std::string> stringOf(const Evaluated& v, bool* isNull);

static const Expr* stringSource(const Expr* e, const Expr** len, const ASTContext& ctx) {
  for (int depth = 0; e && depth < 16; ++depth) {
    e = unwrap(e);
    if (stdSpecialization(e->getType(), "basic_string_view"))
      if (auto v = evaluate(e, ctx); v && stringOf(*v, nullptr)) return e;  // the evaluator reads views whole
    if (auto* udl = dyn_cast_or_null<UserDefinedLiteral>(e); udl && udl->getLiteralOperatorKind() == UserDefinedLiteral::LOK_String) {
      e = udl->getCookedLiteral();
      continue;
    }
    if (auto* fc = dyn_cast_or_null<CXXFunctionalCastExpr>(e)) {
      e = fc->getSubExpr();
      continue;
    }
    if (auto* c = dyn_cast_or_null<CXXConstructExpr>(e); c && c->getNumArgs() >= 1 &&
        (stdSpecialization(c->getType(), "basic_string") || stdSpecialization(c->getType(), "basic_string_view"))) {
      QualType first = c->getArg(0)->getType();
      if (c->getNumArgs() >= 2 && !isa<CXXDefaultArgExpr>(c->getArg(1))) {
        // (const char*, count) only; (count, char) and (string, pos) are not read.
        if (!first->isPointerType() && !first->isArrayType()) return nullptr;
        if (len) *len = c->getArg(1);
      }
      e = c->getArg(0);
      continue;
    }
    if (auto* ile = dyn_cast_or_null<InitListExpr>(e); ile && ile->getNumInits() == 1 && ile->getType()->isRecordType()) {
      e = ile->getInit(0);
      continue;
    }
    break;
  }
  return e;
}

// The characters of an evaluated string constant: a pointer or array into a string literal (`const char*`,
// constexpr arrays), or a std::string_view (any {size, const char*} view). *isNull for a null pointer.
static std::optional<std::string> stringOf(const Evaluated& v, bool* isNull) {
  if (v.none) return std::nullopt;
  if (v.value.isArray() && v.type->isArrayType() && v.type->getArrayElementTypeNoTypeQual()->isCharType()) {
    std::string text;  // a char array by value (a ternary choosing between string literals): up to its first NUL
    for (unsigned i = 0; i < v.value.getArraySize(); ++i) {
      if (i >= v.value.getArrayInitializedElts() && !v.value.hasArrayFiller()) break;
      const APValue& c =
          i < v.value.getArrayInitializedElts() ? v.value.getArrayInitializedElt(i) : v.value.getArrayFiller();
      if (!c.isInt()) return std::nullopt;
      if (c.getInt() == 0) break;
      text.push_back(static_cast<char>(c.getInt().getExtValue()));
    }
    return text;
  }
  const APValue* ptr = nullptr;
  std::optional<std::uint64_t> size;
  if (v.value.isLValue()) {
    if (v.value.isNullPointer()) {
      if (isNull) *isNull = true;
      return std::string();
    }
    ptr = &v.value;
  } else if (v.value.isStruct() && stdSpecialization(v.type, "basic_string_view")) {
    for (unsigned i = 0; i < v.value.getStructNumFields(); ++i) {
      const APValue& f = v.value.getStructField(i);
      if (f.isInt()) size = f.getInt().getZExtValue();
      else if (f.isLValue()) ptr = &f;
    }
    if (!size) return std::nullopt;
  }
  if (!ptr) return std::nullopt;
  auto* s = dyn_cast_or_null<StringLiteral>(ptr->getLValueBase().dyn_cast<const Expr*>());
  if (!s || s->getCharByteWidth() != 1) return std::nullopt;
  std::uint64_t off = ptr->getLValueOffset().getQuantity();
  if (off > s->getLength() || (size && off + *size > s->getLength())) return std::nullopt;
  llvm::StringRef text = s->getString().substr(off);
  if (size) return text.substr(0, *size).str();
  return text.take_until([](char c) { return c == 0; }).str();  // a C string ends at its first NUL
}

// A std::string made by a constant expression that no spelling above reaches: a constexpr function returning
// std::string (`std::string s = version()`). Such a string cannot leave the evaluator, so its characters are read
// within one evaluation, as Clang reads a C++26 static_assert message: `E.size()` and `E.data()` are built here
// (without Sema, so the clang-tidy plugin and clangd read the same) and evaluated with
// Expr::EvaluateCharRangeAsString, which frees the temporaries and checks that nothing leaks.
static std::optional<std::string> stringObjectOf(const Expr* e, const ASTContext& ctx, std::string* why = nullptr) {
  e = unwrap(e);
  if (!e || e->isValueDependent() || e->isTypeDependent()) return std::nullopt;
  auto* spec = stdSpecialization(e->getType(), "basic_string");
  if (!spec || spec->getTemplateArgs().size() < 1 || !spec->getTemplateArgs()[0].getAsType()->isCharType())
    return std::nullopt;
  auto method = [&](llvm::StringRef name) -> CXXMethodDecl* {
    CXXMethodDecl* best = nullptr;
    for (NamedDecl* d : spec->lookup(&ctx.Idents.get(name)))
      if (auto* m = dyn_cast<CXXMethodDecl>(d); m && !m->isStatic() && m->getNumParams() == 0 && m->isConstexpr())
        if (!best || m->isConst()) best = m;  // data() const: const char*
    return best;
  };
  CXXMethodDecl* size = method("size");
  CXXMethodDecl* data = method("data");
  if (!size || !data || !data->getReturnType()->isPointerType()) return std::nullopt;
  // The object: a prvalue (a call) becomes a temporary, as `version().size()` materializes it.
  Expr* object = const_cast<Expr*>(e);
  if (object->isPRValue())
    object = new (ctx) MaterializeTemporaryExpr(object->getType(), object, /*BoundToLvalueReference=*/false);
  auto call = [&](CXXMethodDecl* m) -> Expr* {
    Expr* callee = MemberExpr::CreateImplicit(ctx, object, /*IsArrow=*/false, m, ctx.BoundMemberTy, VK_PRValue,
                                              OK_Ordinary);
    return CXXMemberCallExpr::Create(ctx, callee, {}, m->getCallResultType(), VK_PRValue, e->getEndLoc(),
                                     FPOptionsOverride());
  };
  Expr* sizeCall = call(size);
  Expr* dataCall = call(data);
  std::string text;
  Expr::EvalResult status;
  SmallVector<PartialDiagnosticAt, 4> notes;
  status.Diag = &notes;
  if (!e->EvaluateCharRangeAsString(text, sizeCall, dataCall, const_cast<ASTContext&>(ctx), status) || !notes.empty()) {
    if (why && !notes.empty()) {  // the evaluator's first reason, as Clang would note it
      SmallString<128> message;
      notes.front().second.EmitToString(const_cast<ASTContext&>(ctx).getDiagnostics(), message);
      *why = message.str().str();
    }
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> whyStringNotConstant(const Expr* e, const ASTContext& ctx) {
  auto* call = dyn_cast_or_null<CallExpr>(unwrap(e));
  const FunctionDecl* fn = call ? call->getDirectCallee() : nullptr;
  if (!fn || !fn->isConstexpr() || isa<CXXOperatorCallExpr>(call)) return std::nullopt;
  std::string why;
  if (stringObjectOf(e, ctx, &why) || why.empty()) return std::nullopt;
  return why;
}

std::optional<std::string> evalString(const Expr* e, const ASTContext& ctx, bool* isNull) {
  if (isNull) *isNull = false;
  // A string literal as written keeps every character: an embedded NUL ("a\0b") is the user's mistake to report
  // (flyte-invalid-name), not a shorter C string to read silently.
  if (auto* s = dyn_cast_or_null<StringLiteral>(e ? e->IgnoreParenImpCasts() : nullptr); s && s->getCharByteWidth() == 1)
    return s->getString().str();
  // The whole expression by evaluation first (pointers, arrays, views, ternaries and calls returning them).
  if (auto v = evaluate(e, ctx))
    if (auto text = stringOf(*v, isNull)) return text;
  if (isNull) *isNull = false;
  const Expr* lenExpr = nullptr;
  const Expr* u = stringSource(e, &lenExpr, ctx);
  if (!u) return stringObjectOf(e, ctx);
  std::optional<std::string> text;
  if (auto* s = dyn_cast<StringLiteral>(u); s && s->getCharByteWidth() == 1) text = s->getString().str();
  else if (isa<CXXNullPtrLiteralExpr, GNUNullExpr>(u)) {
    if (isNull) *isNull = true;
    return std::string();
  } else if (auto v = evaluate(u, ctx)) {
    text = stringOf(*v, isNull);
    if (isNull && *isNull) return text;
  }
  if (!text) return stringObjectOf(e, ctx);
  if (text && lenExpr) {
    auto n = evalInt(lenExpr, ctx);
    if (!n || *n < 0 || static_cast<std::uint64_t>(*n) > text->size()) return std::nullopt;
    text->resize(static_cast<size_t>(*n));
  }
  return text;
}

// The nanoseconds of a std::chrono::duration value (`rep`, the duration's only field) of type `spec`.
static std::optional<std::int64_t> durationNanos(const APValue& rep, const ClassTemplateSpecializationDecl* spec) {
  if (!spec || spec->getTemplateArgs().size() < 2) return std::nullopt;
  // The period is std::ratio<num, den>: its two template arguments.
  auto* period = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      spec->getTemplateArgs()[1].getAsType().getCanonicalType()->getAsCXXRecordDecl());
  if (!period || period->getTemplateArgs().size() < 2) return std::nullopt;
  long double num = period->getTemplateArgs()[0].getAsIntegral().getExtValue();
  long double den = period->getTemplateArgs()[1].getAsIntegral().getExtValue();
  if (rep.isInt() && rep.getInt().getSignificantBits() <= 63 && num < 1073741824.0L && den > 0) {  // exact
    const __int128 scaled = static_cast<__int128>(rep.getInt().getExtValue()) *
                            static_cast<__int128>(static_cast<std::int64_t>(num)) * 1000000000;
    const __int128 n = scaled / static_cast<__int128>(static_cast<std::int64_t>(den));
    if (n < -static_cast<__int128>(9223372036854775807LL) || n > static_cast<__int128>(9223372036854775807LL))
      return std::nullopt;
    return static_cast<std::int64_t>(n);
  }
  long double count = rep.isInt() ? rep.getInt().getExtValue() : rep.isFloat() ? rep.getFloat().convertToDouble() : 0;
  long double nanos = std::round(count * num * 1e9L / den);
  // Flyte durations are int64 nanoseconds (about +-292 years): beyond that is not a value, never a wrap.
  if (!(nanos >= -9223372036854775807.0L && nanos <= 9223372036854775807.0L)) return std::nullopt;
  return static_cast<std::int64_t>(nanos);
}

// A std::chrono::duration value in nanoseconds: its count (the struct's first field) times its period.
static std::optional<std::int64_t> durationOf(const Evaluated& v) {
  auto* spec = stdSpecialization(v.type, "duration");
  if (v.none || !spec || !v.value.isStruct() || v.value.getStructNumFields() < 1) return std::nullopt;
  return durationNanos(v.value.getStructField(0), spec);
}

std::optional<std::int64_t> evalDurationNanos(const Expr* e, const ASTContext& ctx) {
  auto v = evaluate(e, ctx);
  return v ? durationOf(*v) : std::nullopt;
}

std::optional<std::int64_t> evalTimePointNanos(const Expr* e, const ASTContext& ctx) {
  auto v = evaluate(e, ctx);
  auto* spec = v ? stdSpecialization(v->type, "time_point") : nullptr;
  if (!spec || v->none || spec->getTemplateArgs().size() < 2 || !v->value.isStruct() ||
      v->value.getStructNumFields() < 1)
    return std::nullopt;
  const APValue& d = v->value.getStructField(0);  // the time point's duration since the epoch
  if (!d.isStruct() || d.getStructNumFields() < 1) return std::nullopt;
  return durationNanos(d.getStructField(0), stdSpecialization(spec->getTemplateArgs()[1].getAsType(), "duration"));
}

std::optional<std::string> outOfRange(const Expr* e, const ASTContext& ctx) {
  if (!e || e->isValueDependent()) return std::nullopt;
  e = e->IgnoreImplicit();
  if (stdSpecialization(e->getType(), "duration")) {
    Expr::EvalResult r;
    if (!e->EvaluateAsRValue(r, ctx) || !r.Val.isStruct() || r.Val.getStructNumFields() < 1) return std::nullopt;
    if (evalDurationNanos(e, ctx)) return std::nullopt;
    return std::string("a Flyte duration is int64 nanoseconds, about 292 years at most");
  }
  Expr::EvalResult r;
  if (!e->EvaluateAsRValue(r, ctx) || !r.Val.isInt()) return std::nullopt;
  const llvm::APSInt& v = r.Val.getInt();
  if (v.getSignificantBits() > 64 || (v.isUnsigned() && v.getActiveBits() > 63))
    return "Flyte integers are int64; " + llvm::toString(v, 10) + " is larger than 9223372036854775807";
  return std::nullopt;
}

std::optional<std::string> integerNarrowing(const Expr* e, QualType target, const ASTContext& ctx) {
  if (!e || e->isValueDependent() || target.isNull()) return std::nullopt;
  QualType t = target.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  const auto* b = t->getAs<BuiltinType>();
  if (!b || !b->isInteger() || b->getKind() == BuiltinType::Bool || t->isEnumeralType()) return std::nullopt;
  const unsigned width = ctx.getIntWidth(t);
  const bool isSigned = t->isSignedIntegerType();
  if (width > 64 || (width == 64 && isSigned)) return std::nullopt;
  const Expr* u = unwrap(e);  // the value before C++ converts it to the parameter's type
  Expr::EvalResult r;
  if (!u || u->isValueDependent() || !u->getType()->isIntegralOrEnumerationType() || !u->EvaluateAsRValue(r, ctx) ||
      !r.Val.isInt())
    return std::nullopt;
  llvm::APSInt v = r.Val.getInt();
  llvm::APSInt lo = llvm::APSInt::getMinValue(width, !isSigned), hi = llvm::APSInt::getMaxValue(width, !isSigned);
  if (llvm::APSInt::compareValues(v, lo) >= 0 && llvm::APSInt::compareValues(v, hi) <= 0) return std::nullopt;
  return llvm::toString(v, 10) + " does not fit '" + target.getAsString() + "' (" + llvm::toString(lo, 10) + " to " +
         llvm::toString(hi, 10) + "); C++ would convert it to another value";
}

// The InitListExpr behind `{...}`, `T{...}` or `std::vector<T>{...}` (through std::initializer_list).
const InitListExpr* initList(const Expr* e) {
  e = unwrap(e);
  if (auto* ile = dyn_cast_or_null<InitListExpr>(e)) return ile;
  if (auto* c = dyn_cast_or_null<CXXConstructExpr>(e)) {
    if (c->getNumArgs() >= 1)
      if (auto* il = dyn_cast<CXXStdInitializerListExpr>(unwrap(c->getArg(0)))) return initList(il->getSubExpr());
  }
  if (auto* il = dyn_cast_or_null<CXXStdInitializerListExpr>(e)) return initList(il->getSubExpr());
  return nullptr;
}

static bool isEmptyConstruction(const Expr* e) {
  auto* c = dyn_cast_or_null<CXXConstructExpr>(unwrap(e));
  return c && c->getNumArgs() == 0;
}

static bool isNullopt(const Expr* e) {
  e = unwrap(e);
  if (auto* c = dyn_cast_or_null<CXXConstructExpr>(e); c && c->getNumArgs() == 1) e = unwrap(c->getArg(0));
  auto* ref = dyn_cast_or_null<DeclRefExpr>(e);
  return ref && ref->getDecl()->getName() == "nullopt";
}

// The value a field gets without an initializer: its default member initializer, else value-initialization.
static std::optional<ir::Literal> defaultFieldValue(const FieldDecl* f, const ir::Type& type, const ASTContext& ctx);

static std::optional<ir::Literal> evalStruct(const Expr* e, const ir::Type& type, const ASTContext& ctx) {
  const Expr* u = unwrap(e);
  if (!u) return std::nullopt;
  const RecordDecl* rd = u->getType()->getAsRecordDecl();
  if (!rd || !(rd = rd->getDefinition())) return std::nullopt;
  const InitListExpr* ile = dyn_cast<InitListExpr>(u);
  if (ile && ile->isSyntacticForm() && ile->getSemanticForm()) ile = ile->getSemanticForm();
  if (!ile && !isEmptyConstruction(u) && !isa<CXXScalarValueInitExpr>(u)) return std::nullopt;
  std::vector<std::pair<std::string, ir::Literal>> fields;
  unsigned i = 0;
  for (const FieldDecl* f : rd->fields()) {
    if (i >= type.values.size() || f->getName() != type.values[i]) return std::nullopt;
    const ir::Type& ft = type.children[i];
    const Expr* init = ile && i < ile->getNumInits() ? ile->getInit(i) : nullptr;
    std::optional<ir::Literal> v;
    if (!init || isa<ImplicitValueInitExpr>(init)) v = defaultFieldValue(f, ft, ctx);
    else v = evalLiteral(init, ft, ctx);
    if (!v) return std::nullopt;
    fields.emplace_back(type.values[i], std::move(*v));
    ++i;
  }
  if (i != type.values.size()) return std::nullopt;
  return ir::Literal::structure(std::move(fields));
}

static std::optional<ir::Literal> zeroValue(const ir::Type& type, const RecordDecl* rd, const ASTContext& ctx) {
  using K = ir::Type::Kind;
  switch (type.kind) {
    case K::Simple:
      switch (type.simple) {
        case ir::Simple::Integer: return ir::Literal::ofInt(0);
        case ir::Simple::Float: return ir::Literal::ofFloat(0);
        case ir::Simple::Boolean: return ir::Literal::ofBool(false);
        case ir::Simple::String: return ir::Literal::ofString("");
        default: return std::nullopt;
      }
    case K::Collection: return ir::Literal::list({});
    case K::Map: return ir::Literal::map({});
    case K::Union: return ir::Literal::none();
    case K::Struct: {
      if (!rd || !(rd = rd->getDefinition())) return std::nullopt;
      std::vector<std::pair<std::string, ir::Literal>> fields;
      unsigned i = 0;
      for (const FieldDecl* f : rd->fields()) {
        if (i >= type.values.size()) return std::nullopt;
        auto v = defaultFieldValue(f, type.children[i], ctx);
        if (!v) return std::nullopt;
        fields.emplace_back(type.values[i++], std::move(*v));
      }
      return ir::Literal::structure(std::move(fields));
    }
    default: return std::nullopt;  // an enum's zero need not be an enumerator
  }
}

static std::optional<ir::Literal> defaultFieldValue(const FieldDecl* f, const ir::Type& type, const ASTContext& ctx) {
  if (const Expr* init = f->getInClassInitializer()) return evalLiteral(init, type, ctx);
  return zeroValue(type, f->getType()->getAsRecordDecl(), ctx);
}

// An evaluated scalar as a literal of `type` (nullopt for lists, maps and anything else).
static std::optional<ir::Literal> literalOf(const Evaluated& v, const ir::Type& type) {
  if (v.none || type.kind != ir::Type::Kind::Simple) {
    if (!v.none && type.kind == ir::Type::Kind::Enum && v.value.isInt())
      if (const auto* et = v.type->getAs<clang::EnumType>())
        if (const EnumDecl* ed = et->getDecl()->getDefinition())
          for (const EnumConstantDecl* c : ed->enumerators())
            if (llvm::APSInt::isSameValue(c->getInitVal(), v.value.getInt()))
              return ir::Literal::ofString(c->getNameAsString());
    return std::nullopt;
  }
  switch (type.simple) {
    case ir::Simple::Integer:
      if (v.type->isIntegralOrUnscopedEnumerationType() && !v.type->isBooleanType())
        if (auto i = intOf(v)) return ir::Literal::ofInt(*i);
      return std::nullopt;
    case ir::Simple::Float:
      if (v.type->isArithmeticType() && !v.type->isBooleanType())
        if (auto f = floatOf(v)) return ir::Literal::ofFloat(*f);
      return std::nullopt;
    case ir::Simple::Boolean:
      if (v.type->isBooleanType())
        if (auto b = boolOf(v)) return ir::Literal::ofBool(*b);
      return std::nullopt;
    case ir::Simple::String: {
      bool isNull = false;
      if (auto str = stringOf(v, &isNull); str && !isNull) return ir::Literal::ofString(*str);
      return std::nullopt;
    }
    case ir::Simple::Duration:
      if (auto d = durationOf(v)) return ir::Literal::ofDuration(*d);
      return std::nullopt;
    case ir::Simple::Datetime: {
      auto* spec = stdSpecialization(v.type, "time_point");
      if (!spec || spec->getTemplateArgs().size() < 2 || !v.value.isStruct() || v.value.getStructNumFields() < 1)
        return std::nullopt;
      const APValue& d = v.value.getStructField(0);
      if (!d.isStruct() || d.getStructNumFields() < 1) return std::nullopt;
      auto* duration = stdSpecialization(spec->getTemplateArgs()[1].getAsType(), "duration");
      if (auto ns = durationNanos(d.getStructField(0), duration)) return ir::Literal::ofDatetime(*ns);
      return std::nullopt;
    }
    case ir::Simple::None: return std::nullopt;
  }
  return std::nullopt;
}

// The items of an evaluated C array or std::array of type `t`, as a list literal of `type` (nested arrays are
// lists of lists; elements past the initializers take the array's filler, as in C++).
static std::optional<ir::Literal> arrayOf(const APValue& v, QualType t, const ir::Type& type, const ASTContext& ctx) {
  if (type.kind != ir::Type::Kind::Collection) return std::nullopt;
  t = t.getCanonicalType();
  if (auto* rd = t->getAsCXXRecordDecl(); rd && stdSpecialization(t, "array")) {
    if (!v.isStruct() || v.getStructNumFields() != 1 || rd->field_empty()) return std::nullopt;
    return arrayOf(v.getStructField(0), rd->field_begin()->getType(), type, ctx);
  }
  const ConstantArrayType* at = ctx.getAsConstantArrayType(t);
  if (!at || !v.isArray()) return std::nullopt;
  QualType elementType = at->getElementType();
  const ir::Type& element = type.element();
  std::vector<ir::Literal> items;
  for (unsigned i = 0; i < v.getArraySize(); ++i) {
    if (i >= v.getArrayInitializedElts() && !v.hasArrayFiller()) return std::nullopt;
    const APValue& item = i < v.getArrayInitializedElts() ? v.getArrayInitializedElt(i) : v.getArrayFiller();
    std::optional<ir::Literal> lit = element.kind == ir::Type::Kind::Collection
                                         ? arrayOf(item, elementType, element, ctx)
                                         : literalOf(Evaluated{item, elementType, false}, element);
    if (!lit) return std::nullopt;
    items.push_back(std::move(*lit));
  }
  return ir::Literal::list(std::move(items));
}

// A list named by a const variable holding a C array or std::array with a constant initializer
// (`inline constexpr int kSizes[] = {1, 2};`), as launch-plan inputs give lists.
static std::optional<ir::Literal> namedArray(const Expr* e, const ir::Type& type, const ASTContext& ctx) {
  auto* ref = dyn_cast_or_null<DeclRefExpr>(unwrap(e));
  auto* vd = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  if (!vd || !vd->getType().isConstQualified() || !vd->getAnyInitializer()) return std::nullopt;
  const APValue* v = vd->evaluateValue();
  if (!v) return std::nullopt;
  return arrayOf(*v, vd->getType(), type, ctx);
}

std::optional<ir::Literal> evalLiteral(const Expr* e, const ir::Type& type, const ASTContext& ctx) {
  if (!e) return std::nullopt;
  using K = ir::Type::Kind;
  switch (type.kind) {
    case K::Simple:
      switch (type.simple) {
        case ir::Simple::Integer:
          if (auto v = evalInt(e, ctx)) return ir::Literal::ofInt(*v);
          return std::nullopt;
        case ir::Simple::Float:
          if (auto v = evalFloat(e, ctx)) return ir::Literal::ofFloat(*v);
          return std::nullopt;
        case ir::Simple::Boolean:
          if (auto v = evalBool(e, ctx)) return ir::Literal::ofBool(*v);
          return std::nullopt;
        case ir::Simple::String: {
          bool isNull = false;
          if (auto v = evalString(e, ctx, &isNull); v && !isNull) return ir::Literal::ofString(*v);
          if (isEmptyConstruction(e)) return ir::Literal::ofString("");
          return std::nullopt;
        }
        case ir::Simple::Duration:
          if (auto v = evalDurationNanos(unwrap(e), ctx)) return ir::Literal::ofDuration(*v);
          return std::nullopt;
        case ir::Simple::Datetime:
          if (auto v = evalTimePointNanos(unwrap(e), ctx)) return ir::Literal::ofDatetime(*v);
          return std::nullopt;
        case ir::Simple::None: return std::nullopt;
      }
      return std::nullopt;
    case K::Collection: {
      if (isEmptyConstruction(e)) return ir::Literal::list({});
      const InitListExpr* ile = initList(e);
      if (!ile) return namedArray(e, type, ctx);
      std::vector<ir::Literal> items;
      for (const Expr* init : ile->inits()) {
        auto item = evalLiteral(init, type.element(), ctx);
        if (!item) return std::nullopt;
        items.push_back(std::move(*item));
      }
      return ir::Literal::list(std::move(items));
    }
    case K::Map: {
      if (isEmptyConstruction(e)) return ir::Literal::map({});
      const InitListExpr* ile = initList(e);
      if (!ile) return std::nullopt;
      std::vector<std::pair<std::string, ir::Literal>> entries;
      for (const Expr* init : ile->inits()) {
        const Expr* key = nullptr;
        const Expr* value = nullptr;
        if (auto* pair = initList(init); pair && pair->getNumInits() == 2) {
          key = pair->getInit(0);
          value = pair->getInit(1);
        } else if (auto* c = dyn_cast<CXXConstructExpr>(unwrap(init)); c && c->getNumArgs() == 2) {
          key = c->getArg(0);
          value = c->getArg(1);
        }
        auto k = key ? evalString(key, ctx) : std::nullopt;
        auto v = value ? evalLiteral(value, type.element(), ctx) : std::nullopt;
        if (!k || !v) return std::nullopt;
        entries.emplace_back(*k, std::move(*v));
      }
      return ir::Literal::map(std::move(entries));
    }
    case K::Union: {
      const Expr* u = unwrap(e);
      // A default-constructed std::variant holds its first alternative, not none.
      const bool variant = u && stdSpecialization(u->getType(), "variant");
      if (variant && isEmptyConstruction(e) && !type.children.empty()) {  // the first alternative, value-initialized
        const ir::Type& first = type.children.front();
        if (first.kind == K::Collection) return ir::Literal::list({});
        if (first.kind == K::Map) return ir::Literal::map({});
        if (first.kind != K::Simple) return std::nullopt;
        switch (first.simple) {
          case ir::Simple::None: return ir::Literal::none();
          case ir::Simple::Integer: return ir::Literal::ofInt(0);
          case ir::Simple::Float: return ir::Literal::ofFloat(0);
          case ir::Simple::String: return ir::Literal::ofString("");
          case ir::Simple::Boolean: return ir::Literal::ofBool(false);
          case ir::Simple::Duration: return ir::Literal::ofDuration(0);
          case ir::Simple::Datetime: return ir::Literal::ofDatetime(0);
        }
        return std::nullopt;
      }
      // By evaluation: a std::optional<T> constant (however spelled) is none or its value; a plain T constant
      // binds as T (Flyte casts T to T | None).
      if (auto v = evaluate(e, ctx)) {
        if (v->none) return ir::Literal::none();
        for (const auto& variant : type.children)
          if (!(variant.kind == K::Simple && variant.simple == ir::Simple::None))
            if (auto l = literalOf(*v, variant)) return l;
      }
      // Fallback where the value cannot leave the evaluator (std::optional<std::string>, of a list, a variant, ...):
      // the optional's or variant's construction is looked through and its argument read.
      if (isNullopt(e) || (!variant && isEmptyConstruction(e))) return ir::Literal::none();
      const Expr* payload = optionalPayload(e);
      // The alternative C++ constructs first (std::variant<std::int64_t, std::string> v = 3 holds the integer).
      if (auto held = payload ? mapType(payload->getType()) : std::nullopt)
        for (const auto& v : type.children)
          if (v == *held)
            if (auto lit = evalLiteral(payload, v, ctx)) return lit;
      for (const auto& variant : type.children)
        if (!(variant.kind == K::Simple && variant.simple == ir::Simple::None))
          if (auto v = evalLiteral(payload, variant, ctx)) return v;
      return std::nullopt;
    }
    case K::Blob: {
      // flyte::File{"s3://..."}, flyte::Directory{.path = "s3://..."}: a blob at that URI, as flytekit writes a
      // FlyteFile / FlyteDirectory default.
      const InitListExpr* ile = dyn_cast_or_null<InitListExpr>(unwrap(e));
      if (ile && ile->isSyntacticForm() && ile->getSemanticForm()) ile = ile->getSemanticForm();
      if (!ile || ile->getNumInits() < 1) return std::nullopt;
      bool isNull = false;
      auto uri = evalString(ile->getInit(0), ctx, &isNull);
      if (!uri || isNull || uri->empty()) return std::nullopt;
      return ir::Literal::ofBlob(*uri, type.multipart);
    }
    case K::Struct: return evalStruct(e, type, ctx);
    case K::Enum: {
      // The enumerator whose value the constant has; nothing for a value no enumerator has.
      const Expr* u = unwrap(e);
      const auto* et = u ? u->getType()->getAs<clang::EnumType>() : nullptr;
      const EnumDecl* ed = et ? et->getDecl()->getDefinition() : nullptr;
      Expr::EvalResult r;
      if (!ed || u->isValueDependent() || !u->EvaluateAsRValue(r, ctx) || !r.Val.isInt()) return std::nullopt;
      for (const EnumConstantDecl* c : ed->enumerators())
        if (llvm::APSInt::isSameValue(c->getInitVal(), r.Val.getInt())) return ir::Literal::ofString(c->getNameAsString());
      return std::nullopt;
    }
  }
  return std::nullopt;
}

std::optional<std::int64_t> evalEnumValue(const Expr* e, const ASTContext& ctx) {
  const Expr* u = unwrap(e);
  if (!u || !u->getType()->getAs<clang::EnumType>() || u->isValueDependent()) return std::nullopt;
  Expr::EvalResult r;
  if (!u->EvaluateAsRValue(r, ctx) || !r.Val.isInt()) return std::nullopt;
  return r.Val.getInt().getExtValue();
}

const FunctionDecl* constantFunction(const Expr* e, const ASTContext& ctx) {
  if (!e || e->isValueDependent()) return nullptr;
  QualType t = e->getType();
  if (!t->isFunctionPointerType() && !t->isFunctionReferenceType() && !t->isFunctionType()) return nullptr;
  Expr::EvalResult r;
  bool ok = t->isFunctionPointerType() ? e->EvaluateAsRValue(r, ctx) : e->EvaluateAsLValue(r, ctx);
  if (!ok || !r.Val.isLValue()) return nullptr;
  return dyn_cast_or_null<FunctionDecl>(r.Val.getLValueBase().dyn_cast<const ValueDecl*>());
}

const Expr* optionalPayload(const Expr* e) {
  for (int depth = 0; e && depth < 8; ++depth) {
    const Expr* u = unwrap(e);
    auto wraps = [](QualType t) { return stdSpecialization(t, "optional") || stdSpecialization(t, "variant"); };
    if (auto* fc = dyn_cast_or_null<CXXFunctionalCastExpr>(u); fc && wraps(fc->getType())) {
      e = fc->getSubExpr();
      continue;
    }
    // std::optional<T>(x), std::optional<T>{x}, and the implicit conversion of x to std::optional<T>
    if (auto* c = dyn_cast_or_null<CXXConstructExpr>(u);
        c && c->getNumArgs() == 1 && wraps(c->getType()) && !wraps(c->getArg(0)->getType()) &&
        !isa<CXXDefaultArgExpr>(c->getArg(0)))
      return c->getArg(0);
    // std::make_optional(x), std::make_optional<T>(x)
    if (auto* call = dyn_cast_or_null<CallExpr>(u); call && call->getNumArgs() == 1 && call->getDirectCallee() &&
                                                     call->getDirectCallee()->isInStdNamespace() &&
                                                     call->getDirectCallee()->getName() == "make_optional")
      return call->getArg(0);
    break;
  }
  return e;
}

bool forEachSetField(const Expr* e, const std::function<void(llvm::StringRef, const Expr*)>& field) {
  const InitListExpr* ile = dyn_cast_or_null<InitListExpr>(unwrap(e));
  if (!ile) return false;
  if (ile->isSyntacticForm() && ile->getSemanticForm()) ile = ile->getSemanticForm();
  const RecordDecl* rd = ile->getType()->getAsRecordDecl();
  if (!rd) return false;
  unsigned i = 0;
  for (const FieldDecl* fd : rd->fields()) {
    if (i >= ile->getNumInits()) break;
    const Expr* init = ile->getInit(i++);
    if (!init || isa<CXXDefaultInitExpr, ImplicitValueInitExpr>(init)) continue;
    field(fd->getName(), init);
  }
  return true;
}

}  // namespace flytecc::analysis
