#include "support/Files.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/Signals.h>
#include <llvm/Support/raw_ostream.h>
#include <climits>
#include <csignal>
#include <pthread.h>
#include <utility>

namespace flytecc::support {

static llvm::Error fail(const llvm::Twine& message) {
  return llvm::createStringError(std::make_error_code(std::errc::io_error), message);
}

std::string absolutePath(llvm::StringRef path) {
  llvm::SmallString<256> abs(path);
  llvm::sys::fs::make_absolute(abs);
  llvm::sys::path::remove_dots(abs, /*remove_dot_dot=*/true);
  return std::string(abs);
}

std::string parentDir(llvm::StringRef path) {
  llvm::StringRef dir = llvm::sys::path::parent_path(path);
  return dir.empty() ? "." : dir.str();
}

std::error_code createTempIn(llvm::StringRef dir, int& fd, llvm::SmallVectorImpl<char>& path) {
  llvm::SmallString<256> model(dir);
  llvm::sys::path::append(model, ".flytecc-%%%%%%%%.tmp");
  // The name is registered for removal on a signal *before* the file exists: registering after
  // createUniqueFile left a window in which SIGTERM found the new file unregistered and it stayed
  // (seen once in CI). A signal before the file is created removes nothing.
  for (int attempt = 0; attempt < 128; ++attempt) {
    llvm::SmallString<256> candidate;
    llvm::sys::fs::createUniquePath(model, candidate, /*MakeAbsolute=*/false);
    llvm::sys::RemoveFileOnSignal(candidate);
    std::error_code ec = llvm::sys::fs::openFileForWrite(candidate, fd, llvm::sys::fs::CD_CreateNew,
                                                         llvm::sys::fs::OF_None, 0666);
    if (!ec) {
      path.assign(candidate.begin(), candidate.end());
      return ec;
    }
    llvm::sys::DontRemoveFileOnSignal(candidate);
    if (ec != std::errc::file_exists) return ec;
  }
  return std::make_error_code(std::errc::file_exists);
}

void removeTemp(llvm::StringRef tmp) {
  llvm::sys::fs::remove(tmp);
  llvm::sys::DontRemoveFileOnSignal(tmp);
}

std::error_code publishTemp(llvm::StringRef tmp, llvm::StringRef final) {
  std::error_code ec = llvm::sys::fs::rename(tmp, final);
  if (!ec) llvm::sys::DontRemoveFileOnSignal(tmp);
  return ec;
}

static std::string kindOf(llvm::sys::fs::file_type t) {
  using T = llvm::sys::fs::file_type;
  switch (t) {
    case T::directory_file: return "a directory";
    case T::block_file: return "a block device";
    case T::character_file: return "a character device";
    case T::fifo_file: return "a FIFO";
    case T::socket_file: return "a socket";
    case T::symlink_file: return "a symbolic link";
    default: return "not a regular file";
  }
}

llvm::Error checkOutputPath(llvm::StringRef output, llvm::ArrayRef<std::string> inputs, bool wantDir) {
  llvm::sys::fs::file_status st;
  if (!llvm::sys::fs::status(output, st) && llvm::sys::fs::exists(st)) {
    auto type = st.type();
    bool ok = wantDir ? type == llvm::sys::fs::file_type::directory_file
                      : type == llvm::sys::fs::file_type::regular_file;
    if (!ok)
      return fail("refusing to write '" + output + "': it exists and is " +
                  (wantDir && type == llvm::sys::fs::file_type::regular_file ? std::string("a regular file")
                                                                               : kindOf(type)) +
                  ", not a " + (wantDir ? "directory" : "regular file") + "; choose another output path");
  }
  std::string out = absolutePath(output);
  for (const auto& in : inputs) {
    if (in.empty()) continue;
    std::string abs = absolutePath(in);
    bool same = abs == out || llvm::sys::fs::equivalent(in, output);
    bool inside = !same && llvm::sys::fs::is_directory(in) && llvm::StringRef(out).starts_with(abs + "/");
    if (same || inside)
      return fail("refusing to write '" + output + "': it is " + (same ? "" : "inside ") + "the input '" + in +
                  "'; choose an output path that is not an input");
  }
  return llvm::Error::success();
}

namespace {
// Holds back the signals that LLVM's handler answers with "remove the temporary files, then die" (SIGHUP, SIGINT,
// SIGTERM, SIGUSR2, and SIGQUIT) while the staged files are renamed into place: such a signal then lands before
// the first rename (nothing published, the temporaries removed) or after the last (everything published), never
// in between. The held signal is delivered when the mask is restored. Crash signals are synchronous and not held.
class SignalsHeld {
 public:
  SignalsHeld() {
    sigset_t held;
    sigemptyset(&held);
    for (int sig : {SIGHUP, SIGINT, SIGTERM, SIGUSR2, SIGQUIT}) sigaddset(&held, sig);
    active_ = pthread_sigmask(SIG_BLOCK, &held, &previous_) == 0;
  }
  ~SignalsHeld() {
    if (active_) pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;

 private:
  sigset_t previous_;
  bool active_ = false;
};
}  // namespace

llvm::Error writeAll(llvm::StringRef dir, const std::vector<OutputFile>& files) {
  if (llvm::sys::fs::exists(dir) && !llvm::sys::fs::is_directory(dir))
    return fail("cannot create output directory '" + dir + "': it exists and is not a directory");
  // Everything that can be checked is checked before the first byte is written.
  for (const auto& f : files) {
    llvm::SmallString<256> final(dir);
    llvm::sys::path::append(final, f.name);
    if (f.name.empty() || llvm::sys::path::filename(f.name).size() > NAME_MAX)
      return fail("cannot write '" + final + "': the file name is longer than the file system allows (" +
                  llvm::Twine(NAME_MAX) + " bytes); shorten the entity name");
    if (auto error = checkOutputPath(final, {})) return error;
  }
  if (auto ec = llvm::sys::fs::create_directories(dir))
    return fail("cannot create output directory '" + dir + "': " + ec.message());
  std::vector<std::pair<std::string, std::string>> staged;  // temp -> final
  std::vector<std::string> created;                         // finals that did not exist before this call
  auto cleanup = [&] {
    for (const auto& [tmp, final] : staged) removeTemp(tmp);
    for (const auto& final : created) llvm::sys::fs::remove(final);
  };
  for (const auto& f : files) {
    llvm::SmallString<256> final(dir);
    llvm::sys::path::append(final, f.name);
    int fd = -1;
    llvm::SmallString<256> tmp;
    if (auto ec = createTempIn(dir, fd, tmp)) {
      cleanup();
      return fail("cannot write to '" + dir + "': " + ec.message());
    }
    staged.emplace_back(std::string(tmp), std::string(final));
    llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
    out << f.contents;
    out.close();
    if (out.has_error()) {
      std::string message = out.error().message();
      out.clear_error();
      cleanup();
      return fail("cannot write '" + tmp + "': " + message);
    }
  }
  SignalsHeld held;  // every file or none, even under SIGINT/SIGTERM
  for (size_t i = 0; i < staged.size(); ++i) {
    const auto& [tmp, final] = staged[i];
    bool existed = llvm::sys::fs::exists(final);
    if (auto ec = publishTemp(tmp, final)) {
      staged.erase(staged.begin(), staged.begin() + static_cast<std::ptrdiff_t>(i));
      cleanup();
      return fail("cannot rename '" + tmp + "' to '" + final + "': " + ec.message());
    }
    if (!existed) created.push_back(final);
  }
  return llvm::Error::success();
}

llvm::Error writeFile(llvm::StringRef path, llvm::StringRef contents) {
  return writeAll(parentDir(path), {{llvm::sys::path::filename(path).str(), contents.str()}});
}

}  // namespace flytecc::support
