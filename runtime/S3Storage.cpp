// s3:// storage over libcurl: requests are signed by libcurl's SigV4 (CURLOPT_AWS_SIGV4), bodies streamed through
// read/write callbacks, large uploads sent as multipart uploads, S3 XML parsed with libxml2.
//
// libcurl and libxml2 are not linked: they are loaded (dlopen) when the first s3:// Storage is made, so a task on
// local storage does not load them and their dependency closure at process start (docs/task-contract.md, "Cost per
// run"). Their sonames are recorded in the executable's .note.dlopen (the FDO "ELF dlopen metadata" note), where
// scripts/flytecc-task-image.sh finds them to copy into the image.
//
// libcurl 7.88 signs the canonical query as given and takes the payload hash from the x-amz-content-sha256 header,
// so every request carries that header (UNSIGNED-PAYLOAD) and a query already in canonical (sorted, encoded) form.
// The functions are called through pointers (S3Libraries), not curl.h's type-checking macros.
#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <cstdint>
#include <fstream>
#include <mutex>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "runtime/StorageImpl.h"

#ifndef FLYTECC_LIBCURL_SONAME
#define FLYTECC_LIBCURL_SONAME "libcurl.so.4"
#endif
#ifndef FLYTECC_LIBXML2_SONAME
#define FLYTECC_LIBXML2_SONAME "libxml2.so.2"
#endif

