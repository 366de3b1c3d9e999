#include "frontend/Frontend.h"

#include <clang/AST/ASTConsumer.h>
#include <clang/Basic/DiagnosticSema.h>
#include <clang/Basic/FileManager.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Basic/Version.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/Tooling.h>
#include <dlfcn.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <optional>

#include "analysis/TaskCallsTaskCheck.h"
#include "analysis/WorkflowAnalysis.h"
#include "frontend/CompileDatabase.h"
#include "ir/Verifier.h"
#include "support/Files.h"

#ifndef FLYTECC_SDK_INCLUDE_DIR
#define FLYTECC_SDK_INCLUDE_DIR ""
#endif

namespace flytecc::frontend {
using namespace clang;

std::string clangResourceDir() {
  // The resource dir belongs to the libclang-cpp this process loaded: <libdir>/clang/<major>, where
  // <libdir> is the directory it was loaded from (e.g. /usr/lib/llvm-22/lib) or, through symlinks,
  // the LLVM tree next to the real file (Debian keeps it in /usr/lib/<triple>/).
  std::vector<std::string> candidates;
  Dl_info info;
  if (dladdr(reinterpret_cast<void*>(&clang::tooling::runToolOnCode), &info) && info.dli_fname) {
    llvm::StringRef loaded = info.dli_fname;
    candidates.push_back(llvm::sys::path::parent_path(loaded).str());
    llvm::SmallString<256> real;
    if (!llvm::sys::fs::real_path(loaded, real)) {
      llvm::StringRef realDir = llvm::sys::path::parent_path(real);
      candidates.push_back(realDir.str());
      llvm::SmallString<256> sibling(realDir);
      llvm::sys::path::append(sibling, "..", "llvm-" CLANG_VERSION_MAJOR_STRING, "lib");
      candidates.push_back(std::string(sibling));
    }
  }
#ifdef FLYTECC_LLVM_LIBRARY_DIR
  candidates.push_back(FLYTECC_LLVM_LIBRARY_DIR);  // where the build found LLVM, as a last resort
#endif
  for (const auto& libdir : candidates) {
    llvm::SmallString<256> dir(libdir);
    llvm::sys::path::append(dir, "clang", CLANG_VERSION_MAJOR_STRING);
    llvm::SmallString<256> probe = dir;
    llvm::sys::path::append(probe, "include", "stddef.h");
    if (llvm::sys::fs::exists(probe)) {
      llvm::sys::path::remove_dots(dir, true);
      return std::string(dir);
    }
  }
  return "";
}

// The directory holding <flyte/flyte.hpp>: next to an installed tool, else the source tree.
static std::string sdkIncludeDir() {
  std::string exe = llvm::sys::fs::getMainExecutable(nullptr, reinterpret_cast<void*>(&sdkIncludeDir));
  if (!exe.empty()) {
    llvm::SmallString<256> dir = llvm::sys::path::parent_path(llvm::sys::path::parent_path(exe));
    llvm::sys::path::append(dir, "include");
    llvm::SmallString<256> probe = dir;
    llvm::sys::path::append(probe, "flyte", "flyte.hpp");
    if (llvm::sys::fs::exists(probe)) return std::string(dir);
  }
  return FLYTECC_SDK_INCLUDE_DIR;
}

namespace {

// The SDK rejects a map_task over a scalar with a static_assert (as it does in g++ and clang++), and flytecc
// says the same at the argument (flyte-map-binding-type). One root cause gets one message: the interceptor
// holds the static_assert (and its instantiation notes) back while the translation unit is analysed, and
// replays it unless flytecc reported the mismatch at that call (a map call outside a workflow, or a TU
// with other errors, keeps the compiler's message). Every other diagnostic passes straight through.
class StaticAssertInterceptor : public DiagnosticConsumer {
 public:
  StaticAssertInterceptor(DiagnosticConsumer* next, const analysis::CheckRegistry* checks)
      : next_(next), checks_(checks) {}

  void BeginSourceFile(const LangOptions& lo, const Preprocessor* pp) override { next_->BeginSourceFile(lo, pp); }
  void EndSourceFile() override { next_->EndSourceFile(); }
  void finish() override { next_->finish(); }
  bool IncludeInDiagnosticCounts() const override { return next_->IncludeInDiagnosticCounts(); }

