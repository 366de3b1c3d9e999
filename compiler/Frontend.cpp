#include "compiler/Frontend.h"

#include <clang/AST/ASTConsumer.h>
#include <clang/Basic/Version.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/Tooling.h>
#include <dlfcn.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Process.h>

#include "compiler/ASTLowering.h"
#include "ir/Verifier.h"

#ifndef FLYTECC_SDK_INCLUDE_DIR
#define FLYTECC_SDK_INCLUDE_DIR ""
#endif

namespace flytecc::compiler {
using namespace clang;

std::string clangResourceDir() {
  // libclang-cpp lives in <prefix>/lib; its resource dir is <prefix>/lib/clang/<major>.
  Dl_info info;
  if (dladdr(reinterpret_cast<void*>(&clang::tooling::runToolOnCode), &info) && info.dli_fname) {
    llvm::SmallString<256> real;
    if (llvm::sys::fs::real_path(info.dli_fname, real)) real = info.dli_fname;
    llvm::SmallString<256> dir = llvm::sys::path::parent_path(real);
    llvm::sys::path::append(dir, "clang", CLANG_VERSION_MAJOR_STRING);
    llvm::SmallString<256> probe = dir;
    llvm::sys::path::append(probe, "include", "stddef.h");
    if (llvm::sys::fs::exists(probe)) return std::string(dir);
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

class LoweringConsumer : public ASTConsumer {
 public:
  explicit LoweringConsumer(ir::Module& m) : module_(m) {}
  void HandleTranslationUnit(ASTContext& ctx) override {
    if (ctx.getDiagnostics().hasErrorOccurred()) return;  // no IR from a TU that does not compile
    lowerTranslationUnit(ctx, module_);
  }

 private:
  ir::Module& module_;
};

class LoweringAction : public ASTFrontendAction {
 public:
  explicit LoweringAction(ir::Module& m) : module_(m) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance&, llvm::StringRef) override {
    return std::make_unique<LoweringConsumer>(module_);
  }

 private:
  ir::Module& module_;
};

class LoweringActionFactory : public tooling::FrontendActionFactory {
 public:
  explicit LoweringActionFactory(ir::Module& m) : module_(m) {}
  std::unique_ptr<FrontendAction> create() override { return std::make_unique<LoweringAction>(module_); }

 private:
  ir::Module& module_;
};

// Counts errors across TUs while printing them like clang does.
class CountingPrinter : public TextDiagnosticPrinter {
 public:
  using TextDiagnosticPrinter::TextDiagnosticPrinter;
  void HandleDiagnostic(DiagnosticsEngine::Level level, const Diagnostic& info) override {
    TextDiagnosticPrinter::HandleDiagnostic(level, info);
    if (level >= DiagnosticsEngine::Error) ++errors;
  }
  unsigned errors = 0;
};

}  // namespace

std::optional<ir::Module> runFrontend(const FrontendOptions& options, llvm::raw_ostream& errs) {
  std::unique_ptr<tooling::CompilationDatabase> db;
  std::string error;
  if (!options.buildDir.empty()) {
    db = tooling::CompilationDatabase::loadFromDirectory(options.buildDir, error);
    if (!db) {
      errs << "flytecc: error: cannot load compile_commands.json from '" << options.buildDir << "': " << error << "\n";
      return std::nullopt;
    }
  } else {
    std::vector<std::string> flags = options.compilerFlags;
    if (!options.haveFlags) flags = {"-std=c++20"};
    db = std::make_unique<tooling::FixedCompilationDatabase>(".", flags);
  }
  for (const auto& src : options.sources) {
    if (!llvm::sys::fs::exists(src)) {
      errs << "flytecc: error: no such file: '" << src << "'\n";
      return std::nullopt;
    }
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
    out.insert(out.end(), extra.begin(), extra.end());
    out.push_back("-fsyntax-only");
    if (!userResourceDir && !resourceDir.empty()) out.push_back("-resource-dir=" + resourceDir);
    if (!sdk.empty()) out.push_back("-idirafter" + sdk);
    return out;
  });

  DiagnosticOptions diagOpts;
  diagOpts.ShowColors = llvm::sys::Process::StandardErrHasColors();
  CountingPrinter printer(errs, diagOpts);
  tool.setDiagnosticConsumer(&printer);

  ir::Module module;
  LoweringActionFactory factory(module);
  int rc = tool.run(&factory);
  if (rc != 0 || printer.errors > 0) return std::nullopt;

  auto problems = ir::verify(module);
  for (const auto& p : problems) errs << p.loc.str() << ": error: " << p.message << " [flyte-invalid-graph]\n";
  if (!problems.empty()) return std::nullopt;
  return module;
}

}  // namespace flytecc::compiler
