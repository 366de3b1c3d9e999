// Object storage as the task runtime and the local executor see it: local paths, file://, s3:// (and gs://
// where supported). The runtime never links LLVM or Clang, so errors are values of this header's own types.
//
// Contract: every call either succeeds or returns a StorageError naming the URI; nothing throws. Writes are
// whole-object (a failed write leaves no object, or the previous one, behind). Transient failures (throttling,
// 5xx, connection resets) are retried with backoff inside the implementation before an error is returned.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace flytecc::runtime {

struct StorageError {
  enum class Kind { NotFound, Unreachable, Denied, Invalid, Other };
  Kind kind = Kind::Other;
  std::string message;  // names the URI and the cause, e.g. "s3://b/k: HTTP 503 after 5 attempts"
};

template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(StorageError error) : v_(std::move(error)) {}
  explicit operator bool() const { return v_.index() == 0; }
  T& operator*() { return std::get<0>(v_); }
  const T& operator*() const { return std::get<0>(v_); }
  T* operator->() { return &std::get<0>(v_); }
  const StorageError& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, StorageError> v_;
};

// No value: success is std::nullopt.
using Status = std::optional<StorageError>;

class Storage {
 public:
  virtual ~Storage() = default;
  // Whole small objects (inputs.pb, outputs.pb, error.pb, offloaded literals).
  virtual Result<std::string> read(const std::string& uri) = 0;
  virtual Status write(const std::string& uri, std::string_view bytes) = 0;
  // Blobs, streamed: a file larger than memory works; large uploads go in parts.
  virtual Status upload(const std::string& localPath, const std::string& uri) = 0;
  virtual Status download(const std::string& uri, const std::string& localPath) = 0;
  // Object URIs under a prefix (multipart blobs / directories), sorted.
  virtual Result<std::vector<std::string>> list(const std::string& prefix) = 0;
  virtual Result<bool> exists(const std::string& uri) = 0;
};

// A Storage for the URI's scheme (local path, file://, s3://, gs://), configured from the environment
// (FLYTE_AWS_*, AWS_*, web identity); an unsupported scheme is an Invalid error.
Result<std::unique_ptr<Storage>> storageFor(const std::string& uri);

// Joins a prefix and a relative name with exactly one '/'.
std::string joinUri(std::string_view prefix, std::string_view name);

}  // namespace flytecc::runtime
