#include "support/Files.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>
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
  return llvm::sys::fs::createUniqueFile(model, fd, path);
}

llvm::Error writeAll(llvm::StringRef dir, const std::vector<OutputFile>& files) {
  if (auto ec = llvm::sys::fs::create_directories(dir))
    return fail("cannot create output directory '" + dir + "': " + ec.message());
  std::vector<std::pair<std::string, std::string>> staged;  // temp -> final
  auto cleanup = [&] {
    for (const auto& [tmp, final] : staged) llvm::sys::fs::remove(tmp);
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
  for (const auto& [tmp, final] : staged) {
    if (auto ec = llvm::sys::fs::rename(tmp, final)) {
      cleanup();
      return fail("cannot rename '" + tmp + "' to '" + final + "': " + ec.message());
    }
  }
  return llvm::Error::success();
}

llvm::Error writeFile(llvm::StringRef path, llvm::StringRef contents) {
  return writeAll(parentDir(path), {{llvm::sys::path::filename(path).str(), contents.str()}});
}

}  // namespace flytecc::support
