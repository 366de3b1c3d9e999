// flytecc compile: one flyteidl (or JSON, IR, runner) file per entity.
#include "flyteidl/Emit.h"
#include "ir/Rules.h"
#include "support/Files.h"
#include "tools/flytecc/Runner.h"
#include "tools/flytecc/Subcommands.h"
#include "tools/flytecc/TaskMain.h"

#ifndef FLYTECC_VERSION
#define FLYTECC_VERSION "0.0.0"
#endif

namespace flytecc::driver {

enum class OutputKind { Pb, Json, Ir, Runner, TaskMain };

int runCompile(const ParsedArgs& args, llvm::raw_ostream& out, llvm::raw_ostream& errs) {
  OutputKind emit = OutputKind::Pb;
  if (const std::string* kind = args.value("--emit")) {
    if (*kind == "pb")
      emit = OutputKind::Pb;
    else if (*kind == "json")
      emit = OutputKind::Json;
    else if (*kind == "ir")
      emit = OutputKind::Ir;
    else if (*kind == "runner")
      emit = OutputKind::Runner;
    else if (*kind == "task-main")
      emit = OutputKind::TaskMain;
    else {
      reportError("unknown --emit kind '" + *kind + "' (expected pb, json, ir, runner or task-main)", errs);
      return 2;
    }
  }
  AnalysisArgs a;
  if (!readAnalysisArgs(args, a, errs)) return 2;
  const std::string* outDir = args.value("-o");
  if (!outDir || outDir->empty()) {
    reportError("no output directory (-o DIR)", errs);
    return 2;
  }
  std::string image = "flytecc/task-runtime:" FLYTECC_VERSION;
  if (const std::string* given = args.value("--image")) image = *given;
  if (image.empty()) {
    reportError("--image must not be empty", errs);
    return 2;
  }
  if (!ir::isValidImageReference(image)) {
    reportError(imageError("--image", image), errs);
    return 2;
  }
  if (*outDir != "-") {
    std::vector<std::string> inputs = a.frontend.sources;
    if (!a.frontend.buildDir.empty()) inputs.push_back(a.frontend.buildDir + "/compile_commands.json");
    if (auto error = support::checkOutputPath(*outDir, inputs, /*wantDir=*/true)) {
      report(std::move(error), errs);
      return 2;
    }
    for (const std::string* o : {args.value("--depfile"), args.value("--export-fixes")})
      if (o)
        if (auto error = support::checkOutputPath(*o, inputs)) {
          report(std::move(error), errs);
          return 2;
        }
  }
  frontend::FrontendResult r = analyze(a.frontend, errs);
  if (!writeReports(a, r, out, errs)) return 1;
  auto& module = r.module;
  if (!module) return 1;
  if (!optimize(args, *module, out, errs)) return 1;
  idl::LoweringOptions lowering;
  lowering.image = image;
  lowering.sdkVersion = FLYTECC_VERSION;
  std::vector<support::OutputFile> files;
  if (emit == OutputKind::Runner) {
    files.push_back(emitRunner(*module, a.frontend.sources));
  } else if (emit == OutputKind::TaskMain) {
    files.push_back(emitTaskMain(*module, a.frontend.sources));
  } else {
    idl::EmitKind kind = emit == OutputKind::Json ? idl::EmitKind::Json
                         : emit == OutputKind::Ir ? idl::EmitKind::Ir
                                                  : idl::EmitKind::Pb;
    auto emitted = idl::emitModule(*module, kind, lowering);
    if (!emitted) {
      report(emitted.takeError(), errs);
      return 1;
    }
    files = std::move(*emitted);
  }
  if (*outDir == "-") {
    if (emit == OutputKind::Pb) {
      reportError("binary output cannot go to standard output; use --emit=json or --emit=ir", errs);
      return 2;
    }
    for (const auto& f : files) out << "// " << f.name << "\n" << f.contents << (emit == OutputKind::Json ? "\n" : "");
    return 0;
  }
  for (const auto& f : files) {
    std::vector<std::string> deps(r.dependencies.begin(), r.dependencies.end());
    if (auto error = support::checkOutputPath(*outDir + "/" + f.name, deps)) {
      report(std::move(error), errs);
      return 1;
    }
  }
  if (auto error = support::writeAll(*outDir, files)) {
    report(std::move(error), errs);
    return 1;
  }
  if (const std::string* depfile = args.value("--depfile")) {
    std::string target = files.empty() ? *outDir : *outDir + "/" + files.front().name;
    if (auto error = writeDepfile(*depfile, target, r.dependencies)) {
      report(std::move(error), errs);
      return 1;
    }
  }
  size_t tasks = module->tasks.size(), maps = module->mapTasks.size(), wfs = module->workflows.size();
  errs << "flytecc: wrote " << files.size() << " files to " << *outDir << " (" << tasks << " tasks, " << maps
       << " map tasks, " << wfs << " workflows)\n";
  return 0;
}

}  // namespace flytecc::driver
