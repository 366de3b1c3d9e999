#include "tools/flytecc/Driver.h"

#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Process.h>
#include <optional>
#include <set>

#include "flyteidl/Dump.h"
#include "flyteidl/Emit.h"
#include "flyteidl/Package.h"
#include "frontend/DiagnosticOutput.h"
#include "frontend/Frontend.h"
#include "ir/Parser.h"
#include "ir/Printer.h"
#include "ir/Verifier.h"
#include "support/Files.h"
#include "tools/flytecc/Runner.h"
#include "tools/flytecc/RunCommand.h"
#include "tools/flytecc/TaskMain.h"

#ifndef FLYTECC_VERSION
#define FLYTECC_VERSION "0.0.0"
#endif

namespace flytecc::driver {
using namespace flytecc::frontend;
using namespace flytecc::idl;

enum class OutputKind { Pb, Json, Ir, Runner, TaskMain };

// Runs the front end, printing its diagnostics to `errs` as clang does; after a setup error (reported
// here) the result has no module and no diagnostics.
static FrontendResult analyze(const FrontendOptions& options, llvm::raw_ostream& errs);

// Prints an error the libraries returned, once, as "flytecc: error: ...".
static void report(llvm::Error error, llvm::raw_ostream& errs) {
  llvm::handleAllErrors(std::move(error), [&](const llvm::ErrorInfoBase& e) {
    errs << "flytecc: error: " << e.message() << "\n";
  });
}


static constexpr const char* kDefaultImage = "flytecc/task-runtime:" FLYTECC_VERSION;

static void printHelp(llvm::raw_ostream& out) {
  out << "flytecc " FLYTECC_VERSION " - Flyte workflows in C++\n"
         "\n"
         "USAGE:\n"
         "  flytecc compile FILES... -o OUT_DIR [-p BUILD_DIR] [--emit=pb|json|ir|runner|task-main] [--image IMAGE]\n"
         "                  [CHECK OPTIONS] [-- FLAGS...]\n"
         "  flytecc check FILES... [-p BUILD_DIR] [CHECK OPTIONS] [-- FLAGS...]\n"
         "  flytecc package FILES... -o PACKAGE.tgz --image IMAGE [-p BUILD_DIR] [--project P] [--domain D]\n"
         "                  [--version V] [--config flytecc.yaml] [--depfile FILE] [CHECK OPTIONS] [-- FLAGS...]\n"
         "  flytecc dump FILE.pb|PACKAGE.tgz [--format=json|text] [--type=MESSAGE]\n"
         "  flytecc ir FILE.fir\n"
         "  flytecc help | --help\n"
         "  flytecc --version | --print-resource-dir\n"
         "\n"
         "SUBCOMMANDS:\n"
         "  compile   Parse C++ sources annotated with FLYTE_TASK / FLYTE_WORKFLOW (#include <flyte/flyte.hpp>),\n"
         "            check them and write one file per entity to OUT_DIR:\n"
         "              NAME.task.pb        flyteidl.core.TaskTemplate (tasks and map tasks)\n"
         "              NAME.workflow.pb    flyteidl.core.WorkflowTemplate (map_task calls become ArrayNodes)\n"
         "              NAME.launchplan.pb  flyteidl.admin.LaunchPlan (default launch plan, C++ default arguments\n"
         "                                  as default inputs)\n"
         "            Nothing is written when any error is reported; the exit code is then 1.\n"
         "  check     Run the analysis only (no output files): map-task binding types with Flyte's rules,\n"
         "            partials bound to lists, tasks that call tasks, static workflow graphs, configs.\n"
         "            Exit code 1 when an error is reported.\n"
         "  package   Write the archive `flytectl register files --archive` registers: flyteidl.admin.TaskSpec,\n"
         "            WorkflowSpec and LaunchPlan files named {index}_{entity}_{1|2|3}.pb, each after what it\n"
         "            references; a default launch plan per workflow. Deterministic: same inputs, same bytes.\n"
         "            Settings come from flags, else from flytecc.yaml (next to the first source, or --config):\n"
         "            image, project, domain, version, task_images (per-task image overrides).\n"
         "            Without project/domain/version the identifiers carry flytectl's registration placeholders.\n"
         "  dump      Show a .pb (type from its name, or --type) or every file of a package.\n"
         "  ir        Read IR text (the --emit=ir form), verify it and print it back.\n"
         "\n"
         "OPTIONS (compile):\n"
         "  -o DIR          output directory ('-' prints to standard output)\n"
         "  -p DIR          build directory holding compile_commands.json\n"
         "  --emit=KIND     pb (default): binary protobuf; json: proto3 JSON; ir: flytecc's IR text;\n"
         "                  runner: flyte_runner.cpp, a program that runs the workflows locally, in process;\n"
         "                  task-main: flytecc_task_main.cpp, the flytecc-task program of the container image\n"
         "                  (docs/task-contract.md, docs/packaging.md)\n"
         "  --depfile FILE  (compile) also write a Make-style list of the files the sources read\n"
         "  --image IMAGE   container image for tasks that set no container_image (default " << kDefaultImage << ")\n"
         "  -- FLAGS...     compiler flags for the sources (instead of -p), e.g. -- -std=c++20 -Iinclude\n"
         "\n"
         "CHECK OPTIONS (check and compile):\n"
         "  -Werror               treat warnings as errors\n"
         "  -Werror=CHECK         treat the warnings of CHECK as errors\n"
         "  -Wno-CHECK / -WCHECK  disable / re-enable CHECK (e.g. -Wno-flyte-task-calls-task)\n"
         "  --format=text|sarif   sarif: also write a SARIF 2.1.0 log to standard output\n"
         "  --export-fixes=FILE   write the fix-its as YAML for clang-apply-replacements\n"
         "  --list-checks         print the check names and exit\n"
         "\n";
  printRunHelp(out);
}

static FrontendResult analyze(const FrontendOptions& options, llvm::raw_ostream& errs) {
  clang::DiagnosticOptions diagOpts;
  diagOpts.ShowColors = llvm::sys::Process::StandardErrHasColors();
  clang::TextDiagnosticPrinter printer(errs, diagOpts);
  auto result = runFrontend(options, &printer);
  if (!result) {
    report(result.takeError(), errs);
    return {};
  }
  return std::move(*result);
}

struct CompileArgs {
  FrontendOptions frontend;
  bool sarif = false;
  std::string exportFixes;
  std::optional<std::string> project, domain, version, config, depfile;
  bool imageGiven = false;
  std::string outDir;
  OutputKind emit = OutputKind::Pb;
  std::string image = kDefaultImage;
};

static bool parseCompile(const std::vector<std::string>& args, CompileArgs& c, llvm::raw_ostream& errs,
                         bool needOutput) {
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
    } else if (a == "--image" || a == "--project" || a == "--domain" || a == "--version" || a == "--config" ||
               a == "--depfile") {
      auto v = need(i, a.str());
      if (!v) return false;
      if (a == "--image") {
        c.image = *v;
        c.imageGiven = true;
      } else if (a == "--project") c.project = *v;
      else if (a == "--domain") c.domain = *v;
      else if (a == "--version") c.version = *v;
      else if (a == "--config") c.config = *v;
      else c.depfile = *v;
    } else if (a.consume_front("--image=")) {
      c.image = a.str();
      c.imageGiven = true;
    } else if (a.consume_front("--emit=")) {
      if (a == "pb") c.emit = OutputKind::Pb;
      else if (a == "json") c.emit = OutputKind::Json;
      else if (a == "ir") c.emit = OutputKind::Ir;
      else if (a == "runner") c.emit = OutputKind::Runner;
      else if (a == "task-main") c.emit = OutputKind::TaskMain;
      else {
        errs << "flytecc: error: unknown --emit kind '" << a << "' (expected pb, json, ir, runner or task-main)\n";
        return false;
      }
    } else if (a.starts_with("-W")) {
      std::string error;
      if (!c.frontend.switches.parse(a, &error)) {
        errs << "flytecc: error: " << error << " (see flytecc check --list-checks)\n";
        return false;
      }
    } else if (a.consume_front("--format=")) {
      if (a == "sarif") c.sarif = true;
      else if (a != "text") {
        errs << "flytecc: error: unknown --format '" << a << "' (expected text or sarif)\n";
        return false;
      }
    } else if (a.consume_front("--export-fixes=")) {
      c.exportFixes = a.str();
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
  if (needOutput && c.outDir.empty()) {
    errs << "flytecc: error: no output directory (-o DIR)\n";
    return false;
  }
  return true;
}

// SARIF to standard output and fixes to --export-fixes, after the analysis.
static bool writeReports(const CompileArgs& c, const FrontendResult& r, llvm::raw_ostream& out,
                         llvm::raw_ostream& errs) {
  if (c.sarif) writeSarif(r.diagnostics, out);
  if (!c.exportFixes.empty()) {
    std::string text;
    llvm::raw_string_ostream yaml(text);
    writeFixesYaml(r.diagnostics, c.frontend.sources.front(), yaml);
    if (auto error = support::writeFile(c.exportFixes, text)) {
      report(std::move(error), errs);
      return false;
    }
  }
  return true;
}

// Make-style dependency file: the archive depends on every file the sources read.
static bool writeDepfile(const std::string& path, const std::string& target, const std::set<std::string>& deps,
                         llvm::raw_ostream& errs) {
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
  if (auto error = support::writeFile(path, text)) {
    report(std::move(error), errs);
    return false;
  }
  return true;
}

static int runPackage(const std::vector<std::string>& args, llvm::raw_ostream& out, llvm::raw_ostream& errs) {
  CompileArgs c;
  c.image.clear();
  if (!parseCompile(args, c, errs, /*needOutput=*/true)) return 2;
  // Settings: flytecc.yaml (explicit, or next to the first source), then flags on top.
  PackageSettings settings;
  std::string configPath = c.config.value_or("");
  if (configPath.empty()) {
    llvm::SmallString<256> near(c.frontend.sources.front());
    llvm::sys::path::remove_filename(near);
    llvm::sys::path::append(near, "flytecc.yaml");
    if (llvm::sys::fs::exists(near)) configPath = std::string(near);
  }
  if (!configPath.empty()) {
    auto loaded = readPackageConfig(configPath);
    if (!loaded) {
      report(loaded.takeError(), errs);
      return 2;
    }
    settings = *loaded;
  }
  if (c.imageGiven) settings.image = c.image;
  if (c.project) settings.project = *c.project;
  if (c.domain) settings.domain = *c.domain;
  if (c.version) settings.version = *c.version;
  if (settings.image.empty()) {
    errs << "flytecc: error: no container image: give --image IMAGE or `image:` in flytecc.yaml\n";
    return 2;
  }
  FrontendResult r = analyze(c.frontend, errs);
  if (!writeReports(c, r, out, errs)) return 1;
  if (!r.module) {
    // Like a compiler's object file: a stale archive from an earlier build must not look current.
    if (llvm::sys::fs::is_regular_file(c.outDir)) llvm::sys::fs::remove(c.outDir);
    return 1;
  }
  auto files = buildPackage(*r.module, settings, FLYTECC_VERSION);
  if (auto error = writeArchive(c.outDir, files)) {
    report(std::move(error), errs);
    return 1;
  }
  if (c.depfile && !writeDepfile(*c.depfile, c.outDir, r.dependencies, errs)) return 1;
  errs << "flytecc: wrote " << c.outDir << " (" << files.size() << " entities)\n";
  return 0;
}

static int runDump(const std::vector<std::string>& args, llvm::raw_ostream& out, llvm::raw_ostream& errs) {
  DumpOptions o;
  for (const auto& arg : args) {
    llvm::StringRef a = arg;
    if (a.consume_front("--format=")) {
      if (a == "json") o.json = true;
      else if (a == "text") o.json = false;
      else {
        errs << "flytecc: error: unknown --format '" << a << "' (expected json or text)\n";
        return 2;
      }
    } else if (a.consume_front("--type=")) {
      o.type = a.str();
    } else if (a.starts_with("-")) {
      errs << "flytecc: error: unknown option '" << a << "' (see flytecc --help)\n";
      return 2;
    } else if (o.path.empty()) {
      o.path = a.str();
    } else {
      errs << "flytecc: error: dump takes one file\n";
      return 2;
    }
  }
  if (o.path.empty()) {
    errs << "flytecc: error: no input file\n";
    return 2;
  }
  if (auto error = dump(o, out)) {
    report(std::move(error), errs);
    return 1;
  }
  return 0;
}

static int runIr(const std::vector<std::string>& args, llvm::raw_ostream& out, llvm::raw_ostream& errs) {
  if (args.size() != 1 || llvm::StringRef(args[0]).starts_with("-")) {
    errs << "flytecc: error: ir takes one file (flytecc ir FILE.fir)\n";
    return 2;
  }
  auto buffer = llvm::MemoryBuffer::getFileOrSTDIN(args[0]);
  if (!buffer) {
    errs << "flytecc: error: cannot read '" << args[0] << "': " << buffer.getError().message() << "\n";
    return 1;
  }
  auto module = ir::parseModule((*buffer)->getBuffer(), args[0]);
  if (!module) {
    report(module.takeError(), errs);
    return 1;
  }
  auto problems = ir::verify(*module);
  for (const auto& p : problems) errs << "flytecc: error: " << args[0] << ": " << p.message << "\n";
  if (!problems.empty()) return 1;
  out << ir::print(*module);
  return 0;
}

static int runCheck(const std::vector<std::string>& args, llvm::raw_ostream& out, llvm::raw_ostream& errs) {
  CompileArgs c;
  if (!parseCompile(args, c, errs, /*needOutput=*/false)) return 2;
  FrontendResult r = analyze(c.frontend, errs);
  if (!writeReports(c, r, out, errs)) return 1;
  return r.module ? 0 : 1;
}

static int runCompile(const std::vector<std::string>& args, llvm::raw_ostream& out, llvm::raw_ostream& errs) {
  CompileArgs c;
  if (!parseCompile(args, c, errs, /*needOutput=*/true)) return 2;
  if (c.image.empty()) {
    errs << "flytecc: error: --image must not be empty\n";
    return 2;
  }
  FrontendResult r = analyze(c.frontend, errs);
  if (!writeReports(c, r, out, errs)) return 1;
  auto& module = r.module;
  if (!module) return 1;
  LoweringOptions lowering;
  lowering.image = c.image;
  lowering.sdkVersion = FLYTECC_VERSION;
  std::vector<support::OutputFile> files;
  if (c.emit == OutputKind::Runner) {
    files.push_back(emitRunner(*module, c.frontend.sources));
  } else if (c.emit == OutputKind::TaskMain) {
    files.push_back(emitTaskMain(*module, c.frontend.sources));
  } else {
    EmitKind kind = c.emit == OutputKind::Json ? EmitKind::Json : c.emit == OutputKind::Ir ? EmitKind::Ir : EmitKind::Pb;
    auto emitted = emitModule(*module, kind, lowering);
    if (!emitted) {
      report(emitted.takeError(), errs);
      return 1;
    }
    files = std::move(*emitted);
  }
  if (c.outDir == "-") {
    if (c.emit == OutputKind::Pb) {
      errs << "flytecc: error: binary output cannot go to standard output; use --emit=json or --emit=ir\n";
      return 2;
    }
    for (const auto& f : files) out << "// " << f.name << "\n" << f.contents << (c.emit == OutputKind::Json ? "\n" : "");
    return 0;
  }
  if (auto error = support::writeAll(c.outDir, files)) {
    report(std::move(error), errs);
    return 1;
  }
  if (c.depfile && !writeDepfile(*c.depfile, files.empty() ? c.outDir : c.outDir + "/" + files.front().name, r.dependencies, errs)) return 1;
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
  if (cmd == "--print-resource-dir") {
    out << clangResourceDir() << "\n";
    return 0;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (cmd == "compile" || cmd == "check" || cmd == "package") {
    if (!rest.empty() && (rest[0] == "--help" || rest[0] == "-h")) {
      printHelp(out);
      return 0;
    }
    if (!rest.empty() && rest[0] == "--list-checks") {
      for (auto name : analysis::checkNames()) out << name << "\n";
      return 0;
    }
    if (cmd == "package") return runPackage(rest, out, errs);
    return cmd == "check" ? runCheck(rest, out, errs) : runCompile(rest, out, errs);
  }

  if (cmd == "dump") return runDump(rest, out, errs);
  if (cmd == "ir") return runIr(rest, out, errs);
  if (cmd == "run") return runRunCommand(rest, out, errs);
  if (cmd == "cache") return runCacheCommand(rest, out, errs);
  errs << "flytecc: error: unknown subcommand '" << cmd << "' (see flytecc --help)\n";
  return 2;
}

}  // namespace flytecc::driver
