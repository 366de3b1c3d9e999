// Registration packages: the archive `flytectl register files --archive` reads, as `pyflyte package`
// writes it (see ../docs/packaging.md).
#pragma once

#include <llvm/Support/raw_ostream.h>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ir/Lowering.h"
#include "ir/Module.h"

namespace flytecc::compiler {

struct PackageSettings {
  std::string image;  // tasks without a container_image of their own
  std::string project, domain, version;  // empty: registration placeholders
  std::map<std::string, std::string> taskImages;  // per-task image overrides, by entity name
};

// flytecc.yaml: image, project, domain, version, task_images. Unknown keys are errors.
// Returns nullopt after reporting a problem (with its location) on `errs`.
std::optional<PackageSettings> readPackageConfig(const std::string& path, llvm::raw_ostream& errs);

struct PackageFile {
  std::string name;  // {index}_{entity}_{k}.pb
  std::string bytes;
};

// admin.TaskSpec (k=1), admin.WorkflowSpec (k=2) and admin.LaunchPlan (k=3) files, every entity after
// what it references, numbered and named as flytekit does.
std::vector<PackageFile> buildPackage(const ir::Module& module, const PackageSettings& settings,
                                      const std::string& sdkVersion);

// A deterministic .tgz (sorted entries, fixed metadata, gzip without a timestamp), written to a
// temporary file and renamed into place: no partial archive is ever left behind.
bool writeArchive(const std::string& path, const std::vector<PackageFile>& files, llvm::raw_ostream& errs);

// Reads every regular file of a .tgz / .tar.gz / .tar; nullopt after reporting on `errs`.
std::optional<std::vector<PackageFile>> readArchive(const std::string& path, llvm::raw_ostream& errs);

}  // namespace flytecc::compiler