namespace flytecc::runtime::detail {

namespace {

using K = StorageError::Kind;

// The ELF note (type 0x407c0c0a, owner "FDO") naming the libraries this file loads with dlopen; see
// https://systemd.io/ELF_DLOPEN_METADATA/. `ldd` cannot see them; the image script reads this note.
#define FLYTECC_DLOPEN_JSON                                                                                         \
  "[{\"feature\":\"s3\",\"description\":\"s3:// storage (HTTP client, S3 XML)\",\"priority\":\"recommended\","  \
  "\"soname\":[\"" FLYTECC_LIBCURL_SONAME "\",\"" FLYTECC_LIBXML2_SONAME "\"]}]"
struct DlopenNote {
  std::uint32_t nameSize, descSize, type;
  char name[4];
  char desc[(sizeof(FLYTECC_DLOPEN_JSON) + 3) / 4 * 4];
};
[[gnu::used, gnu::section(".note.dlopen"), gnu::aligned(4)]] const DlopenNote dlopenNote = {
    4, sizeof(FLYTECC_DLOPEN_JSON), 0x407c0c0a, "FDO", FLYTECC_DLOPEN_JSON};

// The libcurl and libxml2 functions S3Storage uses, resolved once from the libraries loaded on first use.
struct S3Libraries {
  CURLcode (*curl_global_init)(long);
  CURL* (*curl_easy_init)();
  void (*curl_easy_cleanup)(CURL*);
  void (*curl_easy_reset)(CURL*);
  CURLcode (*curl_easy_setopt)(CURL*, CURLoption, ...);
  CURLcode (*curl_easy_perform)(CURL*);
  CURLcode (*curl_easy_getinfo)(CURL*, CURLINFO, ...);
  const char* (*curl_easy_strerror)(CURLcode);
  curl_slist* (*curl_slist_append)(curl_slist*, const char*);
  void (*curl_slist_free_all)(curl_slist*);
  void (*xmlInitParser)();
  xmlDocPtr (*xmlReadMemory)(const char*, int, const char*, const char*, int);
  void (*xmlFreeDoc)(xmlDocPtr);
  xmlNodePtr (*xmlDocGetRootElement)(const xmlDoc*);
  xmlBufferPtr (*xmlBufferCreate)();
  int (*xmlNodeBufGetContent)(xmlBufferPtr, const xmlNode*);
  const xmlChar* (*xmlBufferContent)(const xmlBuffer*);
  void (*xmlBufferFree)(xmlBufferPtr);
};

// Loads both libraries and resolves every function, once per process (the handles are never closed). An error names
// the library and the loader's reason: "s3:// needs libcurl: libcurl.so.4: cannot open shared object file: ...".
Result<const S3Libraries*> s3Libraries() {
  static const Result<const S3Libraries*> loaded = []() -> Result<const S3Libraries*> {
    static S3Libraries libs;
    void* handle = nullptr;
    std::string missing;
    auto open = [&](const char* soname, const char* what) {
      ::dlerror();
      handle = ::dlopen(soname, RTLD_NOW | RTLD_LOCAL);
      if (!handle) {
        const char* why = ::dlerror();
        missing = std::string("s3:// needs ") + what + ": " + (why ? why : soname);
      }
      return handle != nullptr;
    };
    auto resolve = [&](auto& fn, const char* symbol, const char* what) {
      if (!missing.empty()) return;
      ::dlerror();
      void* address = ::dlsym(handle, symbol);
      if (!address) {
        const char* why = ::dlerror();
        missing = std::string("s3:// needs ") + what + ": " + (why ? why : symbol);
        return;
      }
      fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(address);
    };
#define FLYTECC_RESOLVE(name, what) resolve(libs.name, #name, what)
    if (open(FLYTECC_LIBCURL_SONAME, "libcurl")) {
      FLYTECC_RESOLVE(curl_global_init, "libcurl");
      FLYTECC_RESOLVE(curl_easy_init, "libcurl");
      FLYTECC_RESOLVE(curl_easy_cleanup, "libcurl");
      FLYTECC_RESOLVE(curl_easy_reset, "libcurl");
      FLYTECC_RESOLVE(curl_easy_setopt, "libcurl");
      FLYTECC_RESOLVE(curl_easy_perform, "libcurl");
      FLYTECC_RESOLVE(curl_easy_getinfo, "libcurl");
      FLYTECC_RESOLVE(curl_easy_strerror, "libcurl");
      FLYTECC_RESOLVE(curl_slist_append, "libcurl");
      FLYTECC_RESOLVE(curl_slist_free_all, "libcurl");
    }
    if (missing.empty() && open(FLYTECC_LIBXML2_SONAME, "libxml2")) {
      FLYTECC_RESOLVE(xmlInitParser, "libxml2");
      FLYTECC_RESOLVE(xmlReadMemory, "libxml2");
      FLYTECC_RESOLVE(xmlFreeDoc, "libxml2");
      FLYTECC_RESOLVE(xmlDocGetRootElement, "libxml2");
      FLYTECC_RESOLVE(xmlBufferCreate, "libxml2");
      FLYTECC_RESOLVE(xmlNodeBufGetContent, "libxml2");
      FLYTECC_RESOLVE(xmlBufferContent, "libxml2");
      FLYTECC_RESOLVE(xmlBufferFree, "libxml2");
    }
#undef FLYTECC_RESOLVE
    if (!missing.empty()) return StorageError{K::Other, missing};
    // Both are initialized here, once, before any thread can use them (neither init is thread-safe).
    if (CURLcode rc = libs.curl_global_init(CURL_GLOBAL_DEFAULT); rc != CURLE_OK) {
      return StorageError{K::Other, std::string("s3:// needs libcurl: curl_global_init: ") + libs.curl_easy_strerror(rc)};
    }
    libs.xmlInitParser();
    return &libs;
  }();
  return loaded;
}

bool isLoopbackHost(std::string_view host) {
  // host may carry a port; [::1]:9000 keeps its brackets.
  if (host.rfind("[::1]", 0) == 0) return true;
  auto colon = host.find(':');
  std::string_view name = host.substr(0, colon);
  if (name == "localhost" || name.rfind("127.", 0) == 0) return true;
  return name.size() > 10 && name.substr(name.size() - 10) == ".localhost";
}

// All elements named `name` (local name) in document order; their text content.
void collectTexts(const S3Libraries& api, xmlNode* node, const char* name, std::vector<std::string>& out) {
  for (; node; node = node->next) {
    if (node->type == XML_ELEMENT_NODE) {
      if (std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0) {
        xmlBufferPtr text = api.xmlBufferCreate();
        if (text && api.xmlNodeBufGetContent(text, node) == 0) {
          out.emplace_back(reinterpret_cast<const char*>(api.xmlBufferContent(text)));
        } else {
          out.emplace_back();
        }
        if (text) api.xmlBufferFree(text);
      }
      collectTexts(api, node->children, name, out);
    }
  }
}

struct XmlDoc {
  const S3Libraries& api;
  xmlDocPtr doc = nullptr;
  XmlDoc(const S3Libraries& libs, std::string_view text) : api(libs) {
    if (!text.empty()) {
      doc = api.xmlReadMemory(text.data(), static_cast<int>(text.size()), "s3.xml", nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    }
  }
  XmlDoc(const XmlDoc&) = delete;
  XmlDoc& operator=(const XmlDoc&) = delete;
  ~XmlDoc() {
    if (doc) api.xmlFreeDoc(doc);
  }
  explicit operator bool() const { return doc != nullptr; }
  std::vector<std::string> all(const char* name) const {
    std::vector<std::string> out;
    if (doc) collectTexts(api, api.xmlDocGetRootElement(doc), name, out);
    return out;
  }
  std::string first(const char* name) const {
    auto v = all(name);
    return v.empty() ? std::string() : v.front();
  }
  std::string rootName() const {
    xmlNode* root = doc ? api.xmlDocGetRootElement(doc) : nullptr;
    return root ? reinterpret_cast<const char*>(root->name) : "";
  }
};

}  // namespace

std::string awsEncode(std::string_view s, bool keepSlash) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/')) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string percentDecode(std::string_view s) {
  auto val = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && val(s[i + 1]) >= 0 && val(s[i + 2]) >= 0) {
      out += static_cast<char>(val(s[i + 1]) * 16 + val(s[i + 2]));
      i += 2;
    } else if (s[i] == '+') {
      out += ' ';  // S3's encoding-type=url encodes spaces as '+'
    } else {
      out += s[i];
    }
  }
  return out;
}