  void HandleDiagnostic(DiagnosticsEngine::Level level, const Diagnostic& info) override {
    if (level == DiagnosticsEngine::Note && holding_) {
      Held& h = held_.back();
      h.notes.emplace_back(level, info);
      // The call that instantiated the SDK's template: the first note outside the SDK's header.
      if (h.callSite.isInvalid() && info.hasSourceManager() && info.getLocation().isValid() &&
          !inSdk(info.getSourceManager(), info.getLocation()))
        h.callSite = info.getSourceManager().getFileLoc(info.getLocation());
      return;
    }
    holding_ = false;
    if (level >= DiagnosticsEngine::Error && isSdkMapStaticAssert(info)) {
      held_.push_back({StoredDiagnostic(level, info), {}, SourceLocation()});
      holding_ = true;
      return;
    }
    if (level >= DiagnosticsEngine::Error) {
      ++otherErrors_;
      if (checks_ && info.hasSourceManager())
        if (auto kind = checks_->find(info.getDiags()->getDiagnosticIDs().get(), info.getID());
            kind && (*kind == analysis::DiagKind::MapScalar || *kind == analysis::DiagKind::BindingType))
          bindingErrors_.push_back(info.getSourceManager().getFileLoc(info.getLocation()));
    }
    DiagnosticConsumer::HandleDiagnostic(level, info);
    next_->HandleDiagnostic(level, info);
  }

  // Errors other than the held static_asserts (flytecc analyses a TU only when it compiles).
  unsigned otherErrors() const { return otherErrors_; }

  // After the analysis: replays each held static_assert whose call flytecc did not report.
  void settle(DiagnosticsEngine& engine, const SourceManager& sm) {
    holding_ = false;
    for (const Held& h : held_) {
      if (covered(h, sm)) continue;
      replay(engine, h.error);
      for (const StoredDiagnostic& n : h.notes) replay(engine, n);
    }
    held_.clear();
  }

 private:
  struct Held {
    StoredDiagnostic error;
    std::vector<StoredDiagnostic> notes;
    SourceLocation callSite;
  };

  static bool inSdk(const SourceManager& sm, SourceLocation loc) {
    return sm.getFilename(sm.getFileLoc(loc)).ends_with("flyte/flyte.hpp");
  }

  static bool isSdkMapStaticAssert(const Diagnostic& info) {
    if (!info.hasSourceManager() || !info.getLocation().isValid() || !inSdk(info.getSourceManager(), info.getLocation()))
      return false;
    llvm::SmallString<256> text;
    info.FormatDiagnostic(text);
    return llvm::StringRef(text).starts_with("static assertion failed") &&
           llvm::StringRef(text).ends_with("flyte::map_task maps over std::vector arguments");
  }

  // flytecc reported a binding error inside the call's argument list: after the call's '(' and before the
  // statement's end.
  bool covered(const Held& h, const SourceManager& sm) const {
    if (h.callSite.isInvalid()) return false;
    auto [file, callOffset] = sm.getDecomposedLoc(h.callSite);
    llvm::StringRef text = sm.getBufferData(file);
    for (SourceLocation r : bindingErrors_) {
      auto [rFile, rOffset] = sm.getDecomposedLoc(r);
      if (rFile == file && rOffset >= callOffset && rOffset <= text.size() &&
          !text.slice(callOffset, rOffset).contains(';'))
        return true;
    }
    return false;
  }

  void replay(DiagnosticsEngine& engine, const StoredDiagnostic& d) {
    DiagnosticStorage storage;
    for (const CharSourceRange& r : d.getRanges()) storage.DiagRanges.push_back(r);
    for (const FixItHint& f : d.getFixIts()) storage.FixItHints.push_back(f);
    Diagnostic info(&engine, d.getLocation(), d.getID(), storage, d.getMessage());
    DiagnosticConsumer::HandleDiagnostic(d.getLevel(), info);
    next_->HandleDiagnostic(d.getLevel(), info);
  }

