#include "tools/flytecc/TaskBuild.h"

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Process.h>
#include <llvm/Support/Program.h>
#include <llvm/Support/SHA256.h>

#include "flyteidl/Emit.h"
#include "support/Files.h"
#include "tools/flytecc/TaskMain.h"

#ifndef FLYTECC_TASK_CXX
#define FLYTECC_TASK_CXX "c++"
#endif
#ifndef FLYTECC_TASK_INCLUDES
#define FLYTECC_TASK_INCLUDES ""
#endif
#ifndef FLYTECC_TASK_LIBS
#define FLYTECC_TASK_LIBS ""
#endif
#ifndef FLYTECC_TASK_SHARED_LIBS
#define FLYTECC_TASK_SHARED_LIBS ""
#endif

namespace flytecc::driver {

std::optional<std::string> buildTaskExecutable(const ir::Module& module, const TaskBuildOptions& o,
                                               llvm::raw_ostream& errs) {
  support::OutputFile main = emitTaskMain(module, o.sources);
  std::vector<std::string> args = {FLYTECC_TASK_CXX, "-std=c++20", "-O2", "-g0"};
  llvm::StringRef libs = o.sharedObject ? FLYTECC_TASK_SHARED_LIBS : FLYTECC_TASK_LIBS;
  if (o.sharedObject)
    for (const char* f : {"-fPIC", "-shared", "-DFLYTECC_TASK_MAIN_NO_MAIN", "-DFLYTECC_TASK_SHARED_OBJECT"})
      args.push_back(f);
  for (llvm::StringRef inc : llvm::split(FLYTECC_TASK_INCLUDES, '|'))
    if (!inc.empty()) args.push_back("-I" + inc.str());
  for (const auto& f : o.flags) args.push_back(f);
  // The key: the generated file, the command, and the contents of every file the sources read.
  llvm::SHA256 hash;
  hash.update(main.contents);
  for (const auto& a : args) hash.update(a + '\0');
  hash.update(libs);
  for (const auto& dep : o.dependencies) {
    hash.update(dep + '\0');
    if (auto buf = llvm::MemoryBuffer::getFile(dep)) hash.update((*buf)->getBuffer());
  }
  for (llvm::StringRef lib : llvm::split(FLYTECC_TASK_LIBS, '|')) {  // a rebuilt runtime is a new key too
    llvm::sys::fs::file_status st;
    if (!lib.empty() && !llvm::sys::fs::status(lib, st))
      hash.update(std::to_string(st.getLastModificationTime().time_since_epoch().count()));
  }
  auto digest = hash.final();
  std::string key = llvm::toHex(llvm::ArrayRef<uint8_t>(digest.data(), 12), /*LowerCase=*/true);
  llvm::SmallString<256> dir(o.cacheDir);
  llvm::sys::path::append(dir, "tasks", key);
  llvm::SmallString<256> exe(dir);
  llvm::sys::path::append(exe, o.sharedObject ? "flytecc-task.so" : "flytecc-task");
  if (o.sharedObject ? llvm::sys::fs::exists(exe) : llvm::sys::fs::can_execute(exe)) return std::string(exe);

  if (auto error = support::writeAll(dir, {main})) {
    errs << "flytecc: error: " << llvm::toString(std::move(error)) << "\n";
    return std::nullopt;
  }
  llvm::SmallString<256> src(dir), tmp;
  llvm::sys::path::append(src, main.name);
  int fd = -1;
  if (auto ec = support::createTempIn(dir, fd, tmp)) {
    errs << "flytecc: error: cannot write to '" << dir << "': " << ec.message() << "\n";
    return std::nullopt;
  }
  llvm::sys::Process::SafelyCloseFileDescriptor(fd);
  args.push_back(std::string(src));
  args.push_back("-o");
  args.push_back(std::string(tmp));
  for (llvm::StringRef lib : llvm::split(libs, '|'))
    if (!lib.empty()) args.push_back(lib.str());
  std::vector<llvm::StringRef> argv(args.begin(), args.end());
  auto program = llvm::sys::findProgramByName(args[0]);
  if (!program) {
    errs << "flytecc: error: cannot find the C++ compiler '" << args[0] << "' to build the task executable\n";
    return std::nullopt;
  }
  errs << "flytecc: building the task " << (o.sharedObject ? "library" : "executable") << " (" << std::string(exe)
       << ")\n";
  std::string message;
  int rc = llvm::sys::ExecuteAndWait(*program, argv, std::nullopt, {}, 0, 0, &message);
  if (rc != 0) {
    llvm::sys::fs::remove(tmp);
    errs << "flytecc: error: building the task executable failed" << (message.empty() ? "" : ": " + message) << "\n";
    return std::nullopt;
  }
  if (auto ec = llvm::sys::fs::rename(tmp, exe)) {
    llvm::sys::fs::remove(tmp);
    errs << "flytecc: error: cannot rename '" << tmp << "': " << ec.message() << "\n";
    return std::nullopt;
  }
  return std::string(exe);
}

}  // namespace flytecc::driver
