// flytecc package: the registration archive `flytectl register files --archive` reads.
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <set>

#include "flyteidl/Package.h"
#include "ir/Rules.h"
#include "support/Files.h"
#include "tools/flytecc/Subcommands.h"

#ifndef FLYTECC_VERSION
#define FLYTECC_VERSION "0.0.0"
#endif

namespace flytecc::driver {

// Make-style dependency file: the archive depends on every file the sources read.
llvm::Error writeDepfile(const std::string& path, const std::string& target, const std::set<std::string>& deps) {
  auto escape = [](const std::string& p) {
    std::string out;
    for (char ch : p) {
      if (ch == ' ' || ch == '#') out += '\\';
      if (ch == '$') out += '$';
      out += ch;
    }
    return out;
  };
  std::string text = escape(target) + ":";
  for (const auto& d : deps) text += " \\\n  " + escape(d);
  text += "\n";
  std::vector<std::string> inputs(deps.begin(), deps.end());
  if (auto error = support::checkOutputPath(path, inputs)) return error;
  return support::writeFile(path, text);
}

std::string imageError(const std::string& what, const std::string& image) {
  return "'" + image + "' (" + what + ") is not a container image reference: expected " +
         "[REGISTRY[:PORT]/]NAME[:TAG][@DIGEST] with a lowercase NAME, e.g. ghcr.io/org/app:1.0";
}

int runPackage(const ParsedArgs& args, llvm::raw_ostream& out, llvm::raw_ostream& errs) {
  AnalysisArgs a;
  if (!readAnalysisArgs(args, a, errs)) return 2;
  const std::string* archive = args.value("-o");
  if (!archive || archive->empty()) {
    reportError("no output directory (-o DIR)", errs);
    return 2;
  }
  // Settings: flytecc.yaml (explicit, or next to the first source), then flags on top.
  idl::PackageSettings settings;
  std::string configPath = args.value("--config") ? *args.value("--config") : "";
  if (configPath.empty()) {
    llvm::SmallString<256> near(a.frontend.sources.front());
    llvm::sys::path::remove_filename(near);
    llvm::sys::path::append(near, "flytecc.yaml");
    if (llvm::sys::fs::exists(near)) configPath = std::string(near);
  }
  if (!configPath.empty()) {
    auto loaded = idl::readPackageConfig(configPath);
    if (!loaded) {
      report(loaded.takeError(), errs);
      return 2;
    }
    settings = *loaded;
  }
  if (const std::string* v = args.value("--image")) settings.image = *v;
  if (const std::string* v = args.value("--project")) settings.project = *v;
  if (const std::string* v = args.value("--domain")) settings.domain = *v;
  if (const std::string* v = args.value("--version")) settings.version = *v;
  // Outputs are never inputs: an error must not delete a source, a success must not overwrite one.
  std::vector<std::string> inputs = a.frontend.sources;
  if (!configPath.empty()) inputs.push_back(configPath);
  if (!a.frontend.buildDir.empty()) inputs.push_back(a.frontend.buildDir + "/compile_commands.json");
  for (const std::string* o : {archive, args.value("--depfile"), args.value("--export-fixes")}) {
    if (!o) continue;
    if (auto error = support::checkOutputPath(*o, inputs)) {
      report(std::move(error), errs);
      return 2;
    }
  }
  if (settings.image.empty()) {
    reportError("no container image: give --image IMAGE or `image:` in flytecc.yaml", errs);
    return 2;
  }
  {
    std::vector<std::pair<std::string, std::string>> images{{"image", settings.image}};
    for (const auto& [task, image] : settings.taskImages) images.push_back({"task_images: " + task, image});
    for (const auto& [what, image] : images)
      if (!ir::isValidImageReference(image)) {
        reportError(imageError(what, image), errs);
        return 2;
      }
  }
  frontend::FrontendResult r = analyze(a.frontend, errs);
  if (!writeReports(a, r, out, errs)) return 1;
  // A failing run leaves the output path alone: an archive there may be another run's (concurrent builds),
  // and the non-zero exit is what tells a build system the target is not up to date.
  if (!r.module) return 1;
  {
    std::vector<std::string> deps(r.dependencies.begin(), r.dependencies.end());
    if (auto error = support::checkOutputPath(*archive, deps)) {
      report(std::move(error), errs);
      return 1;
    }
  }
  if (auto error = idl::checkTaskImages(*r.module, settings)) {
    report(std::move(error), errs);
    return 1;
  }
  if (r.module->tasks.empty() && r.module->workflows.empty() && !args.has("--allow-empty")) {
    reportError("no tasks or workflows in the inputs: the package would be empty (--allow-empty writes it anyway)",
                errs);
    return 1;
  }
  if (!optimize(args, *r.module, out, errs)) return 1;
  if (auto error = idl::checkTaskImages(*r.module, settings)) {  // again: the chains task-chain-fusion made
    report(std::move(error), errs);
    return 1;
  }
  auto files = idl::buildPackage(*r.module, settings, FLYTECC_VERSION);
  if (auto error = idl::writeArchive(*archive, files)) {
    report(std::move(error), errs);
    return 1;
  }
  if (const std::string* depfile = args.value("--depfile")) {
    std::set<std::string> deps = r.dependencies;
    if (!configPath.empty()) deps.insert(support::absolutePath(configPath));  // the settings are inputs too
    if (auto error = writeDepfile(*depfile, *archive, deps)) {
      report(std::move(error), errs);
      return 1;
    }
  }
  errs << "flytecc: wrote " << *archive << " (" << files.size() << " entities)\n";
  return 0;
}

}  // namespace flytecc::driver