Result<S3Endpoint> parseEndpoint(const S3Options& options) {
  S3Endpoint ep;
  std::string e = options.endpoint;
  if (e.empty()) {
    ep.scheme = "https";
    ep.host = "s3." + (options.region.empty() ? std::string("us-east-1") : options.region) + ".amazonaws.com";
    return ep;
  }
  auto pos = e.find("://");
  std::string rest = e;
  if (pos != std::string::npos) {
    ep.scheme = e.substr(0, pos);
    std::transform(ep.scheme.begin(), ep.scheme.end(), ep.scheme.begin(), [](unsigned char c) { return std::tolower(c); });
    rest = e.substr(pos + 3);
    if (ep.scheme != "http" && ep.scheme != "https") {
      return error(K::Invalid, e, "the S3 endpoint must be http:// or https://");
    }
  }
  while (!rest.empty() && rest.back() == '/') rest.pop_back();
  if (rest.empty() || rest.find('/') != std::string::npos) {
    return error(K::Invalid, e, "the S3 endpoint must be a host[:port] (no path)");
  }
  ep.host = rest;
  if (ep.scheme.empty()) ep.scheme = isLoopbackHost(rest) ? "http" : "https";
  return ep;
}

bool useVirtualHost(const S3Options& options, std::string_view bucket) {
  switch (options.addressing) {
    case S3Options::Addressing::Path: return false;
    case S3Options::Addressing::VirtualHost: return true;
    case S3Options::Addressing::Auto: break;
  }
  // AWS prefers virtual-host style; a bucket with dots breaks its TLS wildcard certificate, so those go path style.
  return options.endpoint.empty() && bucket.find('.') == std::string_view::npos;
}

std::string s3Url(const S3Endpoint& endpoint, bool virtualHost, std::string_view bucket, std::string_view key,
                  std::string_view query) {
  std::string url = endpoint.scheme + "://";
  if (virtualHost) {
    url += std::string(bucket) + "." + endpoint.host + "/" + awsEncode(key, true);
  } else {
    url += endpoint.host + "/" + std::string(bucket);
    if (!key.empty()) url += "/" + awsEncode(key, true);
  }
  if (!query.empty()) url += "?" + std::string(query);
  return url;
}

std::string canonicalQuery(std::vector<std::pair<std::string, std::string>> params) {
  for (auto& [k, v] : params) {
    k = awsEncode(k, false);
    v = awsEncode(v, false);
  }
  std::sort(params.begin(), params.end());
  std::string out;
  for (auto& [k, v] : params) {
    if (!out.empty()) out += '&';
    out += k + "=" + v;
  }
  return out;
}

bool isTransient(long httpStatus, int curlCode, std::string_view s3ErrorCode) {
  if (httpStatus == 0) {
    switch (static_cast<CURLcode>(curlCode)) {
      case CURLE_COULDNT_RESOLVE_HOST:
      case CURLE_COULDNT_RESOLVE_PROXY:
      case CURLE_COULDNT_CONNECT:
      case CURLE_OPERATION_TIMEDOUT:
      case CURLE_SEND_ERROR:
      case CURLE_RECV_ERROR:
      case CURLE_GOT_NOTHING:
      case CURLE_PARTIAL_FILE:
      case CURLE_HTTP2:
      case CURLE_HTTP2_STREAM:
      case CURLE_SSL_CONNECT_ERROR: return true;
      default: return false;
    }
  }
  if (httpStatus == 429 || httpStatus >= 500) return true;  // throttling (429, 503 SlowDown) and server errors
  return s3ErrorCode == "RequestTimeout" || s3ErrorCode == "SlowDown" || s3ErrorCode == "RequestTimeTooSkewed";
}

