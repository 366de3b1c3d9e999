#include "analysis/lower/Context.h"

#include "analysis/SdkNames.h"

namespace flytecc::analysis::lower {

const AnnotateAttr* flyteAnnotation(const Decl* fd, EntityKind* kind) {
  for (const auto* a : fd->specific_attrs<AnnotateAttr>()) {
    if (a->getAnnotation() == "flyte.task") {
      if (kind) *kind = EntityKind::Task;
      return a;
    }
    if (a->getAnnotation() == "flyte.workflow") {
      if (kind) *kind = EntityKind::Workflow;
      return a;
    }
  }
  return nullptr;
}

const AnnotateAttr* referenceAnnotation(const Decl* d, bool* launchPlan) {
  for (const auto* a : d->specific_attrs<AnnotateAttr>()) {
    bool lp = a->getAnnotation() == "flyte.reference_launch_plan";
    if (lp || a->getAnnotation() == "flyte.reference_task") {
      if (launchPlan) *launchPlan = lp;
      return a;
    }
  }
  return nullptr;
}

bool isSdk(const NamedDecl* d, llvm::StringRef name) { return isSdkDecl(d, name); }

bool isSdkRecord(QualType t, llvm::StringRef name) {
  auto* rd = t.getNonReferenceType()->getAsCXXRecordDecl();
  return rd && isSdk(rd, name);
}

std::string flyteName(const FunctionDecl* fd, const char* configuredName) {
  if (configuredName && *configuredName) return configuredName;
  std::string q = fd->getQualifiedNameAsString();
  std::string out;
  for (size_t i = 0; i < q.size(); ++i) {
    if (q.compare(i, 2, "::") == 0) {
      out += '.';
      ++i;
    } else {
      out += q[i];
    }
  }
  return out;
}

}  // namespace flytecc::analysis::lower