  DiagnosticConsumer* next_;
  const analysis::CheckRegistry* checks_;
  std::vector<Held> held_;
  bool holding_ = false;
  unsigned otherErrors_ = 0;
  std::vector<SourceLocation> bindingErrors_;
};

struct AnalysisSetup {
  ir::Module& module;
  const analysis::CheckSwitches& switches;
  analysis::CheckRegistry* checks;
  std::vector<analysis::CallGraphSummary>* callGraphs;  // null with a single TU
  std::set<std::string>* dependencies;
};

class AnalysisConsumer : public ASTConsumer {
 public:
  AnalysisConsumer(AnalysisSetup s, StaticAssertInterceptor* interceptor) : s_(s), interceptor_(interceptor) {}
  void HandleTranslationUnit(ASTContext& ctx) override {
    const SourceManager& sm = ctx.getSourceManager();
    bool sdkIncluded = false;
    for (auto it = sm.fileinfo_begin(); it != sm.fileinfo_end(); ++it) {
      s_.dependencies->insert(support::absolutePath(it->first.getName()));
      sdkIncluded |= llvm::StringRef(it->first.getName()).ends_with("flyte/flyte.hpp");
    }
    // No analysis of a TU that does not compile (the SDK's held static_asserts aside: flytecc explains them).
    if (interceptor_ ? interceptor_->otherErrors() > 0 : ctx.getDiagnostics().hasErrorOccurred()) {
      if (interceptor_) interceptor_->settle(ctx.getDiagnostics(), sm);
      // The errors of a file that uses FLYTE_TASK without the SDK header point deep into its code; say why.
      llvm::StringRef text = sm.getBufferData(sm.getMainFileID());
      if (!sdkIncluded && (text.contains("FLYTE_TASK") || text.contains("FLYTE_WORKFLOW"))) {
        analysis::EngineReporter reporter(ctx.getDiagnostics(), s_.switches, s_.checks);
        reporter.report(sm.getLocForStartOfFile(sm.getMainFileID()), analysis::DiagKind::MissingSdkInclude);
      }
      return;
    }
    {
      analysis::EngineReporter reporter(ctx.getDiagnostics(), s_.switches, s_.checks);
      analysis::analyzeTranslationUnit(ctx, reporter, s_.module);
      if (interceptor_) interceptor_->settle(ctx.getDiagnostics(), sm);
    }
    if (s_.callGraphs) analysis::summarizeCalls(ctx, s_.callGraphs->emplace_back());
  }

 private:
  AnalysisSetup s_;
  StaticAssertInterceptor* interceptor_;
};

class AnalysisAction : public ASTFrontendAction {
 public:
  explicit AnalysisAction(AnalysisSetup s) : s_(s) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance& ci, llvm::StringRef) override {
    DiagnosticsEngine& de = ci.getDiagnostics();
    // C99 designators that g++ rejects in C++20 are errors here too (Clang only warns): what flytecc accepts,
    // both compilers compile. (Designators out of order in FLYTE_TASK/FLYTE_WORKFLOW are errors in the SDK.)
    for (unsigned id : {diag::ext_designated_init_reordered, diag::ext_designated_init_nested,
                        diag::ext_designated_init_mixed})
      de.setSeverity(id, diag::Severity::Error, SourceLocation());
    if (!interceptor_ && de.getClient()) {
      owned_ = de.takeClient();  // null unless the engine owned its consumer
      interceptor_ = std::make_unique<StaticAssertInterceptor>(de.getClient(), s_.checks);
      de.setClient(interceptor_.get(), /*ShouldOwnClient=*/false);
    }
    return std::make_unique<AnalysisConsumer>(s_, interceptor_.get());
  }

 private:
  AnalysisSetup s_;
  std::unique_ptr<DiagnosticConsumer> owned_;
  std::unique_ptr<StaticAssertInterceptor> interceptor_;
};

class AnalysisActionFactory : public tooling::FrontendActionFactory {
 public:
  explicit AnalysisActionFactory(AnalysisSetup s) : s_(s) {}
  std::unique_ptr<FrontendAction> create() override { return std::make_unique<AnalysisAction>(s_); }

 private:
  AnalysisSetup s_;
};

// Diagnostics found after the translation units are gone (across files, or on the whole module): a
// DiagnosticsEngine over the files re-read from disk, so they print (with source snippets) and are
// recorded like any other diagnostic.
class LateDiagnostics {
 public:
  LateDiagnostics(DiagnosticConsumer& consumer, const analysis::CheckSwitches& switches,
                  analysis::CheckRegistry* checks)
      : consumer_(consumer),
        diags_(DiagnosticIDs::create(), opts_, &consumer, /*ShouldOwnClient=*/false),
        sm_(diags_, files_) {
    diags_.setSourceManager(&sm_);
    LangOptions lang;
    lang.CPlusPlus = lang.CPlusPlus20 = true;
    consumer_.BeginSourceFile(lang, nullptr);
    reporter_.emplace(diags_, switches, checks);
  }
  ~LateDiagnostics() {
    reporter_.reset();
    consumer_.EndSourceFile();
  }
  SourceLocation at(const ir::SourceLoc& l) {
    if (l.file.empty()) return {};
    auto file = files_.getOptionalFileRef(l.file);
    if (!file) return {};
    FileID fid = sm_.getOrCreateFileID(*file, SrcMgr::C_User);
    return sm_.translateLineCol(fid, l.line, l.column ? l.column : 1);
  }
  analysis::Reporter& reporter() { return *reporter_; }

