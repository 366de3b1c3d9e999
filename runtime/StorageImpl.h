// Internals shared by the Storage implementations (not part of the runtime's interface; tests may use them).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>

#include "runtime/Storage.h"

namespace flytecc::runtime::detail {

// The lower-cased scheme of "scheme://...", or nullopt for a plain path.
std::optional<std::string> schemeOf(std::string_view uri);
StorageError error(StorageError::Kind kind, std::string_view uri, std::string_view cause);
StorageError errnoError(std::string_view uri, std::string_view what, int err);
Status writeAll(int fd, const char* data, size_t size, std::string_view uri);

// Closes a descriptor on scope exit.
struct Fd {
  int fd = -1;
  explicit Fd(int f) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd();
};

// Writes a file atomically: the bytes go to a temporary file next to `path`, which is renamed over `path` by
// commit(). Parent directories are created by open(). Unless committed, the destructor removes the temporary file,
// so `path` is either the complete new file or untouched. Atomic, not durable: nothing is fsynced, so a crash of the
// machine (not of the process) may lose a committed file or leave it empty.
class AtomicFile {
 public:
  AtomicFile(std::string path, std::string uri) : path_(std::move(path)), uri_(std::move(uri)) {}
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();
  Status open();
  int fd() const { return fd_; }
  Status truncate();  // back to empty (a retried download starts over)
  Status commit();

 private:
  std::string path_, uri_, tmp_;
  int fd_ = -1;
};

std::unique_ptr<Storage> makeLocalStorage();
Result<std::unique_ptr<Storage>> makeS3Storage(const StorageOptions& options);

// --- S3 pieces, exposed for unit tests ---

// AWS URI encoding: every byte except A-Z a-z 0-9 - _ . ~ (and '/' when keepSlash) becomes %XX (upper-case hex).
std::string awsEncode(std::string_view s, bool keepSlash);
std::string percentDecode(std::string_view s);

struct S3Endpoint {
  std::string scheme;  // "http" or "https"
  std::string host;    // host[:port]
};
// An endpoint with or without a scheme; without one, loopback hosts (localhost, *.localhost, 127.x, [::1]) get
// http and others https. Empty: AWS's regional endpoint.
Result<S3Endpoint> parseEndpoint(const S3Options& options);
bool useVirtualHost(const S3Options& options, std::string_view bucket);
// The request URL of an object (key may be empty: the bucket itself); `query` is already canonical.
std::string s3Url(const S3Endpoint& endpoint, bool virtualHost, std::string_view bucket, std::string_view key,
                  std::string_view query);
// Query parameters sorted by name, names and values AWS-encoded: the canonical form SigV4 signs.
std::string canonicalQuery(std::vector<std::pair<std::string, std::string>> params);

// Retry policy: whether an attempt's outcome is transient, and how long to wait before the next attempt.
// httpStatus is 0 when the transfer failed before a response (curlCode != 0).
bool isTransient(long httpStatus, int curlCode, std::string_view s3ErrorCode);
long backoffMs(int failedAttempt, const RetryPolicy& policy, std::mt19937_64& rng);

struct AwsCredentials {
  std::string accessKeyId, secretAccessKey, sessionToken;
  std::int64_t expiresAtEpochS = 0;  // 0: never
};
// Parses an STS AssumeRoleWithWebIdentity response (XML).
Result<AwsCredentials> parseAssumeRoleResponse(std::string_view xml);
// "2026-01-02T03:04:05Z" (fractional seconds allowed) as seconds since the epoch.
std::optional<std::int64_t> parseIso8601(std::string_view s);

}  // namespace flytecc::runtime::detail
