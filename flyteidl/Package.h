// Registration packages: the archive `flytectl register files --archive` reads, as `pyflyte package`
// writes it (see ../docs/packaging.md).
#pragma once

#include <llvm/ADT/STLFunctionalExtras.h>
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
// Limits (support/Limits.h): size and nesting depth; anchors, aliases and null values are refused.
llvm::Expected<PackageSettings> readPackageConfig(const std::string& path);
// The same for the text of a config; `path` names it in messages.
llvm::Expected<PackageSettings> parsePackageConfig(llvm::StringRef text, const std::string& path);

// Every name under task_images must be a task of `module`: an error per other name, at its place in the
// config, with the closest task name ("did you mean") when there is one. The tasks of a fused chain or fused map
// item run in one pod: an error when task_images gives them different images (call it again after the passes).
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

// Streams a .tgz / .tar.gz / .tar: `fn` gets each entry in archive order, one at a time (never more than
// one in memory). Refused, with a message: entries that are not regular files (directories, symbolic and
// hard links, devices), names that are not plain relative paths, and archives over the limits of
// support/Limits.h (entry count, entry size, total uncompressed size, compression ratio).
llvm::Error forEachArchiveEntry(const std::string& path, llvm::function_ref<llvm::Error(PackageFile&&)> fn);
// The same for an archive in memory; `name` is the name used in messages.
llvm::Error forEachArchiveEntryInMemory(llvm::StringRef bytes, const std::string& name,
                                        llvm::function_ref<llvm::Error(PackageFile&&)> fn);

// Every entry of an archive (forEachArchiveEntry's rules), all in memory.
llvm::Expected<std::vector<PackageFile>> readArchive(const std::string& path);

}  // namespace flytecc::idl