long backoffMs(int failedAttempt, const RetryPolicy& policy, std::mt19937_64& rng) {
  double cap = policy.baseDelayMs;
  for (int i = 1; i < failedAttempt && cap < policy.maxDelayMs; ++i) cap *= 2;
  cap = std::min<double>(cap, policy.maxDelayMs);
  std::uniform_real_distribution<double> jitter(0.5, 1.0);
  return static_cast<long>(cap * jitter(rng));
}

std::optional<std::int64_t> parseIso8601(std::string_view s) {
  std::tm tm{};
  int y, mo, d, h, mi, sec;
  std::string str(s);
  if (std::sscanf(str.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec) != 6) return std::nullopt;
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = sec;
  return static_cast<std::int64_t>(::timegm(&tm));
}

Result<AwsCredentials> parseAssumeRoleResponse(std::string_view xml) {
  auto api = s3Libraries();
  if (!api) return api.error();
  XmlDoc doc(**api, xml);
  if (!doc) return error(K::Other, "sts", "the STS response is not XML");
  if (doc.rootName() == "ErrorResponse" || doc.rootName() == "Error") {
    return error(K::Denied, "sts", "AssumeRoleWithWebIdentity: " + doc.first("Code") + ": " + doc.first("Message"));
  }
  AwsCredentials c;
  c.accessKeyId = doc.first("AccessKeyId");
  c.secretAccessKey = doc.first("SecretAccessKey");
  c.sessionToken = doc.first("SessionToken");
  auto expiry = parseIso8601(doc.first("Expiration"));
  if (c.accessKeyId.empty() || c.secretAccessKey.empty() || !expiry) {
    return error(K::Other, "sts", "the AssumeRoleWithWebIdentity response has no complete credentials");
  }
  c.expiresAtEpochS = *expiry;
  return c;
}

namespace {

// Where a request's body comes from: nothing, memory, or a range of a file.
struct Body {
  std::string_view memory;
  int fd = -1;
  std::uint64_t offset = 0, size = 0;
  std::uint64_t sent = 0;
  bool isFile() const { return fd >= 0; }
  std::uint64_t length() const { return isFile() ? size : memory.size(); }
};

size_t readBody(char* buffer, size_t size, size_t nitems, void* user) {
  auto* b = static_cast<Body*>(user);
  size_t want = static_cast<size_t>(std::min<std::uint64_t>(size * nitems, b->length() - b->sent));
  if (want == 0) return 0;
  if (!b->isFile()) {
    std::memcpy(buffer, b->memory.data() + b->sent, want);
    b->sent += want;
    return want;
  }
  for (;;) {
    ssize_t n = ::pread(b->fd, buffer, want, static_cast<off_t>(b->offset + b->sent));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return CURL_READFUNC_ABORT;  // the file shrank or failed: the request fails
    b->sent += static_cast<std::uint64_t>(n);
    return static_cast<size_t>(n);
  }
}

// Where the response body goes: memory, or a file (successful responses only; error bodies go to memory).
struct Sink {
  const S3Libraries* api = nullptr;
  CURL* curl = nullptr;
  int fd = -1;
  std::string memory;
  bool writeFailed = false;
};

size_t writeBody(char* data, size_t size, size_t nmemb, void* user) {
  auto* s = static_cast<Sink*>(user);
  size_t n = size * nmemb;
  long status = 0;
  s->api->curl_easy_getinfo(s->curl, CURLINFO_RESPONSE_CODE, &status);
  if (s->fd >= 0 && status >= 200 && status < 300) {
    if (writeAll(s->fd, data, n, "")) {
      s->writeFailed = true;
      return 0;
    }
    return n;
  }
  if (s->memory.size() < (1u << 20)) s->memory.append(data, n);  // error documents are small; cap anyway
  return n;
}

size_t headerLine(char* data, size_t size, size_t nitems, void* user) {
  auto* etag = static_cast<std::string*>(user);
  std::string_view line(data, size * nitems);
  if (line.size() > 5 && strncasecmp(line.data(), "etag:", 5) == 0) {
    line.remove_prefix(5);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n' || line.back() == ' ')) line.remove_suffix(1);
    *etag = std::string(line);
  }
  return size * nitems;
}

struct Request {
  const char* method = "GET";
  std::string bucket, key, query;  // query in canonical form
  Body body;
  bool hasBody = false;
  int sinkFd = -1;
  AtomicFile* sinkFile = nullptr;  // truncated before a retry
  std::string contentType;
};

struct Response {
  long status = 0;
  std::string body;  // the body unless streamed to a file
  std::string etag;
};

class S3Storage final : public Storage {
 public:
  S3Storage(const S3Libraries& api, StorageOptions options, S3Endpoint endpoint)
      : api_(api), options_(std::move(options)), endpoint_(std::move(endpoint)), rng_(std::random_device{}()) {
    curl_ = api_.curl_easy_init();
    region_ = options_.s3.region.empty() ? "us-east-1" : options_.s3.region;
  }
  ~S3Storage() override {
    if (curl_) api_.curl_easy_cleanup(curl_);
  }