 private:
  DiagnosticConsumer& consumer_;
  FileManager files_{FileSystemOptions()};
  DiagnosticOptions opts_;
  DiagnosticsEngine diags_;
  SourceManager sm_;
  std::optional<analysis::EngineReporter> reporter_;
};

// flyte-task-calls-task through functions of other files: reported once every TU is summarized.
void reportCrossTUCalls(const std::vector<analysis::CallGraphSummary>& graphs, LateDiagnostics& late) {
  for (const auto& c : analysis::findCrossTUCalls(graphs)) {
    late.reporter().report(late.at(c.at), analysis::DiagKind::TaskCallsTask) << c.task << c.kind << c.target;
    for (const auto& step : c.steps)
      late.reporter().report(late.at(step.loc), analysis::DiagKind::CallPathStep) << step.caller << step.callee;
  }
}

// The flags of a compile command that matter for building the source elsewhere: -I/-isystem/-iquote/-idirafter/
// -include (paths made absolute against the command's directory), -D/-U, -std=, -f*, -m*, -pthread. Output,
// dependency-file and warning options, the compiler and the file itself are left out.
std::vector<std::string> buildFlagsOf(const tooling::CompileCommand& cmd) {
  std::vector<std::string> out;
  auto absolute = [&](llvm::StringRef path) {
    llvm::SmallString<256> p(path);
    if (!llvm::sys::path::is_absolute(p)) {
      p = cmd.Directory;
      llvm::sys::path::append(p, path);
    }
    return std::string(p);
  };
  static const char* const kPathOptions[] = {"-I", "-isystem", "-iquote", "-idirafter", "-include"};
  const auto& args = cmd.CommandLine;
  for (size_t i = 1; i < args.size(); ++i) {
    llvm::StringRef a = args[i];
    if (a == "--") break;
    bool path = false;
    for (llvm::StringRef opt : kPathOptions) {
      if (a == opt && i + 1 < args.size()) {
        out.push_back(opt.str());
        out.push_back(absolute(args[++i]));
        path = true;
        break;
      }
      if (a.starts_with(opt) && a.size() > opt.size()) {
        out.push_back(opt.str() + absolute(a.drop_front(opt.size())));
        path = true;
        break;
      }
    }
    if (path) continue;
    if ((a == "-D" || a == "-U") && i + 1 < args.size()) {
      out.push_back(a.str());
      out.push_back(args[++i]);
    } else if (a.starts_with("-D") || a.starts_with("-U") || a.starts_with("-std=") || a == "-pthread" ||
               (a.starts_with("-f") && !a.starts_with("-fsyntax-only") && !a.starts_with("-fdiagnostics") &&
                !a.starts_with("-fcolor-diagnostics")) ||
               (a.starts_with("-m") && !a.starts_with("-mllvm"))) {
      out.push_back(a.str());
    }
  }
  return out;
}

}  // namespace

