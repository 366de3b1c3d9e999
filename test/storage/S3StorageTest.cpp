// s3:// Storage against a real S3 server: s3rver (npm, pinned in test/s3) started on 127.0.0.1 by this test.
// Note: s3rver checks the access key id of SigV4 requests but not the signature itself, so "wrong credentials"
// is tested with an unknown access key.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <netinet/in.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "runtime/Storage.h"
#include "test/support/S3Server.h"

namespace fs = std::filesystem;
using namespace flytecc::runtime;
using flytecc::test::S3Server;
using K = StorageError::Kind;

namespace {

S3Server* server = nullptr;

class S3Environment : public ::testing::Environment {
 public:
  void SetUp() override {
    std::string why;
    server_ = S3Server::start({"flytecc", "other", "multipart"}, why);
    ASSERT_TRUE(server_) << why;
    server = server_.get();
  }
  void TearDown() override {
    server = nullptr;
    server_.reset();
  }

 private:
  std::unique_ptr<S3Server> server_;
};

const auto* registered = ::testing::AddGlobalTestEnvironment(new S3Environment);

StorageOptions options() {
  StorageOptions o;
  o.s3.endpoint = server->endpoint();
  o.s3.accessKeyId = S3Server::kAccessKey;
  o.s3.secretAccessKey = S3Server::kSecretKey;
  o.retry = RetryPolicy{3, 5, 20};
  return o;
}

std::unique_ptr<Storage> s3(const StorageOptions& o = options()) {
  auto s = storageFor("s3://flytecc/x", o);
  EXPECT_TRUE(s) << s.error().message;
  return s ? std::move(*s) : nullptr;
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "flytecc-s3test-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string operator/(std::string_view rel) const { return (path_ / rel).string(); }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Writes `size` pseudo-random bytes, 1 MiB at a time (the test's memory stays small).
void writeRandomFile(const std::string& path, std::uint64_t size, unsigned seed) {
  std::ofstream out(path, std::ios::binary);
  std::mt19937_64 rng(seed);
  std::vector<std::uint64_t> chunk((1 << 20) / 8);
  for (std::uint64_t done = 0; done < size;) {
    for (auto& w : chunk) w = rng();
    auto n = std::min<std::uint64_t>(size - done, chunk.size() * 8);
    out.write(reinterpret_cast<const char*>(chunk.data()), static_cast<std::streamsize>(n));
    done += n;
  }
}

bool sameFiles(const std::string& a, const std::string& b) {
  if (fs::file_size(a) != fs::file_size(b)) return false;
  std::ifstream fa(a, std::ios::binary), fb(b, std::ios::binary);
  std::vector<char> ba(1 << 20), bb(1 << 20);
  while (fa && fb) {
    fa.read(ba.data(), ba.size());
    fb.read(bb.data(), bb.size());
    if (fa.gcount() != fb.gcount() || !std::equal(ba.begin(), ba.begin() + fa.gcount(), bb.begin())) return false;
  }
  return true;
}

// s3rver keeps a bucket's multipart uploads under <data>/<bucket>/._S3rver_uploads/<id>/ until completed; the
// directory only exists in a bucket that received a multipart upload.
fs::path uploadsDir(const std::string& bucket) { return fs::path(server->dataDirectory()) / bucket / "._S3rver_uploads"; }

}  // namespace

TEST(S3Storage, PutGetOverwrite) {
  auto s = s3();
  ASSERT_TRUE(s);
  ASSERT_FALSE(s->write("s3://flytecc/run/inputs.pb", "first"));
  auto r = s->read("s3://flytecc/run/inputs.pb");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, "first");
  std::string binary("\0\x01\xff\r\n", 5);
  ASSERT_FALSE(s->write("s3://flytecc/run/inputs.pb", binary));
  r = s->read("s3://flytecc/run/inputs.pb");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, binary);
  ASSERT_FALSE(s->write("s3://flytecc/run/empty.pb", ""));
  r = s->read("s3://flytecc/run/empty.pb");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, "");
  auto e = s->exists("s3://flytecc/run/inputs.pb");
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_TRUE(*e);
}

TEST(S3Storage, NotFound) {
  auto s = s3();
  ASSERT_TRUE(s);
  auto r = s->read("s3://flytecc/missing/outputs.pb");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, K::NotFound);
  EXPECT_NE(r.error().message.find("s3://flytecc/missing/outputs.pb"), std::string::npos) << r.error().message;
  auto e = s->exists("s3://flytecc/missing/outputs.pb");
  ASSERT_TRUE(e) << e.error().message;
  EXPECT_FALSE(*e);
  TempDir dir;
  auto d = s->download("s3://flytecc/missing/blob", dir / "sub/blob");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->kind, K::NotFound);
  EXPECT_TRUE(fs::is_empty(dir / "sub"));  // no partial or temporary file
  auto nb = s->read("s3://no-such-bucket/k");
  ASSERT_FALSE(nb);
  EXPECT_EQ(nb.error().kind, K::NotFound);
}