  Result<std::string> read(const std::string& uri) override {
    auto loc = locate(uri, true);
    if (!loc) return loc.error();
    Request req;
    req.bucket = loc->first;
    req.key = loc->second;
    auto r = perform(uri, req);
    if (!r) return r.error();
    return std::move(r->body);
  }

  Status write(const std::string& uri, std::string_view bytes) override {
    auto loc = locate(uri, true);
    if (!loc) return loc.error();
    Request req;
    req.method = "PUT";
    req.bucket = loc->first;
    req.key = loc->second;
    req.hasBody = true;
    req.body.memory = bytes;
    auto r = perform(uri, req);
    if (!r) return r.error();
    return std::nullopt;
  }

  Status upload(const std::string& localPath, const std::string& uri) override {
    auto loc = locate(uri, true);
    if (!loc) return loc.error();
    Fd in(::open(localPath.c_str(), O_RDONLY | O_CLOEXEC));
    if (in.fd < 0) return errnoError(localPath, "cannot open", errno);
    struct stat st{};
    if (::fstat(in.fd, &st) != 0) return errnoError(localPath, "stat", errno);
    if (!S_ISREG(st.st_mode)) return error(K::Invalid, localPath, "is not a regular file");
    auto size = static_cast<std::uint64_t>(st.st_size);
    if (size <= options_.s3.multipartThreshold) {
      Request req;
      req.method = "PUT";
      req.bucket = loc->first;
      req.key = loc->second;
      req.hasBody = true;
      req.body.fd = in.fd;
      req.body.size = size;
      auto r = perform(uri, req);
      if (!r) return r.error();
      return std::nullopt;
    }
    return multipartUpload(uri, loc->first, loc->second, in.fd, size);
  }

  Status download(const std::string& uri, const std::string& localPath) override {
    auto loc = locate(uri, true);
    if (!loc) return loc.error();
    AtomicFile out(localPath, localPath);
    if (auto e = out.open()) return e;
    Request req;
    req.bucket = loc->first;
    req.key = loc->second;
    req.sinkFd = out.fd();
    req.sinkFile = &out;
    auto r = perform(uri, req);
    if (!r) return r.error();
    return out.commit();
  }

