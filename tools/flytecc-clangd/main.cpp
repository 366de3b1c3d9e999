// flytecc-clangd: clangd with flytecc's flyte-* clang-tidy checks built in.
//
// clangd cannot load clang-tidy plugins, so this binary links LLVM's clangd (libclangdMain.a and the
// libraries under it) together with tools/clang-tidy/FlyteTidyModule.cpp, whose static
// ClangTidyModuleRegistry entry makes the flyte-* checks known to clangd like any built-in check.
// Everything else is clangd: every command-line flag and the CLANGD_FLAGS environment variable go to
// clangdMain unchanged.
//
// What differs from clangd:
//  - files that include <flyte/flyte.hpp> get the flyte-* checks without any .clang-tidy or .clangd,
//    unless the user's clang-tidy configuration names flyte- checks itself (then it decides), and
//    clangd's FastCheckFilter keeps them (DefaultChecks.cpp);
//  - clangd looks for clang's builtin headers next to its own executable (<bin>/../lib/clang/<major>),
//    which is wrong for this binary, so unless --resource-dir is given it gets the resource directory of
//    the libclang-cpp it runs with.
#include <clang/Basic/Version.h>
#include <dlfcn.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace clang::clangd {
int clangdMain(int argc, char* argv[]);
}

namespace {

bool namesResourceDir(llvm::StringRef arg) {
  arg = arg.ltrim('-');
  return arg == "resource-dir" || arg.starts_with("resource-dir=");
}

// <dir of the loaded libclang-cpp>/clang/<major>, holding include/stddef.h; empty if there is none.
std::string resourceDir() {
  Dl_info info;
  if (!dladdr(reinterpret_cast<void*>(&clang::getClangFullVersion), &info) || !info.dli_fname) return "";
  std::vector<std::string> libdirs = {llvm::sys::path::parent_path(info.dli_fname).str()};
  llvm::SmallString<256> real;
  if (!llvm::sys::fs::real_path(info.dli_fname, real)) libdirs.push_back(llvm::sys::path::parent_path(real).str());
  for (const auto& libdir : libdirs) {
    llvm::SmallString<256> dir(libdir);
    llvm::sys::path::append(dir, "clang", CLANG_VERSION_MAJOR_STRING);
    llvm::SmallString<256> probe(dir);
    llvm::sys::path::append(probe, "include", "stddef.h");
    if (llvm::sys::fs::exists(probe)) return std::string(dir);
  }
  return "";
}

}  // namespace

int main(int argc, char* argv[]) {
  std::vector<char*> args(argv, argv + argc);
  bool given = false;
  for (int i = 1; i < argc; ++i) given = given || namesResourceDir(argv[i]);
  if (const char* env = std::getenv("CLANGD_FLAGS")) given = given || llvm::StringRef(env).contains("resource-dir");
  std::string flag;
  if (!given) {
    std::string dir = resourceDir();
    if (!dir.empty()) {
      flag = "--resource-dir=" + dir;
      args.push_back(flag.data());
    }
  }
  args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(args.size()) - 1, args.data());
}