TEST(S3Storage, InvalidUris) {
  auto s = s3();
  ASSERT_TRUE(s);
  for (const char* uri : {"s3://", "s3:///key", "s3://flytecc/", "s3://flytecc", "/local/path", "gs://b/k"}) {
    auto r = s->read(uri);
    ASSERT_FALSE(r) << uri;
    EXPECT_EQ(r.error().kind, K::Invalid) << uri;
  }
}

TEST(S3Storage, KeysWithSpacesHashAndUnicode) {
  auto s = s3();
  ASSERT_TRUE(s);
  std::vector<std::string> uris = {"s3://flytecc/odd keys/a b#c.pb", "s3://flytecc/odd keys/\xE2\x82\xAC+%20?&=.pb",
                                   "s3://flytecc/odd keys/x~y_(1)'*.pb"};
  for (auto& uri : uris) {
    ASSERT_FALSE(s->write(uri, uri)) << uri;
    auto r = s->read(uri);
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(*r, uri);
  }
  auto l = s->list("s3://flytecc/odd keys/");
  ASSERT_TRUE(l) << l.error().message;
  std::sort(uris.begin(), uris.end());
  EXPECT_EQ(*l, uris);
}

TEST(S3Storage, ListPaginates) {
  auto o = options();
  o.s3.listPageSize = 7;  // 25 objects: 4 pages
  auto s = s3(o);
  ASSERT_TRUE(s);
  std::vector<std::string> expected;
  for (int i = 0; i < 25; ++i) {
    std::string uri = "s3://flytecc/pages/" + std::string(i % 3 == 0 ? "sub/" : "") + "obj-" + std::to_string(i);
    ASSERT_FALSE(s->write(uri, std::to_string(i)));
    expected.push_back(uri);
  }
  ASSERT_FALSE(s->write("s3://flytecc/pages2/not-under-the-prefix", "x"));
  ASSERT_FALSE(s->write("s3://flytecc/pagesfile", "x"));
  std::sort(expected.begin(), expected.end());
  auto l = s->list("s3://flytecc/pages");
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_EQ(*l, expected);
  auto empty = s->list("s3://flytecc/nothing/here");
  ASSERT_TRUE(empty) << empty.error().message;
  EXPECT_TRUE(empty->empty());
}

TEST(S3Storage, MultipartUploadAboveThreshold) {
  auto o = options();
  o.s3.multipartThreshold = 5 << 20;
  o.s3.partSize = 5 << 20;
  auto s = s3(o);
  ASSERT_TRUE(s);
  TempDir dir;
  std::uint64_t size = (12 << 20) + 12345;  // 3 parts, the last one short
  writeRandomFile(dir / "src.bin", size, 1);
  ASSERT_FALSE(s->upload(dir / "src.bin", "s3://multipart/blobs/multi.bin"));
  // The upload went in parts, and was completed (no upload is left open).
  EXPECT_TRUE(fs::is_directory(uploadsDir("multipart")));
  EXPECT_TRUE(fs::is_empty(uploadsDir("multipart")));
  ASSERT_FALSE(s->download("s3://multipart/blobs/multi.bin", dir / "dl/multi.bin"));
  EXPECT_TRUE(sameFiles(dir / "src.bin", dir / "dl/multi.bin"));
  // Below the threshold: one PUT.
  writeRandomFile(dir / "small.bin", 1 << 20, 2);
  ASSERT_FALSE(s->upload(dir / "small.bin", "s3://other/blobs/single.bin"));
  EXPECT_FALSE(fs::exists(uploadsDir("other")));
  ASSERT_FALSE(s->download("s3://other/blobs/single.bin", dir / "dl/single.bin"));
  EXPECT_TRUE(sameFiles(dir / "small.bin", dir / "dl/single.bin"));
  // Overwriting a local file by download replaces it whole.
  ASSERT_FALSE(s->download("s3://other/blobs/single.bin", dir / "dl/multi.bin"));
  EXPECT_TRUE(sameFiles(dir / "small.bin", dir / "dl/multi.bin"));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir / "dl"), fs::directory_iterator()), 2);
}