  Result<std::vector<std::string>> list(const std::string& prefix) override {
    auto loc = locate(prefix, false);
    if (!loc) return loc.error();
    std::string keyPrefix = loc->second;
    if (!keyPrefix.empty() && keyPrefix.back() != '/') keyPrefix += '/';  // a prefix names a directory
    std::vector<std::string> out;
    std::string token;
    for (;;) {
      std::vector<std::pair<std::string, std::string>> params = {
          {"list-type", "2"}, {"encoding-type", "url"}, {"max-keys", std::to_string(options_.s3.listPageSize)}};
      if (!keyPrefix.empty()) params.emplace_back("prefix", keyPrefix);
      if (!token.empty()) params.emplace_back("continuation-token", token);
      Request req;
      req.bucket = loc->first;
      req.query = canonicalQuery(std::move(params));
      auto r = perform(prefix, req);
      if (!r) return r.error();
      XmlDoc doc(api_, r->body);
      if (!doc || doc.rootName() != "ListBucketResult") {
        return error(K::Other, prefix, "the ListObjectsV2 response is not a ListBucketResult");
      }
      bool urlEncoded = doc.first("EncodingType") == "url";
      for (auto& key : doc.all("Key")) {
        out.push_back("s3://" + loc->first + "/" + (urlEncoded ? percentDecode(key) : key));
      }
      if (doc.first("IsTruncated") != "true") break;
      std::string next = doc.first("NextContinuationToken");
      if (next.empty() || next == token) {
        return error(K::Other, prefix, "ListObjectsV2 is truncated but gives no new continuation token");
      }
      token = std::move(next);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  Result<bool> exists(const std::string& uri) override {
    auto loc = locate(uri, true);
    if (!loc) return loc.error();
    Request req;
    req.method = "HEAD";
    req.bucket = loc->first;
    req.key = loc->second;
    auto r = perform(uri, req, /*notFoundIsError=*/false);
    if (!r) return r.error();
    return r->status != 404;
  }

 private:
  // s3://bucket/key -> (bucket, key).
  Result<std::pair<std::string, std::string>> locate(const std::string& uri, bool needKey) const {
    auto scheme = schemeOf(uri);
    if (!scheme || *scheme != "s3") return error(K::Invalid, uri, "not an s3:// URI");
    std::string rest = uri.substr(5);
    auto slash = rest.find('/');
    std::string bucket = rest.substr(0, slash);
    std::string key = slash == std::string::npos ? "" : rest.substr(slash + 1);
    if (bucket.empty()) return error(K::Invalid, uri, "an s3:// URI needs a bucket");
    if (needKey && (key.empty() || key.back() == '/')) return error(K::Invalid, uri, "an s3:// URI needs an object key");
    return std::make_pair(bucket, key);
  }

  // Credentials for the next request: static ones, or web-identity ones (refreshed 5 minutes before they expire).
  Result<AwsCredentials> credentials(const std::string& uri) {
    const S3Options& o = options_.s3;
    if (!o.accessKeyId.empty()) return AwsCredentials{o.accessKeyId, o.secretAccessKey, o.sessionToken, 0};
    if (o.roleArn.empty() || o.webIdentityTokenFile.empty()) return AwsCredentials{};  // anonymous
    auto now = static_cast<std::int64_t>(std::time(nullptr));
    if (!cached_.accessKeyId.empty() && now < cached_.expiresAtEpochS - 300) return cached_;
    std::ifstream tokenFile(o.webIdentityTokenFile);
    std::string token((std::istreambuf_iterator<char>(tokenFile)), {});
    while (!token.empty() && std::isspace(static_cast<unsigned char>(token.back()))) token.pop_back();
    if (token.empty()) {
      return error(K::Denied, uri, "cannot read the web identity token file " + o.webIdentityTokenFile);
    }
    std::string sts = o.stsEndpoint.empty() ? "https://sts." + region_ + ".amazonaws.com" : o.stsEndpoint;
    if (sts.find("://") == std::string::npos) sts = (isLoopbackHost(sts) ? "http://" : "https://") + sts;
    std::string session = o.roleSessionName.empty() ? "flytecc-" + std::to_string(now) : o.roleSessionName;
    std::string body = canonicalQuery({{"Action", "AssumeRoleWithWebIdentity"},
                                       {"RoleArn", o.roleArn},
                                       {"RoleSessionName", session},
                                       {"Version", "2011-06-15"},
                                       {"WebIdentityToken", token}});
    std::string lastError;
    for (int attempt = 1;; ++attempt) {
      Sink sink;
      sink.api = &api_;
      sink.curl = curl_;
      api_.curl_easy_reset(curl_);
      api_.curl_easy_setopt(curl_, CURLOPT_URL, (sts + "/").c_str());
      api_.curl_easy_setopt(curl_, CURLOPT_POSTFIELDS, body.c_str());
      api_.curl_easy_setopt(curl_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
      api_.curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, writeBody);
      api_.curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &sink);
      api_.curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT_MS, options_.s3.connectTimeoutMs);
      api_.curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
      CURLcode rc = api_.curl_easy_perform(curl_);
      long status = 0;
      api_.curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &status);
      if (rc == CURLE_OK && status == 200) {
        auto creds = parseAssumeRoleResponse(sink.memory);
        if (!creds) return error(creds.error().kind, uri, creds.error().message);
        cached_ = *creds;
        return cached_;
      }
      lastError = rc != CURLE_OK ? api_.curl_easy_strerror(rc) : "HTTP " + std::to_string(status);
      if (!isTransient(rc == CURLE_OK ? status : 0, rc, "") || attempt >= options_.retry.maxAttempts) {
        XmlDoc doc(api_, sink.memory);
        std::string detail = doc ? " (" + doc.first("Code") + ": " + doc.first("Message") + ")" : "";
        K kind = rc != CURLE_OK ? K::Unreachable : (status == 400 || status == 403 ? K::Denied : K::Other);
        return error(kind, uri,
                     "STS AssumeRoleWithWebIdentity at " + sts + ": " + lastError + detail + " after " +
                         std::to_string(attempt) + " attempt" + (attempt == 1 ? "" : "s"));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(backoffMs(attempt, options_.retry, rng_)));
    }
  }

