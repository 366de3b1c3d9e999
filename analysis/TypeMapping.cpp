#include "analysis/TypeMapping.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Type.h>
#include <cmath>
#include <llvm/Support/JSON.h>

#include "analysis/Constants.h"
#include <algorithm>

namespace flytecc::analysis {
using namespace clang;

static QualType bare(QualType t) { return t.getNonReferenceType().getCanonicalType().getUnqualifiedType(); }

const ClassTemplateSpecializationDecl* stdSpecialization(QualType type, llvm::StringRef name) {
  auto* spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(bare(type)->getAsCXXRecordDecl());
  if (!spec || spec->getName() != name) return nullptr;
  // std::, std::__cxx11::, std::chrono:: ...
  const DeclContext* dc = spec->getDeclContext();
  while (dc && !dc->isTranslationUnit()) {
    if (auto* ns = dyn_cast<NamespaceDecl>(dc); ns && ns->getName() == "std" && ns->getParent()->isTranslationUnit())
      return spec;
    dc = dc->getParent();
  }
  return nullptr;
}

static bool isFlyteRecord(QualType type, llvm::StringRef name) {
  auto* rd = bare(type)->getAsCXXRecordDecl();
  if (!rd || rd->getName() != name) return false;
  auto* ns = dyn_cast<NamespaceDecl>(rd->getDeclContext());
  return ns && ns->getName() == "flyte" && ns->getParent()->isTranslationUnit();
}

static QualType templateArg(const ClassTemplateSpecializationDecl* spec, unsigned i) {
  const auto& args = spec->getTemplateArgs();
  return i < args.size() && args[i].getKind() == TemplateArgument::Type ? args[i].getAsType() : QualType();
}

static std::optional<ir::Type> mapStruct(const CXXRecordDecl* rd, TypeProblem* problem);

// A class of the standard library or the SDK (never a user's struct).
static bool inLibraryNamespace(const Decl* d) {
  const DeclContext* top = nullptr;
  for (const DeclContext* dc = d->getDeclContext(); dc && !dc->isTranslationUnit(); dc = dc->getParent())
    if (isa<NamespaceDecl>(dc)) top = dc;
  auto* ns = dyn_cast_or_null<NamespaceDecl>(top);
  return ns && (ns->getName() == "std" || ns->getName() == "flyte" || ns->getName().starts_with("__"));
}


// FLYTE_NAMED_OUTPUTS in the struct: a member type `flyte_named_outputs` that is flyte::NamedOutputs.
static bool isNamedOutputs(const CXXRecordDecl* rd) {
  if (!rd || !rd->hasDefinition()) return false;
  for (const Decl* d : rd->getDefinition()->decls()) {
    auto* td = dyn_cast<TypedefNameDecl>(d);
    if (!td || td->getName() != "flyte_named_outputs") continue;
    const CXXRecordDecl* marker = td->getUnderlyingType().getCanonicalType()->getAsCXXRecordDecl();
    auto* ns = marker ? dyn_cast<NamespaceDecl>(marker->getDeclContext()) : nullptr;
    return marker && marker->getName() == "NamedOutputs" && ns && ns->getName() == "flyte" && ns->getParent()->isTranslationUnit();
  }
  return false;
}

std::optional<std::vector<const FieldDecl*>> namedOutputFields(QualType type) {
  if (type.isNull()) return std::nullopt;
  const CXXRecordDecl* rd = bare(type)->getAsCXXRecordDecl();
  if (!isNamedOutputs(rd)) return std::nullopt;
  std::vector<const FieldDecl*> out(rd->field_begin(), rd->field_end());
  return out;
}

std::vector<std::string> resultNames(QualType type, size_t count) {
  std::vector<std::string> out;
  if (auto fields = namedOutputFields(type); fields && fields->size() == count)
    for (const FieldDecl* f : *fields) out.push_back(f->getNameAsString());
  else
    for (size_t i = 0; i < count; ++i) out.push_back("o" + std::to_string(i));
  return out;
}

// The variants of a std::variant, in order (std::monostate is none); false when an alternative has no Flyte type,
// is itself a union (the runtime keeps one variant per alternative), or repeats another's Flyte type.
static bool addVariants(const ClassTemplateSpecializationDecl* s, std::vector<ir::Type>& out) {
  const auto& args = s->getTemplateArgs();
  if (args.size() != 1 || args[0].getKind() != TemplateArgument::Pack) return false;
  for (const TemplateArgument& a : args[0].pack_elements()) {
    if (a.getKind() != TemplateArgument::Type) return false;
    std::optional<ir::Type> v;
    if (auto* rd = bare(a.getAsType())->getAsCXXRecordDecl(); rd && rd->getName() == "monostate" && rd->isInStdNamespace())
      v = ir::Type::of(ir::Simple::None);
    else
      v = mapType(a.getAsType());
    if (!v || v->kind == ir::Type::Kind::Union || std::find(out.begin(), out.end(), *v) != out.end()) return false;
    out.push_back(std::move(*v));
  }
  return true;
}

std::optional<ir::Type> mapType(QualType type, TypeProblem* problem) {
  QualType t = bare(type);
  if (namedOutputFields(t)) return std::nullopt;  // named outputs are a result, not a value
  if (auto* s = stdSpecialization(t, "variant")) {  // std::variant<A, B>: Flyte's union type, variants in order
    ir::Type u{ir::Type::Kind::Union, ir::Simple::None, {}, false, {}};
    if (!addVariants(s, u.children) || u.children.size() < 2) return std::nullopt;
    return u;
  }
  if (const auto* b = t->getAs<BuiltinType>()) {
    if (b->getKind() == BuiltinType::Bool) return ir::Type::of(ir::Simple::Boolean);
    // A character is no number; std::int8_t / std::uint8_t (signed / unsigned char) are small integers.
    if (b->getKind() == BuiltinType::Char_S || b->getKind() == BuiltinType::Char_U || b->isWideCharType() ||
        b->isChar8Type() || b->isChar16Type() || b->isChar32Type())
      return std::nullopt;
    if (b->isInteger()) return ir::Type::of(ir::Simple::Integer);
    if (b->isFloatingPoint()) return ir::Type::of(ir::Simple::Float);
    return std::nullopt;
  }
  if (const auto* et = t->getAs<clang::EnumType>()) {  // a C++ enum is Flyte's EnumType of its enumerators' names
    const EnumDecl* ed = et->getDecl()->getDefinition();
    if (!ed) return std::nullopt;
    std::vector<std::string> values;
    for (const EnumConstantDecl* c : ed->enumerators()) values.push_back(c->getNameAsString());
    if (values.empty()) return std::nullopt;
    return ir::Type::enumeration(std::move(values));
  }
  if (isFlyteRecord(t, "File")) return ir::Type::file();
  if (isFlyteRecord(t, "Directory")) return ir::Type::directory();
  if (auto* s = stdSpecialization(t, "basic_string"); s && templateArg(s, 0)->isCharType()) {
    if (bare(templateArg(s, 0))->isSpecificBuiltinType(BuiltinType::Char_S) ||
        bare(templateArg(s, 0))->isSpecificBuiltinType(BuiltinType::Char_U))
      return ir::Type::of(ir::Simple::String);
    return std::nullopt;
  }
  if (auto* s = stdSpecialization(t, "vector")) {
    if (auto e = mapType(templateArg(s, 0), problem)) return ir::Type::list(*e);
    return std::nullopt;
  }
  for (const char* name : {"map", "unordered_map"}) {
    if (auto* s = stdSpecialization(t, name)) {
      auto key = mapType(templateArg(s, 0));
      if (!key || !(*key == ir::Type::of(ir::Simple::String))) return std::nullopt;
      if (auto v = mapType(templateArg(s, 1), problem)) return ir::Type::map(*v);
      return std::nullopt;
    }
  }
  if (auto* s = stdSpecialization(t, "optional")) {
    auto v = mapType(templateArg(s, 0), problem);
    if (!v || v->isOptional()) return std::nullopt;
    if (v->kind == ir::Type::Kind::Union) {  // (only a std::variant maps to a union without none)  // Optional[Union[A, B]] is Union[A, B, None]
      v->children.push_back(ir::Type::of(ir::Simple::None));
      return v;
    }
    return ir::Type::optional(*v);
  }
  if (stdSpecialization(t, "duration")) return ir::Type::of(ir::Simple::Duration);
  if (auto* s = stdSpecialization(t, "time_point")) {
    auto* clock = templateArg(s, 0).isNull() ? nullptr : bare(templateArg(s, 0))->getAsCXXRecordDecl();
    if (clock && clock->getName() == "system_clock") return ir::Type::of(ir::Simple::Datetime);
    return std::nullopt;
  }
  if (const CXXRecordDecl* rd = t->getAsCXXRecordDecl(); rd && !isa<ClassTemplateSpecializationDecl>(rd) &&
                                                         !inLibraryNamespace(rd) && !rd->isLambda())
    return mapStruct(rd, problem);
  return std::nullopt;
}

// What flytekit's JSON schema says of a field's default (ir::Type::fieldDefaults): the constant as JSON for
// scalars, enums and optionals, nothing shown for containers and structs (dataclasses' default_factory).
static std::string schemaDefault(const FieldDecl* f, const ir::Type& type) {
  const Expr* init = f->getInClassInitializer();
  if (!init) return "";
  using K = ir::Type::Kind;
  if (type.kind == K::Collection || type.kind == K::Map || type.kind == K::Struct) return ir::Type::kNoSchemaDefault;
  auto v = evalLiteral(init, type, f->getASTContext());
  if (!v) return ir::Type::kNoSchemaDefault;
  std::string out;
  llvm::raw_string_ostream os(out);
  switch (v->kind) {
    case ir::Literal::Kind::Integer: os << llvm::json::Value(double(v->integer)); break;  // Struct numbers are doubles
    case ir::Literal::Kind::Float:
      if (!std::isfinite(v->real)) return ir::Type::kNoSchemaDefault;
      return ir::Literal::ofFloat(v->real).str();
    case ir::Literal::Kind::String: os << llvm::json::Value(v->string); break;
    case ir::Literal::Kind::Boolean: return v->boolean ? "true" : "false";
    case ir::Literal::Kind::None: return "null";
    default: return ir::Type::kNoSchemaDefault;
  }
  return out;
}

static bool isDataclassFieldType(const ir::Type& t) {
  using K = ir::Type::Kind;
  if (t.kind == K::Blob) return false;
  if (t.kind == K::Simple && (t.simple == ir::Simple::Datetime || t.simple == ir::Simple::Duration)) return false;
  for (const auto& c : t.children)
    if (t.kind != K::Struct && !isDataclassFieldType(c)) return false;
  return true;
}

static std::optional<ir::Type> mapStruct(const CXXRecordDecl* rd, TypeProblem* problem) {
  thread_local std::vector<const CXXRecordDecl*> open;  // structs being mapped (a struct cannot hold itself)
  auto fail = [&](SourceLocation loc, std::string why) -> std::optional<ir::Type> {
    if (problem && problem->why.empty()) *problem = {loc, rd->getQualifiedNameAsString(), std::move(why)};
    return std::nullopt;
  };
  const CXXRecordDecl* def = rd->getDefinition();
  if (!def) return fail(rd->getLocation(), "it is declared but not defined");
  rd = def;
  if (rd->isUnion()) return fail(rd->getLocation(), "a union has no Flyte type (use std::optional or a struct)");
  if (rd->getIdentifier() == nullptr) return fail(rd->getLocation(), "an unnamed struct has no name for its schema");
  if (rd->getNumBases() > 0) return fail(rd->getLocation(), "it has a base class (flattening is not supported)");
  if (rd->isPolymorphic()) return fail(rd->getLocation(), "it has virtual functions");
  if (rd->hasUserDeclaredConstructor())
    return fail(rd->getLocation(), "it declares constructors; a struct must be an aggregate");
  if (std::find(open.begin(), open.end(), rd) != open.end())
    return fail(rd->getLocation(), "it contains itself");
  open.push_back(rd);
  std::vector<std::string> names, defaults;
  std::vector<ir::Type> types;
  std::optional<ir::Type> result;
  bool ok = true;
  for (const FieldDecl* f : rd->fields()) {
    std::string fname = f->getNameAsString();
    if (f->getAccess() != AS_public) {
      ok = false, fail(f->getLocation(), "field '" + fname + "' is not public");
      break;
    }
    if (fname.empty() || f->isBitField() || f->getType()->isReferenceType()) {
      ok = false, fail(f->getLocation(), "field '" + fname + "' is unnamed, a bit-field or a reference");
      break;
    }
    auto ft = mapType(f->getType(), problem);
    if (!ft) {
      ok = false, fail(f->getLocation(), "field '" + fname + "' has type " + f->getType().getAsString() +
                                            ", which has no Flyte type");
      break;
    }
    if (!isDataclassFieldType(*ft)) {
      ok = false, fail(f->getLocation(), "field '" + fname + "' has type " + f->getType().getAsString() +
                                            ", which flytecc cannot yet write inside a dataclass (dates, "
                                            "durations, files and directories)");
      break;
    }
    names.push_back(fname);
    defaults.push_back(schemaDefault(f, *ft));
    types.push_back(std::move(*ft));
  }
  if (ok && names.empty()) ok = false, fail(rd->getLocation(), "it has no fields");
  open.pop_back();
  if (!ok) return std::nullopt;
  return ir::Type::structure(rd->getNameAsString(), std::move(names), std::move(types), std::move(defaults));
}

std::optional<std::vector<ir::Type>> mapResultTypes(QualType type, TypeProblem* problem) {
  if (bare(type)->isVoidType()) return std::vector<ir::Type>{};
  if (auto* s = stdSpecialization(type, "tuple")) {
    std::vector<ir::Type> out;
    for (const auto& arg : s->getTemplateArgs()[0].pack_elements()) {
      auto t = mapType(arg.getAsType(), problem);
      if (!t) return std::nullopt;
      out.push_back(*t);
    }
    return out;
  }
  if (auto fields = namedOutputFields(type)) {
    std::vector<ir::Type> out;
    for (const FieldDecl* f : *fields) {
      auto t = mapType(f->getType(), problem);
      if (!t) return std::nullopt;
      out.push_back(*t);
    }
    return out;
  }
  if (auto t = mapType(type, problem)) return std::vector<ir::Type>{*t};
  return std::nullopt;
}

size_t declaredOutputCount(QualType type) {
  if (bare(type)->isVoidType()) return 0;
  if (auto* s = stdSpecialization(type, "tuple")) return s->getTemplateArgs()[0].pack_size();
  return 1;
}

void collectEnums(QualType type, std::vector<ir::CxxEnum>& out) {
  QualType t = bare(type);
  if (t.isNull()) return;
  if (const auto* et = t->getAs<clang::EnumType>()) {
    const EnumDecl* ed = et->getDecl()->getDefinition();
    if (!ed) return;
    ir::CxxEnum e;
    e.cxxName = ed->getQualifiedNameAsString();
    for (const EnumConstantDecl* c : ed->enumerators()) e.values.push_back(c->getNameAsString());
    for (const auto& have : out)
      if (have.cxxName == e.cxxName) return;
    out.push_back(std::move(e));
    return;
  }
  if (auto fields = namedOutputFields(t)) {
    for (const FieldDecl* f : *fields) collectEnums(f->getType(), out);
    return;
  }
  if (auto* spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(t->getAsCXXRecordDecl())) {
    for (const TemplateArgument& arg : spec->getTemplateArgs().asArray()) {
      if (arg.getKind() == TemplateArgument::Type) collectEnums(arg.getAsType(), out);
      if (arg.getKind() == TemplateArgument::Pack)
        for (const TemplateArgument& p : arg.pack_elements())
          if (p.getKind() == TemplateArgument::Type) collectEnums(p.getAsType(), out);
    }
    return;
  }
  if (auto t2 = mapType(t); t2 && t2->kind == ir::Type::Kind::Struct)  // the enums of a struct's fields
    for (const FieldDecl* f : t->getAsCXXRecordDecl()->getDefinition()->fields()) collectEnums(f->getType(), out);
}

void collectStructs(QualType type, std::vector<ir::CxxStruct>& out) {
  QualType t = bare(type);
  if (t.isNull()) return;
  if (auto* spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(t->getAsCXXRecordDecl())) {
    for (const TemplateArgument& arg : spec->getTemplateArgs().asArray()) {
      if (arg.getKind() == TemplateArgument::Type) collectStructs(arg.getAsType(), out);
      if (arg.getKind() == TemplateArgument::Pack)
        for (const TemplateArgument& p : arg.pack_elements())
          if (p.getKind() == TemplateArgument::Type) collectStructs(p.getAsType(), out);
    }
    return;
  }
  auto st = mapType(t);
  if (!st || st->kind != ir::Type::Kind::Struct) return;
  const CXXRecordDecl* rd = t->getAsCXXRecordDecl()->getDefinition();
  ir::CxxStruct s;
  s.cxxName = rd->getQualifiedNameAsString();
  s.type = *st;
  for (const auto& have : out)
    if (have.cxxName == s.cxxName) return;
  for (const FieldDecl* f : rd->fields()) {
    collectStructs(f->getType(), out);
    s.fields.push_back(f->getNameAsString());
  }
  for (const auto& have : out)
    if (have.cxxName == s.cxxName) return;
  out.push_back(std::move(s));
}

}  // namespace flytecc::analysis
