// Registration packages: the archive `flytectl register files --archive` reads, as `pyflyte package`
// writes it (see ../docs/packaging.md).
#pragma once

#include <llvm/Support/Error.h>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "flyteidl/Lowering.h"
#include "ir/Module.h"

namespace flytecc::idl {

struct PackageSettings {
  std::string image;  // tasks without a container_image of their own
  std::string project, domain, version;  // empty: registration placeholders
  std::map<std::string, std::string> taskImages;  // per-task image overrides, by entity name
  std::map<std::string, std::string> taskImageLocations;  // where flytecc.yaml names each ("path:line:col")
};

// flytecc.yaml: image, project, domain, version, task_images. Unknown keys are errors.
// A problem comes back as an error whose message names the file and, for YAML problems, the location.
llvm::Expected<PackageSettings> readPackageConfig(const std::string& path);

// Every name under task_images must be a task of `module`: an error per other name, at its place in the
// config, with the closest task name ("did you mean") when there is one.
llvm::Error checkTaskImages(const ir::Module& module, const PackageSettings& settings);

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
llvm::Error writeArchive(const std::string& path, const std::vector<PackageFile>& files);

// Reads every regular file of a .tgz / .tar.gz / .tar.
llvm::Expected<std::vector<PackageFile>> readArchive(const std::string& path);

}  // namespace flytecc::idl