  // One S3 request with retries. A non-2xx status is an error, except 404 when !notFoundIsError.
  Result<Response> perform(const std::string& uri, Request& req, bool notFoundIsError = true) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto creds = credentials(uri);
    if (!creds) return creds.error();
    std::string url = s3Url(endpoint_, useVirtualHost(options_.s3, req.bucket), req.bucket, req.key, req.query);
    for (int attempt = 1;; ++attempt) {
      if (attempt > 1 && req.sinkFile) {
        if (auto e = req.sinkFile->truncate()) return *e;
      }
      req.body.sent = 0;
      Sink sink;
      sink.api = &api_;
      sink.curl = curl_;
      sink.fd = req.sinkFd;
      Response resp;
      api_.curl_easy_reset(curl_);
      curl_slist* headers = nullptr;
      headers = api_.curl_slist_append(headers, "x-amz-content-sha256: UNSIGNED-PAYLOAD");
      if (!creds->sessionToken.empty()) {
        headers = api_.curl_slist_append(headers, ("x-amz-security-token: " + creds->sessionToken).c_str());
      }
      if (!req.contentType.empty()) headers = api_.curl_slist_append(headers, ("Content-Type: " + req.contentType).c_str());
      // No "Expect:" override: libcurl 7.88 would sign the suppressed (unsent) header and the signature would fail.
      api_.curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
      api_.curl_easy_setopt(curl_, CURLOPT_PATH_AS_IS, 1L);
      api_.curl_easy_setopt(curl_, CURLOPT_NOSIGNAL, 1L);
      api_.curl_easy_setopt(curl_, CURLOPT_CONNECTTIMEOUT_MS, options_.s3.connectTimeoutMs);
      api_.curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_LIMIT, 1L);
      api_.curl_easy_setopt(curl_, CURLOPT_LOW_SPEED_TIME, options_.s3.lowSpeedTimeS);
      api_.curl_easy_setopt(curl_, CURLOPT_HTTPHEADER, headers);
      api_.curl_easy_setopt(curl_, CURLOPT_WRITEFUNCTION, writeBody);
      api_.curl_easy_setopt(curl_, CURLOPT_WRITEDATA, &sink);
      api_.curl_easy_setopt(curl_, CURLOPT_HEADERFUNCTION, headerLine);
      api_.curl_easy_setopt(curl_, CURLOPT_HEADERDATA, &resp.etag);
      if (!creds->accessKeyId.empty()) {
        std::string sigv4 = "aws:amz:" + region_ + ":s3";
        api_.curl_easy_setopt(curl_, CURLOPT_AWS_SIGV4, sigv4.c_str());
        api_.curl_easy_setopt(curl_, CURLOPT_USERNAME, creds->accessKeyId.c_str());
        api_.curl_easy_setopt(curl_, CURLOPT_PASSWORD, creds->secretAccessKey.c_str());
      }
      std::string_view method = req.method;
      if (method == "HEAD") {
        api_.curl_easy_setopt(curl_, CURLOPT_NOBODY, 1L);
      } else if (method == "PUT" || method == "POST") {
        if (method == "PUT") {
          api_.curl_easy_setopt(curl_, CURLOPT_UPLOAD, 1L);
        } else {
          api_.curl_easy_setopt(curl_, CURLOPT_POST, 1L);
        }
        api_.curl_easy_setopt(curl_, CURLOPT_READFUNCTION, readBody);
        api_.curl_easy_setopt(curl_, CURLOPT_READDATA, &req.body);
        auto len = static_cast<curl_off_t>(req.hasBody ? req.body.length() : 0);
        api_.curl_easy_setopt(curl_, method == "PUT" ? CURLOPT_INFILESIZE_LARGE : CURLOPT_POSTFIELDSIZE_LARGE, len);
      } else if (method != "GET") {
        api_.curl_easy_setopt(curl_, CURLOPT_CUSTOMREQUEST, req.method);
      }
      CURLcode rc = api_.curl_easy_perform(curl_);
      api_.curl_slist_free_all(headers);
      api_.curl_easy_getinfo(curl_, CURLINFO_RESPONSE_CODE, &resp.status);
      if (sink.writeFailed) return errnoError(uri, "writing the download failed", errno);
      resp.body = std::move(sink.memory);
      if (rc == CURLE_OK && resp.status >= 200 && resp.status < 300) return resp;
      if (rc == CURLE_OK && resp.status == 404 && !notFoundIsError) return resp;
      if (rc == CURLE_ABORTED_BY_CALLBACK) return error(K::Other, uri, "reading the upload's source file failed");