TEST(S3Storage, LargeBlobStreamsWithSmallMemory) {
  auto s = s3();  // the default threshold (64 MiB) and part size (16 MiB)
  ASSERT_TRUE(s);
  TempDir dir;
  std::uint64_t size = (208ull << 20) + 7;
  writeRandomFile(dir / "big.bin", size, 3);
  ASSERT_FALSE(s->upload(dir / "big.bin", "s3://flytecc/blobs/big.bin"));
  ASSERT_FALSE(s->download("s3://flytecc/blobs/big.bin", dir / "big.copy"));
  EXPECT_TRUE(sameFiles(dir / "big.bin", dir / "big.copy"));
  struct rusage ru{};
  ::getrusage(RUSAGE_SELF, &ru);
  // A sanity bound, generous on purpose: a 208 MiB blob held in memory would exceed it.
  EXPECT_LT(ru.ru_maxrss, 128 * 1024) << "peak RSS " << ru.ru_maxrss / 1024 << " MiB";
}

TEST(S3Storage, PathAndVirtualHostStyleSeeTheSameObjects) {
  auto path = s3();
  auto vo = options();
  vo.s3.endpoint = server->virtualHostEndpoint();  // <bucket>.s3.localhost:PORT
  vo.s3.addressing = S3Options::Addressing::VirtualHost;
  auto vhost = s3(vo);
  ASSERT_TRUE(path && vhost);
  ASSERT_FALSE(path->write("s3://other/style/from-path", "p"));
  ASSERT_FALSE(vhost->write("s3://other/style/from vhost#1", "v"));
  auto r = vhost->read("s3://other/style/from-path");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, "p");
  r = path->read("s3://other/style/from vhost#1");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, "v");
  auto l = vhost->list("s3://other/style");
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_EQ(*l, (std::vector<std::string>{"s3://other/style/from vhost#1", "s3://other/style/from-path"}));
}

TEST(S3Storage, UnknownAccessKeyIsDenied) {
  auto o = options();
  o.s3.accessKeyId = "NOT-A-KEY";
  auto s = s3(o);
  ASSERT_TRUE(s);
  auto r = s->read("s3://flytecc/run/inputs.pb");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, K::Denied) << r.error().message;
  EXPECT_NE(r.error().message.find("InvalidAccessKeyId"), std::string::npos) << r.error().message;
  auto w = s->write("s3://flytecc/denied.pb", "x");
  ASSERT_TRUE(w);
  EXPECT_EQ(w->kind, K::Denied);
  auto e = s->exists("s3://flytecc/run/inputs.pb");  // HEAD: no error document, the status decides
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().kind, K::Denied);
}

TEST(S3Storage, UnreachableEndpointAfterRetries) {
  // A port nobody listens on: bind one, note it, close it.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  auto o = options();
  o.s3.endpoint = "127.0.0.1:" + std::to_string(ntohs(addr.sin_port));
  o.retry = RetryPolicy{3, 1, 5};
  auto s = s3(o);
  ASSERT_TRUE(s);
  auto r = s->read("s3://flytecc/k");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, K::Unreachable) << r.error().message;
  EXPECT_NE(r.error().message.find("s3://flytecc/k"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("after 3 attempts"), std::string::npos) << r.error().message;
}

TEST(S3Storage, ConfiguredFromTheEnvironment) {
  // What flytekit reads (FLYTE_AWS_*), with a scheme-less loopback endpoint (http).
  std::string hostPort = server->endpoint().substr(7);
  ::setenv("FLYTE_AWS_ENDPOINT", hostPort.c_str(), 1);
  ::setenv("FLYTE_AWS_ACCESS_KEY_ID", S3Server::kAccessKey, 1);
  ::setenv("FLYTE_AWS_SECRET_ACCESS_KEY", S3Server::kSecretKey, 1);
  auto s = storageFor("s3://flytecc/env/x");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_FALSE((*s)->write("s3://flytecc/env/x", "env"));
  ::unsetenv("FLYTE_AWS_ENDPOINT");
  ::unsetenv("FLYTE_AWS_ACCESS_KEY_ID");
  ::unsetenv("FLYTE_AWS_SECRET_ACCESS_KEY");
  // The standard AWS variables.
  ::setenv("AWS_ENDPOINT_URL", server->endpoint().c_str(), 1);
  ::setenv("AWS_ACCESS_KEY_ID", S3Server::kAccessKey, 1);
  ::setenv("AWS_SECRET_ACCESS_KEY", S3Server::kSecretKey, 1);
  ::setenv("AWS_REGION", "eu-west-3", 1);
  auto t = storageFor("s3://flytecc/env/x");
  ASSERT_TRUE(t) << t.error().message;
  auto r = (*t)->read("s3://flytecc/env/x");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, "env");
  for (const char* v : {"AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"}) ::unsetenv(v);
}
