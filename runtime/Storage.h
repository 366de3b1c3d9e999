// Object storage as the task runtime and the local executor see it: local paths, file://, s3:// (and gs://
// where supported). The runtime never links LLVM or Clang, so errors are values of this header's own types.
//
// Contract: every call either succeeds or returns a StorageError naming the URI; nothing throws. Writes are
// whole-object (a failed write leaves no object, or the previous one, behind). Transient failures (throttling,
// 5xx, connection resets) are retried with backoff inside the implementation before an error is returned.
#pragma once

#include <cstdint>
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

// URIs: a local path or file:///abs/path (the path taken verbatim, no percent-decoding); s3://bucket/key (the key
// as stored, any bytes: it is URL-encoded on the wire). Local writes go to a temporary file in the destination's
// directory renamed into place (parent directories are created): atomic for readers and when the writer crashes,
// but not fsynced (a crash of the machine may lose them); S3 objects appear whole by nature (multipart uploads are
// aborted on failure) and are durable once written. One Storage may be used from several threads; its calls are serialized.
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
  // The prefix names a directory (a trailing '/' is optional): "s3://b/d" lists s3://b/d/... but not s3://b/d2;
  // the listing is recursive; a prefix with nothing under it gives an empty list. URIs come back in the prefix's
  // form (plain path, file:// or s3://).
  virtual Result<std::vector<std::string>> list(const std::string& prefix) = 0;
  // Whether an object (a regular file, an S3 object: HEAD) exists; a directory is not an object.
  virtual Result<bool> exists(const std::string& uri) = 0;
};

// How transient failures are retried: attempt n (1-based) that failed transiently waits
// min(maxDelay, baseDelay * 2^(n-1)) scaled by a random factor in [0.5, 1] ("equal jitter") before attempt n+1.
struct RetryPolicy {
  int maxAttempts = 5;
  int baseDelayMs = 200;
  int maxDelayMs = 10'000;
};

// S3 (and S3-compatible) settings; StorageOptions::fromEnvironment() fills them from the environment.
struct S3Options {
  std::string endpoint;  // "https://s3.example.com", "127.0.0.1:9000" (no scheme: http for loopback, else https)
  std::string region;    // signing region; "us-east-1" when none is configured
  std::string accessKeyId, secretAccessKey, sessionToken;  // static credentials (all empty: web identity or anonymous)
  std::string roleArn, webIdentityTokenFile, roleSessionName;  // EKS web identity (STS AssumeRoleWithWebIdentity)
  std::string stsEndpoint;  // default https://sts.<region>.amazonaws.com
  enum class Addressing { Auto, Path, VirtualHost };
  // Auto: virtual-host style against AWS (bucket names without '.'), path style against custom endpoints.
  Addressing addressing = Addressing::Auto;
  std::uint64_t multipartThreshold = 64ull << 20;  // uploads larger than this go in parts
  std::uint64_t partSize = 16ull << 20;            // at least 5 MiB for AWS (except the last part)
  int listPageSize = 1000;                         // max-keys per ListObjectsV2 page
  long connectTimeoutMs = 10'000;
  long lowSpeedTimeS = 60;  // abort a transfer slower than 1 byte/s for this long (then retried)
};

struct StorageOptions {
  RetryPolicy retry;
  S3Options s3;
  // FLYTE_AWS_ENDPOINT / AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL, FLYTE_AWS_ACCESS_KEY_ID / AWS_ACCESS_KEY_ID,
  // FLYTE_AWS_SECRET_ACCESS_KEY / AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_REGION / AWS_DEFAULT_REGION,
  // AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_SESSION_NAME (web identity via the regional STS endpoint).
  // No credentials at all: anonymous (unsigned) requests.
  static StorageOptions fromEnvironment();
};

// A Storage for the URI's scheme (local path, file://, s3://, gs://), configured from the environment
// (FLYTE_AWS_*, AWS_*, web identity); an unsupported scheme is an Invalid error. The returned Storage serves URIs
// of that scheme only (others are Invalid errors); local paths given to upload()/download() are always local.
Result<std::unique_ptr<Storage>> storageFor(const std::string& uri);
Result<std::unique_ptr<Storage>> storageFor(const std::string& uri, const StorageOptions& options);

// Joins a prefix and a relative name with exactly one '/'.
std::string joinUri(std::string_view prefix, std::string_view name);

}  // namespace flytecc::runtime