      XmlDoc doc(api_, resp.body);
      std::string code = doc.first("Code");
      long status = rc == CURLE_OK ? resp.status : 0;
      if (!isTransient(status, rc, code) || attempt >= options_.retry.maxAttempts) {
        return failure(uri, rc, resp.status, code, doc.first("Message"), attempt);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(backoffMs(attempt, options_.retry, rng_)));
    }
  }

  StorageError failure(const std::string& uri, CURLcode rc, long status, const std::string& code,
                       const std::string& message, int attempts) const {
    std::string after = " after " + std::to_string(attempts) + (attempts == 1 ? " attempt" : " attempts");
    std::string where = " (" + endpoint_.scheme + "://" + endpoint_.host + ")";
    if (rc != CURLE_OK) {
      K kind = (rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_OPERATION_TIMEDOUT ||
                rc == CURLE_SSL_CONNECT_ERROR)
                   ? K::Unreachable
                   : K::Other;
      return error(kind, uri, std::string(api_.curl_easy_strerror(rc)) + where + after);
    }
    K kind = K::Other;
    if (status == 404) kind = K::NotFound;
    if (status == 401 || status == 403) kind = K::Denied;
    if (status == 400 && code != "RequestTimeout") kind = K::Invalid;
    std::string cause = "HTTP " + std::to_string(status);
    if (!code.empty()) cause += " " + code;
    if (!message.empty()) cause += ": " + message;
    return error(kind, uri, cause + after);
  }

  Status multipartUpload(const std::string& uri, const std::string& bucket, const std::string& key, int fd,
                         std::uint64_t size) {
    std::uint64_t partSize = std::max<std::uint64_t>(options_.s3.partSize, 1);
    if ((size + partSize - 1) / partSize > 10000) partSize = (size + 9999) / 10000;  // S3 allows 10,000 parts
    Request start;
    start.method = "POST";
    start.bucket = bucket;
    start.key = key;
    start.query = "uploads=";
    auto started = perform(uri, start);
    if (!started) return started.error();
    std::string uploadId = XmlDoc(api_, started->body).first("UploadId");
    if (uploadId.empty()) return error(K::Other, uri, "CreateMultipartUpload returned no UploadId");

    auto abort = [&](StorageError e) -> Status {
      Request del;
      del.method = "DELETE";
      del.bucket = bucket;
      del.key = key;
      del.query = canonicalQuery({{"uploadId", uploadId}});
      if (auto r = perform(uri, del); !r) e.message += " (aborting the multipart upload failed too: " + r.error().message + ")";
      return e;
    };

    std::string complete = "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">";
    int part = 1;
    for (std::uint64_t offset = 0; offset < size; offset += partSize, ++part) {
      Request put;
      put.method = "PUT";
      put.bucket = bucket;
      put.key = key;
      put.query = canonicalQuery({{"partNumber", std::to_string(part)}, {"uploadId", uploadId}});
      put.hasBody = true;
      put.body.fd = fd;
      put.body.offset = offset;
      put.body.size = std::min(partSize, size - offset);
      auto r = perform(uri, put);
      if (!r) return abort(r.error());
      if (r->etag.empty()) return abort(error(K::Other, uri, "UploadPart " + std::to_string(part) + " returned no ETag"));
      std::string etag = r->etag;
      for (auto [from, to] : {std::pair<char, const char*>{'&', "&amp;"}, {'"', "&quot;"}}) {
        for (size_t p = 0; (p = etag.find(from, p)) != std::string::npos; p += std::strlen(to)) etag.replace(p, 1, to);
      }
      complete += "<Part><PartNumber>" + std::to_string(part) + "</PartNumber><ETag>" + etag + "</ETag></Part>";
    }
    complete += "</CompleteMultipartUpload>";
    Request done;
    done.method = "POST";
    done.bucket = bucket;
    done.key = key;
    done.query = canonicalQuery({{"uploadId", uploadId}});
    done.hasBody = true;
    done.body.memory = complete;
    done.contentType = "application/xml";
    auto r = perform(uri, done);
    if (!r) return abort(r.error());
    XmlDoc doc(api_, r->body);  // CompleteMultipartUpload can fail with 200 and an Error document
    if (doc.rootName() == "Error") {
      return abort(error(K::Other, uri, "CompleteMultipartUpload: " + doc.first("Code") + ": " + doc.first("Message")));
    }
    return std::nullopt;
  }

  const S3Libraries& api_;
  StorageOptions options_;
  S3Endpoint endpoint_;
  std::string region_;
  std::mt19937_64 rng_;
  CURL* curl_ = nullptr;
  std::mutex mutex_;
  AwsCredentials cached_;
};

}  // namespace

Result<std::unique_ptr<Storage>> makeS3Storage(const StorageOptions& options) {
  auto ep = parseEndpoint(options.s3);
  if (!ep) return ep.error();
  if (options.retry.maxAttempts < 1) return error(K::Invalid, "s3://", "RetryPolicy.maxAttempts must be at least 1");
  auto api = s3Libraries();
  if (!api) return api.error();
  std::unique_ptr<Storage> s = std::make_unique<S3Storage>(**api, options, *ep);
  return s;
}

}  // namespace flytecc::runtime::detail
