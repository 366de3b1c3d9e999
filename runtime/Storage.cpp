// Storage for local paths and file:// URIs, the scheme dispatch and joinUri.
#include "runtime/Storage.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>
#include <system_error>
#include <utility>
#include <vector>

#include "runtime/StorageImpl.h"

namespace flytecc::runtime {

namespace fs = std::filesystem;

std::string joinUri(std::string_view prefix, std::string_view name) {
  while (!name.empty() && name.front() == '/') name.remove_prefix(1);
  if (prefix.empty()) return std::string(name);
  bool schemeOnly = prefix.size() >= 3 && prefix.substr(prefix.size() - 3) == "://";
  if (!schemeOnly) {
    while (prefix.size() > 1 && prefix.back() == '/') prefix.remove_suffix(1);
  }
  std::string out(prefix);
  if (out.back() != '/') out += '/';
  out += name;
  return out;
}

namespace detail {

std::optional<std::string> schemeOf(std::string_view uri) {
  auto pos = uri.find("://");
  if (pos == std::string_view::npos || pos == 0) return std::nullopt;
  std::string_view scheme = uri.substr(0, pos);
  if (!std::isalpha(static_cast<unsigned char>(scheme[0]))) return std::nullopt;
  for (char c : scheme) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return std::nullopt;
  }
  std::string lower(scheme);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower;
}

StorageError error(StorageError::Kind kind, std::string_view uri, std::string_view cause) {
  std::string message(uri);
  message += ": ";
  message += cause;
  return StorageError{kind, std::move(message)};
}

StorageError errnoError(std::string_view uri, std::string_view what, int err) {
  using K = StorageError::Kind;
  K kind = K::Other;
  switch (err) {
    case ENOENT: kind = K::NotFound; break;
    case EACCES: case EPERM: case EROFS: kind = K::Denied; break;
    case ENOTDIR: case EISDIR: case ENAMETOOLONG: case ELOOP: case EINVAL: kind = K::Invalid; break;
    default: break;
  }
  return error(kind, uri, std::string(what) + ": " + std::strerror(err));
}

}  // namespace detail

using K = StorageError::Kind;
using detail::errnoError;
using detail::error;

namespace detail {

Fd::~Fd() {
  if (fd >= 0) ::close(fd);
}

Status writeAll(int fd, const char* data, size_t size, std::string_view uri) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errnoError(uri, "write", errno);
    }
    data += n;
    size -= static_cast<size_t>(n);
  }
  return std::nullopt;
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!tmp_.empty()) ::unlink(tmp_.c_str());
}

Status AtomicFile::open() {
  fs::path target(path_);
  if (target.filename().empty()) return error(K::Invalid, uri_, "names a directory, not a file");
  fs::path dir = target.parent_path();
  if (!dir.empty()) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return errnoError(uri_, "cannot create directory " + dir.string(), ec.value());
  }
  static thread_local std::mt19937_64 rng(std::random_device{}() ^ static_cast<std::uint64_t>(::getpid()));
  for (int i = 0; i < 100; ++i) {
    std::string name = "." + target.filename().string() + ".tmp-" + std::to_string(rng() & 0xffffffffffull);
    std::string tmp = (dir / name).string();
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);  // the umask applies
    if (fd >= 0) {
      fd_ = fd;
      tmp_ = std::move(tmp);
      return std::nullopt;
    }
    if (errno != EEXIST) return errnoError(uri_, "cannot create a temporary file in " + dir.string(), errno);
  }
  return error(K::Other, uri_, "cannot create a unique temporary file");
}

Status AtomicFile::truncate() {
  if (::ftruncate(fd_, 0) != 0 || ::lseek(fd_, 0, SEEK_SET) != 0) return errnoError(uri_, "truncate", errno);
  return std::nullopt;
}

// No fsync: the rename makes the write atomic for every reader and survives the writer's crash, which is what local
// storage (local runs, tests, the executor's process mode) needs; it does not survive a crash of the machine. An
// fsync per object cost 1 ms on an idle disk and 10-30 ms on a busy one, more than the rest of a task's run
// (bench/bench_task.py). flytekit's local storage (fsspec) does not sync either; in a cluster the commit point is
// the object store's PUT, durable when it returns.
Status AtomicFile::commit() {
  int fd = std::exchange(fd_, -1);
  if (::close(fd) != 0) return errnoError(uri_, "close", errno);
  if (::rename(tmp_.c_str(), path_.c_str()) != 0) return errnoError(uri_, "rename", errno);
  tmp_.clear();
  return std::nullopt;
}

}  // namespace detail

