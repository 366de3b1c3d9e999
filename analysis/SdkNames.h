// Recognizing the SDK's own declarations (namespace ::flyte) in the AST.
#pragma once

#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>

namespace flytecc::analysis {

// Is `d` named `name` and declared in ::flyte (or in a class there)?
inline bool isSdkDecl(const clang::NamedDecl* d, llvm::StringRef name) {
  if (!d || !d->getIdentifier() || d->getName() != name) return false;
  const clang::DeclContext* dc = d->getDeclContext();
  while (dc && (llvm::isa<clang::CXXRecordDecl>(dc) || llvm::isa<clang::LinkageSpecDecl>(dc))) dc = dc->getParent();
  auto* ns = llvm::dyn_cast_or_null<clang::NamespaceDecl>(dc);
  return ns && ns->getName() == "flyte" && ns->getParent()->isTranslationUnit();
}

}  // namespace flytecc::analysis
