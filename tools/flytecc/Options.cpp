#include "tools/flytecc/Options.h"
#include "tools/flytecc/Subcommands.h"

#include <llvm/ADT/StringRef.h>
#include <algorithm>

#ifndef FLYTECC_VERSION
#define FLYTECC_VERSION "0.0.0"
#endif

namespace flytecc::driver {

bool ParsedArgs::has(std::string_view flag) const { return std::find(flags.begin(), flags.end(), flag) != flags.end(); }

const std::string* ParsedArgs::value(std::string_view option) const {
  auto it = values.find(option);
  return it == values.end() ? nullptr : &it->second;
}

std::vector<std::string> ParsedArgs::every(std::string_view option) const {
  std::vector<std::string> out;
  for (const auto& [name, v] : given)
    if (name == option) out.push_back(v);
  return out;
}

static OptionSpec value(std::string name, std::string help) { return {std::move(name), true, std::move(help)}; }
static OptionSpec flag(std::string name, std::string help) { return {std::move(name), false, std::move(help)}; }

// Options every subcommand that runs the analysis takes (CHECK OPTIONS in the help).
static std::vector<OptionSpec> checkOptions() {
  return {flag("--list-checks", "--list-checks         print the check names and exit"),
          value("--format", "--format=text|sarif   sarif: also write a SARIF 2.1.0 log to standard output"),
          value("--sarif-root", "--sarif-root DIR      SARIF URIs are relative to DIR (%SRCROOT%; default: the current\n"
                                "                      directory); files outside it keep absolute file:// URIs"),
          value("--export-fixes", "--export-fixes=FILE   write the fix-its as YAML for clang-apply-replacements"),
          value("-p", "-p DIR                build directory holding compile_commands.json")};
}

const std::vector<SubcommandSpec>& subcommands() {
  static const std::vector<SubcommandSpec> specs = [] {
    std::vector<SubcommandSpec> s;
    SubcommandSpec compile{
        "compile",
        "flytecc compile FILES... -o OUT_DIR [-p BUILD_DIR] [--emit=pb|json|ir|runner|task-main] [--image IMAGE]\n"
        "                [--depfile FILE] [CHECK OPTIONS] [-- FLAGS...]",
        "Parse C++ sources annotated with FLYTE_TASK / FLYTE_WORKFLOW (#include <flyte/flyte.hpp>),\n"
        "check them and write one file per entity to OUT_DIR:\n"
        "  NAME.task.pb        flyteidl.core.TaskTemplate (tasks and map tasks)\n"
        "  NAME.workflow.pb    flyteidl.core.WorkflowTemplate (map_task calls become ArrayNodes)\n"
        "  NAME.launchplan.pb  flyteidl.admin.LaunchPlan (default launch plan, C++ default arguments\n"
        "                      as default inputs)\n"
        "Nothing is written when any error is reported; the exit code is then 1.",
        {value("-o", "-o DIR          output directory ('-' prints to standard output)"),
         value("--emit",
               "--emit=KIND     pb (default): binary protobuf; json: proto3 JSON; ir: flytecc's IR text;\n"
               "                runner: flyte_runner.cpp, a program that runs the workflows locally, in process;\n"
               "                task-main: flytecc_task_main.cpp, the dispatch of the task executable (flytecc-task)"),
         value("--depfile", "--depfile FILE  write a Make-style dependency file for build systems"),
         value("--image",
               "--image IMAGE   container image for tasks that set no container_image (default "
               "flytecc/task-runtime:" FLYTECC_VERSION ")")},
        true};
    SubcommandSpec check{"check",
                         "flytecc check FILES... [-p BUILD_DIR] [CHECK OPTIONS] [-- FLAGS...]",
                         "Run the analysis only (no output files): map-task binding types with Flyte's rules,\n"
                         "partials bound to lists, tasks that call tasks, static workflow graphs, configs.\n"
                         "Exit code 1 when an error is reported.",
                         {},
                         true};
    SubcommandSpec package{
        "package",
        "flytecc package FILES... -o PACKAGE.tgz --image IMAGE [-p BUILD_DIR] [--project P] [--domain D]\n"
        "                [--version V] [--config flytecc.yaml] [--depfile FILE] [--allow-empty] [CHECK OPTIONS]\n"
        "                [-- FLAGS...]",
        "Write the archive `flytectl register files --archive` registers: flyteidl.admin.TaskSpec,\n"
        "WorkflowSpec and LaunchPlan files named {index}_{entity}_{1|2|3}.pb, each after what it\n"
        "references; a default launch plan per workflow. Deterministic: same inputs, same bytes.\n"
        "Settings come from flags, else from flytecc.yaml (next to the first source, or --config):\n"
        "image, project, domain, version, task_images (per-task image overrides; each name must be a task).\n"
        "Without project/domain/version the identifiers carry flytectl's registration placeholders.",
        {value("-o", "-o FILE.tgz        the archive (written whole, or not at all)"),
         value("--image", "--image IMAGE      container image for tasks that set no container_image"),
         value("--project", "--project P        registration project (default: flytectl's placeholder)"),
         value("--domain", "--domain D         registration domain (default: flytectl's placeholder)"),
         value("--version", "--version V        registration version (default: flytectl's placeholder)"),
         value("--config", "--config FILE      settings file (default: flytecc.yaml next to the first source)"),
         value("--depfile", "--depfile FILE     write a Make-style dependency file for build systems (the sources,\n"
                            "                   what they include, and the settings file)"),
         flag("--allow-empty", "--allow-empty      write a package without tasks or workflows (otherwise an error)")},
        true};
    SubcommandSpec dump{
        "dump",
        "flytecc dump FILE.pb|PACKAGE.tgz [--format=json|text] [--type=MESSAGE]",
        "Show a .pb (type from its name, or --type) or every file of a package; a package as JSON is one\n"
        "document, an array of {\"name\", \"type\", \"message\"} in entry order (for jq).",
        {value("--format", "--format=json|text   json (default): proto3 JSON; text: protobuf text format"),
         value("--type", "--type=MESSAGE       the message type of a .pb, e.g. flyteidl.core.TaskTemplate")},
        false};
    SubcommandSpec ir{
        "ir", "flytecc ir FILE.fir [--split-input-file] [-O0|-O1|-O2] [--passes=a,b] [OPTIMIZER OPTIONS]",
        "Read IR text (the --emit=ir form), verify it, run the passes (like mlir-opt: none unless -O or\n"
        "--passes is given) and print it back.",
        {{"--split-input-file", false,
          "--split-input-file      handle each `// -----`-separated part of FILE on its own (output parts likewise)"}},
        false};
    SubcommandSpec run{
        "run",
        "flytecc run FILES...|OUT_DIR|PACKAGE.tgz [--workflow NAME | --launch-plan NAME] [--input NAME=JSON]...\n"
        "            [RUN OPTIONS]\n"
        "            [-p BUILD_DIR] [-- FLAGS...]",
        "Execute a workflow's emitted flyteidl on this machine, as Flyte would: nodes in dependency\n"
        "order (independent ones in parallel), map tasks item by item on a worker pool bounded by\n"
        "their concurrency (unset: the machine's cores), min_success_ratio, retries, timeouts,\n"
        "sub-workflows, launch-plan defaults for inputs not given, and the cache. Each task item\n"
        "runs in a child process of the task executable (docs/task-contract.md), so a crash,\n"
        "abort, hang or allocation failure fails that item only. Prints the outputs as JSON.",
        {value("--workflow",
               "--workflow NAME         the workflow to run (entity name or its last component); needed when\n"
               "                        there are several"),
         value("--launch-plan",
               "--launch-plan NAME      launch a named launch plan (FLYTE_LAUNCH_PLAN) instead: its fixed inputs,\n"
               "                        then --input values, then its defaults"),
         value("--input", "--input NAME=JSON       a workflow input (else the launch plan's default); repeatable"),
         value("--task-executable",
               "--task-executable PATH  the task program (flytecc-task); needed for OUT_DIR and packages. From\n"
               "                        sources, flytecc builds it (kept under the cache directory until they change)"),
         value("--output-dir", "--output-dir DIR        also write the outputs as DIR/outputs.pb (core.LiteralMap)"),
         value("--run-dir",
               "--run-dir DIR           keep every node's inputs.pb, outputs.pb, error.pb and task.log in DIR\n"
               "                        (default: a temporary directory, removed after the run)"),
         value("--isolation",
               "--isolation=worker      (default) a persistent worker process per running item serves item after\n"
               "                        item (`flytecc-task --worker`); a crash or timeout fails that item only and\n"
               "                        the worker is replaced\n"
               "--isolation=process     a new process for every item, as on a cluster (slower; nothing is shared)\n"
               "--isolation=none        in this process: the tasks built as a shared library and loaded (fastest;\n"
               "                        from sources only; a crash ends the run, timeouts and memory limits do not\n"
               "                        apply)"),
         value("--parallelism",
               "--parallelism N         map items at once when a map task sets no concurrency (default: cores)"),
         value("--memory-limit",
               "--memory-limit Q        address-space limit per item when the task sets no memory limit (e.g. 2Gi)"),
         value("--cache",
               "--cache FILE            the cache database (default $XDG_CACHE_HOME/flytecc/cache.sqlite or\n"
               "                        ~/.cache/flytecc/cache.sqlite)"),
         flag("--no-cache", "--no-cache              neither read nor write the cache"),
         flag("--quiet", "--quiet, -q             no progress output"),
         flag("-q", ""),
         value("-p", "-p DIR                  build directory holding compile_commands.json (sources)")},
        false,
        true};
    SubcommandSpec cache{"cache",
                         "flytecc cache list|clear [--cache FILE]",
                         "Show the results in flytecc run's cache (per task and cache version), or remove them.",
                         {value("--cache", "--cache FILE    the cache database (default: the one flytecc run uses)")},
                         false};
    for (auto* sub : {&compile, &package, &ir, &run}) {
      auto extra = optimizerOptions();
      sub->options.insert(sub->options.end(), extra.begin(), extra.end());
    }
    for (auto* sub : {&compile, &check, &package}) {
      auto extra = checkOptions();
      sub->options.insert(sub->options.end(), extra.begin(), extra.end());
    }
    s = {compile, check, package, dump, ir, run, cache};
    return s;
  }();
  return specs;
}

const SubcommandSpec* findSubcommand(std::string_view name) {
  for (const auto& s : subcommands())
    if (s.name == name) return &s;
  return nullptr;
}

static const OptionSpec* findOption(const SubcommandSpec& sub, llvm::StringRef name) {
  for (const auto& o : sub.options)
    if (o.name == name) return &o;
  if (name == "--help" || name == "-h") {
    static const OptionSpec help = flag("--help", "--help   this help");
    return &help;
  }
  return nullptr;
}

static llvm::Error fail(const std::string& message) { return llvm::createStringError(message); }

llvm::Expected<ParsedArgs> parseArgs(const SubcommandSpec& sub, const std::vector<std::string>& args) {
  ParsedArgs out;
  for (size_t i = 0; i < args.size(); ++i) {
    llvm::StringRef a = args[i];
    if (a == "--" && (sub.checkSwitches || sub.compilerFlags)) {
      out.haveDashDash = true;
      out.afterDashDash.assign(args.begin() + i + 1, args.end());
      break;
    }
    if (sub.checkSwitches && a.starts_with("-W")) {
      out.checkSwitches.push_back(a.str());
      continue;
    }
    if (!a.starts_with("-") || a == "-") {
      out.positionals.push_back(a.str());
      continue;
    }
    auto [name, joined] = a.split('=');
    bool hasJoined = a.contains('=');
    const OptionSpec* o = findOption(sub, name);
    if (!o) {
      std::vector<std::string> owners;
      for (const auto& other : subcommands())
        if (findOption(other, name)) owners.push_back(other.name);
      if (owners.empty()) return fail("unknown option '" + a.str() + "' (see flytecc " + sub.name + " --help)");
      std::string list;
      for (const auto& s : owners) list += (list.empty() ? "" : ", ") + s;
      return fail("option '" + name.str() + "' does not apply to " + sub.name + " (it is an option of " + list + ")");
    }
    if (!o->takesValue) {
      if (hasJoined) return fail("option '" + name.str() + "' takes no value");
      out.flags.push_back(o->name);
      continue;
    }
    if (!hasJoined && i + 1 >= args.size()) return fail("option '" + name.str() + "' needs a value");
    std::string v = hasJoined ? joined.str() : args[++i];
    out.values[o->name] = v;
    out.given.emplace_back(o->name, std::move(v));
  }
  return out;
}

static std::string indent(llvm::StringRef text, llvm::StringRef first, llvm::StringRef rest) {
  std::string out;
  bool start = true;
  while (!text.empty()) {
    auto [line, tail] = text.split('\n');
    out += (start ? first : rest).str() + line.str() + "\n";
    start = false;
    text = tail;
  }
  return out;
}

static std::string optionsSection(const SubcommandSpec& s) {
  std::string out;
  std::string own, check;
  auto common = checkOptions();
  for (const auto& o : s.options) {
    bool isCheck = s.checkSwitches &&
                   std::any_of(common.begin(), common.end(), [&](const OptionSpec& c) { return c.name == o.name; });
    (isCheck ? check : own) += indent(o.help, "  ", "  ");
  }
  if (s.checkSwitches || s.compilerFlags)
    own += "  -- FLAGS...     compiler flags for the sources (instead of -p), e.g. -- -std=c++20 -Iinclude\n";
  if (!own.empty()) out += "\nOPTIONS (" + s.name + "):\n" + own;
  if (s.checkSwitches)
    out +=
        "\nCHECK OPTIONS (check, compile and package):\n"
        "  -Werror               treat warnings as errors\n"
        "  -Werror=CHECK         treat the warnings of CHECK as errors\n"
        "  -Wno-CHECK / -WCHECK  disable / re-enable CHECK (e.g. -Wno-flyte-task-calls-task)\n" +
        check;
  return out;
}

static std::string usageLine(const SubcommandSpec& s) { return indent(s.usage, "  ", "  "); }
static std::string descriptionLines(const SubcommandSpec& s) {
  std::string first = "  " + s.name + std::string(s.name.size() < 10 ? 10 - s.name.size() : 1, ' ');
  return indent(s.description, first, std::string(first.size(), ' '));
}

std::string subcommandHelp(const SubcommandSpec& s) {
  return "flytecc " FLYTECC_VERSION " - Flyte workflows in C++\n\nUSAGE:\n" + usageLine(s) + "\nSUBCOMMANDS:\n" +
         descriptionLines(s) + optionsSection(s) +
         "\nEvery value option is written NAME=VALUE or NAME VALUE. flytecc --help lists every subcommand.\n";
}

std::string fullHelp() {
  std::string out = "flytecc " FLYTECC_VERSION " - Flyte workflows in C++\n\nUSAGE:\n";
  for (const auto& s : subcommands()) out += usageLine(s);
  out += "  flytecc help | --help | SUBCOMMAND --help\n  flytecc --version | --print-resource-dir\n\nSUBCOMMANDS:\n";
  for (const auto& s : subcommands()) out += descriptionLines(s);
  for (const auto& s : subcommands()) {
    std::string opts = optionsSection(s);
    // CHECK OPTIONS are the same for every subcommand that has them: once, after the last of them.
    if (s.checkSwitches && s.name != "package") opts = opts.substr(0, opts.find("\nCHECK OPTIONS"));
    out += opts;
  }
  return out + "\nEvery value option is written NAME=VALUE or NAME VALUE.\n";
}

}  // namespace flytecc::driver