namespace {

using detail::AtomicFile;
using detail::Fd;
using detail::writeAll;

// Copies `from` to `to` atomically, streaming in fixed-size chunks.
Status copyFile(const std::string& from, std::string_view fromName, const std::string& to, std::string_view toName) {
  Fd in(::open(from.c_str(), O_RDONLY | O_CLOEXEC));
  if (in.fd < 0) return errnoError(fromName, "cannot open", errno);
  struct stat st{};
  if (::fstat(in.fd, &st) != 0) return errnoError(fromName, "stat", errno);
  if (S_ISDIR(st.st_mode)) return error(K::Invalid, fromName, "is a directory, not a file");
  AtomicFile out(to, std::string(toName));
  if (auto e = out.open()) return e;
  std::vector<char> buffer(1 << 20);
  for (;;) {
    ssize_t n = ::read(in.fd, buffer.data(), buffer.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return errnoError(fromName, "read", errno);
    }
    if (n == 0) break;
    if (auto e = writeAll(out.fd(), buffer.data(), static_cast<size_t>(n), toName)) return e;
  }
  return out.commit();
}

class LocalStorage final : public Storage {
 public:
  // A file:// URI or a plain path; the path of a file:// URI is taken verbatim (no percent-decoding).
  Result<std::string> pathOf(const std::string& uri) const {
    if (uri.empty()) return error(K::Invalid, "<empty URI>", "a path or URI is required");
    auto scheme = detail::schemeOf(uri);
    if (!scheme) return uri;
    if (*scheme != "file") return error(K::Invalid, uri, "not a local path or file:// URI");
    std::string rest = uri.substr(7);
    if (rest.rfind("localhost/", 0) == 0) rest.erase(0, 9);
    if (rest.empty() || rest[0] != '/') return error(K::Invalid, uri, "a file:// URI needs an absolute path");
    return rest;
  }

  Result<std::string> read(const std::string& uri) override {
    auto path = pathOf(uri);
    if (!path) return path.error();
    Fd in(::open(path->c_str(), O_RDONLY | O_CLOEXEC));
    if (in.fd < 0) return errnoError(uri, "cannot open", errno);
    struct stat st{};
    if (::fstat(in.fd, &st) != 0) return errnoError(uri, "stat", errno);
    if (S_ISDIR(st.st_mode)) return error(K::Invalid, uri, "is a directory, not a file");
    std::string out;
    if (st.st_size > 0) out.reserve(static_cast<size_t>(st.st_size));
    char buffer[1 << 16];
    for (;;) {
      ssize_t n = ::read(in.fd, buffer, sizeof buffer);
      if (n < 0) {
        if (errno == EINTR) continue;
        return errnoError(uri, "read", errno);
      }
      if (n == 0) break;
      out.append(buffer, static_cast<size_t>(n));
    }
    return out;
  }

  Status write(const std::string& uri, std::string_view bytes) override {
    auto path = pathOf(uri);
    if (!path) return path.error();
    AtomicFile out(*path, uri);
    if (auto e = out.open()) return e;
    if (auto e = writeAll(out.fd(), bytes.data(), bytes.size(), uri)) return e;
    return out.commit();
  }

  Status upload(const std::string& localPath, const std::string& uri) override {
    auto path = pathOf(uri);
    if (!path) return path.error();
    return copyFile(localPath, localPath, *path, uri);
  }

  Status download(const std::string& uri, const std::string& localPath) override {
    auto path = pathOf(uri);
    if (!path) return path.error();
    return copyFile(*path, uri, localPath, localPath);
  }

  Result<std::vector<std::string>> list(const std::string& prefix) override {
    auto path = pathOf(prefix);
    if (!path) return path.error();
    std::vector<std::string> out;
    std::error_code ec;
    if (!fs::is_directory(*path, ec)) return out;  // like an S3 prefix with no objects under it
    std::string base = *path;
    while (base.size() > 1 && base.back() == '/') base.pop_back();
    std::string uriBase = prefix.substr(0, prefix.size() - (path->size() - base.size()));
    for (fs::recursive_directory_iterator it(base, ec), end; !ec && it != end; it.increment(ec)) {
      std::error_code fileEc;
      if (!it->is_regular_file(fileEc)) continue;
      std::string rel = it->path().lexically_relative(base).generic_string();
      out.push_back(joinUri(uriBase, rel));
    }
    if (ec) return errnoError(prefix, "cannot list", ec.value());
    std::sort(out.begin(), out.end());
    return out;
  }

  Result<bool> exists(const std::string& uri) override {
    auto path = pathOf(uri);
    if (!path) return path.error();
    struct stat st{};
    if (::stat(path->c_str(), &st) == 0) return S_ISREG(st.st_mode);
    if (errno == ENOENT || errno == ENOTDIR) return false;
    return errnoError(uri, "stat", errno);
  }
};

}  // namespace

namespace detail {
std::unique_ptr<Storage> makeLocalStorage() { return std::make_unique<LocalStorage>(); }
}  // namespace detail

Result<std::unique_ptr<Storage>> storageFor(const std::string& uri) {
  return storageFor(uri, StorageOptions::fromEnvironment());
}

Result<std::unique_ptr<Storage>> storageFor(const std::string& uri, const StorageOptions& options) {
  if (uri.empty()) return error(K::Invalid, "<empty URI>", "a path or URI is required");
  auto scheme = detail::schemeOf(uri);
  if (!scheme || *scheme == "file") return detail::makeLocalStorage();
  if (*scheme == "s3") return detail::makeS3Storage(options);
  return error(K::Invalid, uri, "unsupported storage scheme '" + *scheme + "://' (supported: local paths, file://, s3://)");
}

}  // namespace flytecc::runtime
