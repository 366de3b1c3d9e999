// Storage on local paths and file:// URIs: real files in a fresh temporary directory.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <random>

#include "runtime/Storage.h"

namespace fs = std::filesystem;
using namespace flytecc::runtime;
using K = StorageError::Kind;

namespace {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "flytecc-storage-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  std::string operator/(std::string_view rel) const { return (path_ / rel).string(); }

 private:
  fs::path path_;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Every entry under `dir`, so a test can check that no temporary file was left behind.
std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> out;
  for (auto& e : fs::recursive_directory_iterator(dir)) out.push_back(e.path().lexically_relative(dir).string());
  std::sort(out.begin(), out.end());
  return out;
}

std::unique_ptr<Storage> local(const std::string& uri) {
  auto s = storageFor(uri);
  EXPECT_TRUE(s) << s.error().message;
  return std::move(*s);
}

}  // namespace

TEST(JoinUri, ExactlyOneSlash) {
  EXPECT_EQ(joinUri("s3://b/p", "x"), "s3://b/p/x");
  EXPECT_EQ(joinUri("s3://b/p/", "x"), "s3://b/p/x");
  EXPECT_EQ(joinUri("s3://b/p//", "/x/y"), "s3://b/p/x/y");
  EXPECT_EQ(joinUri("/tmp", "a"), "/tmp/a");
  EXPECT_EQ(joinUri("/", "a"), "/a");
  EXPECT_EQ(joinUri("file:///tmp/", "a"), "file:///tmp/a");
  EXPECT_EQ(joinUri("s3://", "b/k"), "s3://b/k");
  EXPECT_EQ(joinUri("", "a"), "a");
}

TEST(StorageFor, UnsupportedSchemeIsInvalid) {
  auto s = storageFor("ftp://host/x");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().kind, K::Invalid);
  EXPECT_NE(s.error().message.find("ftp://host/x"), std::string::npos) << s.error().message;
  EXPECT_NE(s.error().message.find("unsupported"), std::string::npos) << s.error().message;
  auto empty = storageFor("");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().kind, K::Invalid);
}

TEST(LocalStorage, WriteReadOverwriteNoTempFiles) {
  TempDir dir;
  auto s = local(dir.path().string());
  std::string uri = dir / "a/b/c/inputs.pb";  // parents are created
  ASSERT_FALSE(s->write(uri, "first"));
  ASSERT_FALSE(s->write(uri, std::string("second\0bytes", 12)));
  auto r = s->read(uri);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, std::string("second\0bytes", 12));
  EXPECT_EQ(entries(dir.path()), (std::vector<std::string>{"a", "a/b", "a/b/c", "a/b/c/inputs.pb"}));
  // The umask applies as for any new file (mode 0666 & ~umask), not mkstemp's 0600.
  mode_t mask = ::umask(022);
  ::umask(mask);
  EXPECT_EQ(fs::status(uri).permissions(), static_cast<fs::perms>(0666 & ~mask));
}

TEST(LocalStorage, FileUris) {
  TempDir dir;
  std::string uri = "file://" + (dir / "x/out.pb");
  auto s = local(uri);
  ASSERT_FALSE(s->write(uri, "hello"));
  EXPECT_EQ(slurp(dir / "x/out.pb"), "hello");
  auto r = s->read("file://localhost" + (dir / "x/out.pb"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, "hello");
  auto e = s->exists(uri);
  ASSERT_TRUE(e);
  EXPECT_TRUE(*e);
  auto l = s->list("file://" + dir.path().string());
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_EQ(*l, (std::vector<std::string>{"file://" + (dir / "x/out.pb")}));
  auto rel = s->read("file://relative/path");
  ASSERT_FALSE(rel);
  EXPECT_EQ(rel.error().kind, K::Invalid);
  auto other = s->read("s3://bucket/key");  // a local Storage serves local URIs only
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().kind, K::Invalid);
}

TEST(LocalStorage, NotFoundNamesTheUri) {
  TempDir dir;
  auto s = local(dir.path().string());
  std::string uri = dir / "missing.pb";
  auto r = s->read(uri);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, K::NotFound);
  EXPECT_NE(r.error().message.find(uri), std::string::npos) << r.error().message;
  auto e = s->exists(uri);
  ASSERT_TRUE(e);
  EXPECT_FALSE(*e);
  auto d = s->download(uri, dir / "out");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->kind, K::NotFound);
  EXPECT_FALSE(fs::exists(dir / "out"));
  auto u = s->upload(dir / "nope", dir / "dst");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->kind, K::NotFound);
  EXPECT_TRUE(entries(dir.path()).empty());
}

