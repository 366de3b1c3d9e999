#include "compiler/Driver.h"

#include <llvm/ADT/StringRef.h>

#include "compiler/Emit.h"
#include "compiler/Frontend.h"

#ifndef FLYTECC_VERSION
#define FLYTECC_VERSION "0.0.0"
#endif

namespace flytecc::compiler {

static constexpr const char* kDefaultImage = "flytecc/task-runtime:" FLYTECC_VERSION;

static void printHelp(llvm::raw_ostream& out) {
  out << "flytecc " FLYTECC_VERSION " - Flyte workflows in C++\n"
         "\n"
         "USAGE:\n"
         "  flytecc compile FILES... -o OUT_DIR [-p BUILD_DIR] [--emit=pb|json|ir] [--image IMAGE] [-- FLAGS...]\n"
         "  flytecc help | --help\n"
         "  flytecc --version\n"
         "\n"
         "SUBCOMMANDS:\n"
         "  compile   Parse C++ sources annotated with FLYTE_TASK / FLYTE_WORKFLOW (#include <flyte/flyte.hpp>),\n"
         "            check them and write one file per entity to OUT_DIR:\n"
         "              NAME.task.pb        flyteidl.core.TaskTemplate (tasks and map tasks)\n"
         "              NAME.workflow.pb    flyteidl.core.WorkflowTemplate (map_task calls become ArrayNodes)\n"
         "              NAME.launchplan.pb  flyteidl.admin.LaunchPlan (default launch plan, C++ default arguments\n"
         "                                  as default inputs)\n"
         "            Nothing is written when any error is reported; the exit code is then 1.\n"
         "\n"
         "OPTIONS (compile):\n"
         "  -o DIR          output directory ('-' prints to standard output)\n"
         "  -p DIR          build directory holding compile_commands.json\n"
         "  --emit=KIND     pb (default): binary protobuf; json: proto3 JSON; ir: flytecc's IR text;\n"
         "                  runner: flyte_runner.cpp, a program that runs the workflows locally, in process\n"
         "  --image IMAGE   container image for tasks that set no container_image (default " << kDefaultImage << ")\n"
         "  -- FLAGS...     compiler flags for the sources (instead of -p), e.g. -- -std=c++20 -Iinclude\n";
}

struct CompileArgs {
  FrontendOptions frontend;
  std::string outDir;
  EmitKind emit = EmitKind::Pb;
  std::string image = kDefaultImage;
};

static bool parseCompile(const std::vector<std::string>& args, CompileArgs& c, llvm::raw_ostream& errs) {
  auto need = [&](size_t& i, const std::string& opt) -> const std::string* {
    if (i + 1 >= args.size()) {
      errs << "flytecc: error: option '" << opt << "' needs a value\n";
      return nullptr;
    }
    return &args[++i];
  };
  for (size_t i = 0; i < args.size(); ++i) {
    llvm::StringRef a = args[i];
    if (a == "--") {
      c.frontend.haveFlags = true;
      c.frontend.compilerFlags.assign(args.begin() + i + 1, args.end());
      break;
    }
    if (a == "-o") {
      auto v = need(i, "-o");
      if (!v) return false;
      c.outDir = *v;
    } else if (a == "-p") {
      auto v = need(i, "-p");
      if (!v) return false;
      c.frontend.buildDir = *v;
    } else if (a == "--image") {
      auto v = need(i, "--image");
      if (!v) return false;
      c.image = *v;
    } else if (a.consume_front("--image=")) {
      c.image = a.str();
    } else if (a.consume_front("--emit=")) {
      if (a == "pb") c.emit = EmitKind::Pb;
      else if (a == "json") c.emit = EmitKind::Json;
      else if (a == "ir") c.emit = EmitKind::Ir;
      else if (a == "runner") c.emit = EmitKind::Runner;
      else {
        errs << "flytecc: error: unknown --emit kind '" << a << "' (expected pb, json, ir or runner)\n";
        return false;
      }
    } else if (a.starts_with("-")) {
      errs << "flytecc: error: unknown option '" << a << "' (see flytecc --help)\n";
      return false;
    } else {
      c.frontend.sources.push_back(a.str());
    }
  }
  if (c.frontend.sources.empty()) {
    errs << "flytecc: error: no input files\n";
    return false;
  }
  if (c.outDir.empty()) {
    errs << "flytecc: error: no output directory (-o DIR)\n";
    return false;
  }
  if (c.image.empty()) {
    errs << "flytecc: error: --image must not be empty\n";
    return false;
  }
  return true;
}

static int runCompile(const std::vector<std::string>& args, llvm::raw_ostream& out, llvm::raw_ostream& errs) {
  CompileArgs c;
  if (!parseCompile(args, c, errs)) return 2;
  auto module = runFrontend(c.frontend, errs);
  if (!module) return 1;
  ir::LoweringOptions lowering;
  lowering.image = c.image;
  lowering.sdkVersion = FLYTECC_VERSION;
  auto files = c.emit == EmitKind::Runner ? std::vector<OutputFile>{emitRunner(*module, c.frontend.sources)}
                                          : emitModule(*module, c.emit, lowering);
  if (c.outDir == "-") {
    if (c.emit == EmitKind::Pb) {
      errs << "flytecc: error: binary output cannot go to standard output; use --emit=json or --emit=ir\n";
      return 2;
    }
    for (const auto& f : files) out << "// " << f.name << "\n" << f.contents << (c.emit == EmitKind::Json ? "\n" : "");
    return 0;
  }
  if (!writeAll(c.outDir, files, errs)) return 1;
  size_t tasks = module->tasks.size(), maps = module->mapTasks.size(), wfs = module->workflows.size();
  errs << "flytecc: wrote " << files.size() << " files to " << c.outDir << " (" << tasks << " tasks, " << maps
       << " map tasks, " << wfs << " workflows)\n";
  return 0;
}

int runDriver(const std::vector<std::string>& args, llvm::raw_ostream& out, llvm::raw_ostream& errs) {
  if (args.empty()) {
    printHelp(errs);
    return 2;
  }
  const std::string& cmd = args[0];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    printHelp(out);
    return 0;
  }
  if (cmd == "--version") {
    out << "flytecc " FLYTECC_VERSION "\n";
    return 0;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (cmd == "compile") {
    if (!rest.empty() && (rest[0] == "--help" || rest[0] == "-h")) {
      printHelp(out);
      return 0;
    }
    return runCompile(rest, out, errs);
  }
  errs << "flytecc: error: unknown subcommand '" << cmd << "' (see flytecc --help)\n";
  return 2;
}

}  // namespace flytecc::compiler