llvm::Expected<FrontendResult> runFrontend(const FrontendOptions& options, DiagnosticConsumer* printer) {
  FrontendResult result;
  std::unique_ptr<tooling::CompilationDatabase> db;
  std::string error;
  if (!options.buildDir.empty()) {
    // A directory's compile_commands.json comes back wrapped by tooling::inferMissingCompileCommands (as
    // in clangd): a file the database does not list gets the flags of its closest neighbour.
    llvm::SmallString<256> json(options.buildDir), flagsTxt(options.buildDir);
    llvm::sys::path::append(json, "compile_commands.json");
    llvm::sys::path::append(flagsTxt, "compile_flags.txt");
    if (!llvm::sys::fs::exists(json) && !llvm::sys::fs::exists(flagsTxt)) {
      return llvm::createStringError("no compile_commands.json in '" + options.buildDir +
                                     "': configure the build with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or pass the "
                                     "flags after --");
    }
    if (auto bad = checkCompileCommandsIn(options.buildDir)) return bad;
    db = tooling::CompilationDatabase::loadFromDirectory(options.buildDir, error);
    if (!db)
      return llvm::createStringError("cannot load compile_commands.json from '" + options.buildDir + "': " + error);
  } else {
    std::vector<std::string> flags = options.compilerFlags;
    if (!options.haveFlags) flags = {"-std=c++20"};
    db = std::make_unique<tooling::FixedCompilationDatabase>(".", flags);
  }
  for (const auto& src : options.sources) {
    if (!llvm::sys::fs::exists(src)) return llvm::createStringError("no such file: '" + src + "'");
    if (llvm::sys::fs::is_directory(src))
      return llvm::createStringError("'" + src + "' is a directory; give the C++ source files (e.g. " + src +
                                     "/*.cpp)");
  }

  if (!options.buildDir.empty()) {
    std::set<std::string> seen;
    for (const auto& src : options.sources) {
      llvm::SmallString<256> abs(src);
      llvm::sys::fs::make_absolute(abs);
      for (const auto& cmd : db->getCompileCommands(abs))
        for (auto& f : buildFlagsOf(cmd)) result.buildFlags.push_back(std::move(f));
    }
    // Duplicates (the same flags for every source) removed, keeping two-argument options together.
    std::vector<std::string> merged;
    for (size_t i = 0; i < result.buildFlags.size(); ++i) {
      const std::string& f = result.buildFlags[i];
      bool pair = (f == "-I" || f == "-isystem" || f == "-iquote" || f == "-idirafter" || f == "-include" ||
                   f == "-D" || f == "-U") && i + 1 < result.buildFlags.size();
      std::string key = pair ? f + '\0' + result.buildFlags[i + 1] : f;
      if (seen.insert(key).second) {
        merged.push_back(f);
        if (pair) merged.push_back(result.buildFlags[i + 1]);
      }
      if (pair) ++i;
    }
    result.buildFlags = std::move(merged);
  }

  tooling::ClangTool tool(*db, options.sources);
  std::string resourceDir = clangResourceDir();
  std::string sdk = sdkIncludeDir();
  tool.appendArgumentsAdjuster([resourceDir, sdk, extra = options.buildDir.empty() ? std::vector<std::string>{}
                                                                                    : options.compilerFlags](
                                   const tooling::CommandLineArguments& args, llvm::StringRef) {
    tooling::CommandLineArguments out = args;
    bool userResourceDir = std::any_of(args.begin(), args.end(), [](const std::string& a) {
      return llvm::StringRef(a).starts_with("-resource-dir");
    });
    std::vector<std::string> add(extra.begin(), extra.end());
    add.push_back("-fsyntax-only");
    add.push_back("-D__FLYTECC__=1");  // for users' code; the SDK itself is the same under flytecc and compilers
    if (!userResourceDir && !resourceDir.empty()) add.push_back("-resource-dir=" + resourceDir);
    if (!sdk.empty()) add.push_back("-idirafter" + sdk);
    // Before a "--" that ends the options (commands inferred for files missing from the database have one).
    out.insert(std::find(out.begin(), out.end(), "--"), add.begin(), add.end());
    return out;
  });

  analysis::CheckRegistry checks;
  DiagnosticRecorder recorder(printer, &checks);
  tool.setDiagnosticConsumer(&recorder);

  ir::Module module;
  std::vector<analysis::CallGraphSummary> callGraphs;
  AnalysisActionFactory factory({module, options.switches, &checks,
                                 options.sources.size() > 1 ? &callGraphs : nullptr, &result.dependencies});
  int rc = tool.run(&factory);
  {
    LateDiagnostics late(recorder, options.switches, &checks);
    reportCrossTUCalls(callGraphs, late);
    // Checks that need every TU: names and references across files, with Flyte's typing rules.
    if (rc == 0 && recorder.errors() == 0)
      for (const auto& p : ir::verify(module))
        late.reporter().report(late.at(p.loc), analysis::DiagKind::InvalidIR) << p.message;
  }
  result.diagnostics = recorder.diagnostics();
  if (rc != 0 || recorder.errors() > 0) return result;
  result.module = std::move(module);
  return result;
}

}  // namespace flytecc::frontend