TEST(LocalStorage, ReadingADirectoryIsInvalid) {
  TempDir dir;
  auto s = local(dir.path().string());
  auto r = s->read(dir.path().string());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, K::Invalid);
  auto e = s->exists(dir.path().string());  // a directory is not an object
  ASSERT_TRUE(e);
  EXPECT_FALSE(*e);
}

TEST(LocalStorage, FailedWriteKeepsThePreviousFileAndLeavesNoTemp) {
  TempDir dir;
  auto s = local(dir.path().string());
  std::string uri = dir / "x/x.pb";
  ASSERT_FALSE(s->write(uri, "old"));
  // A real failure in the middle of writing: the file size limit (binds root too) makes write() fail with EFBIG.
  struct rlimit saved{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
  auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
  struct rlimit small = saved;
  small.rlim_cur = 4096;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  auto w = s->write(uri, std::string(100'000, 'n'));
  std::string src = dir / "big.src";
  ::setrlimit(RLIMIT_FSIZE, &saved);
  ASSERT_TRUE(w);
  EXPECT_NE(w->message.find(uri), std::string::npos) << w->message;
  // The same for a streamed upload.
  std::ofstream(src, std::ios::binary) << std::string(100'000, 'u');
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  auto u = s->upload(src, uri);
  ::setrlimit(RLIMIT_FSIZE, &saved);
  std::signal(SIGXFSZ, oldHandler);
  ASSERT_TRUE(u);
  EXPECT_EQ(slurp(uri), "old");
  EXPECT_EQ(entries(dir.path()), (std::vector<std::string>{"big.src", "x", "x/x.pb"}));
}

TEST(LocalStorage, UnwritableDirectoryIsDenied) {
  if (::geteuid() == 0) GTEST_SKIP() << "directory permissions do not bind root";
  TempDir dir;
  auto s = local(dir.path().string());
  std::string uri = dir / "ro/x.pb";
  ASSERT_FALSE(s->write(uri, "old"));
  fs::permissions(dir / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  auto w = s->write(uri, "new");
  fs::permissions(dir / "ro", fs::perms::owner_all);
  ASSERT_TRUE(w);
  EXPECT_EQ(w->kind, K::Denied);
  EXPECT_EQ(slurp(uri), "old");
}

TEST(LocalStorage, WritingOverADirectoryFailsCleanly) {
  TempDir dir;
  auto s = local(dir.path().string());
  fs::create_directories(dir / "d/sub");
  auto w = s->write(dir / "d", "x");
  ASSERT_TRUE(w);
  EXPECT_EQ(entries(dir.path()), (std::vector<std::string>{"d", "d/sub"}));
}

TEST(LocalStorage, UploadDownloadStreamsLargeFiles) {
  TempDir dir;
  auto s = local(dir.path().string());
  // 5 MiB + 3 bytes of pseudo-random data: several copy chunks, not chunk-aligned.
  std::string data(5 * (1 << 20) + 3, '\0');
  std::mt19937 rng(42);
  for (auto& c : data) c = static_cast<char>(rng());
  std::string src = dir / "src.bin";
  std::ofstream(src, std::ios::binary) << data;
  ASSERT_FALSE(s->upload(src, dir / "store/blob/data.bin"));
  ASSERT_FALSE(s->download(dir / "store/blob/data.bin", dir / "dl/copy.bin"));
  EXPECT_TRUE(slurp(dir / "dl/copy.bin") == data);
  // Overwrite with a smaller file: the result is exactly the new content.
  std::ofstream(src, std::ios::binary | std::ios::trunc) << "small";
  ASSERT_FALSE(s->upload(src, dir / "store/blob/data.bin"));
  EXPECT_EQ(slurp(dir / "store/blob/data.bin"), "small");
  EXPECT_EQ(entries(dir.path()), (std::vector<std::string>{"dl", "dl/copy.bin", "src.bin", "store", "store/blob",
                                                           "store/blob/data.bin"}));
}

TEST(LocalStorage, ListIsRecursiveSortedAndEmptyForMissingPrefix) {
  TempDir dir;
  auto s = local(dir.path().string());
  for (const char* name : {"p/b", "p/a", "p/sub/c", "p/sub/deeper/d", "p2/x", "pfile"}) {
    ASSERT_FALSE(s->write(dir / name, name));
  }
  std::string prefix = dir / "p";
  auto expected = std::vector<std::string>{dir / "p/a", dir / "p/b", dir / "p/sub/c", dir / "p/sub/deeper/d"};
  auto l = s->list(prefix);
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_EQ(*l, expected);
  auto slash = s->list(prefix + "/");
  ASSERT_TRUE(slash) << slash.error().message;
  EXPECT_EQ(*slash, expected);
  auto missing = s->list(dir / "nothing-here");
  ASSERT_TRUE(missing);
  EXPECT_TRUE(missing->empty());
}
