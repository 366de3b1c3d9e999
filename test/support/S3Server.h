// A real S3 server for tests: the pinned npm s3rver (test/s3), started on 127.0.0.1 on a free port with a fresh
// data directory, and killed (and its directory removed) when the S3Server is destroyed. The server also exits by
// itself when the test process dies (it watches its stdin). Link the CMake target `flytecc_test_s3server`.
//
//   std::string why;
//   auto s3 = flytecc::test::S3Server::start({"bucket"}, why);   // nullptr and `why` on failure
//   s3->endpoint();  // "http://127.0.0.1:PORT"; access key / secret: S3Server::kAccessKey / kSecretKey
//   s3->virtualHostEndpoint();  // "http://s3.localhost:PORT": <bucket>.s3.localhost resolves to 127.0.0.1
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

extern char** environ;

namespace flytecc::test {

class S3Server {
 public:
  static constexpr const char* kAccessKey = "S3RVER";
  static constexpr const char* kSecretKey = "S3RVER";

  static std::unique_ptr<S3Server> start(const std::vector<std::string>& buckets, std::string& why) {
    std::unique_ptr<S3Server> s(new S3Server);
    std::string tmpl = (std::filesystem::temp_directory_path() / "flytecc-s3rver-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) {
      why = "mkdtemp failed";
      return nullptr;
    }
    s->dir_ = tmpl;
    std::string bucketList;
    for (auto& b : buckets) bucketList += (bucketList.empty() ? "" : ",") + b;
    int in[2], out[2];
    if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0) {
      why = "pipe failed";
      return nullptr;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    // s3rver's ListObjectsV2 continuation tokens use DES, which OpenSSL 3 only has in its legacy provider.
    std::vector<std::string> args = {FLYTECC_NODE_EXECUTABLE, "--openssl-legacy-provider", FLYTECC_S3SERVER_SCRIPT, FLYTECC_S3SERVER_MODULES,
                                     s->dir_, bucketList};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    int rc = ::posix_spawn(&s->pid_, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[0]);
    ::close(out[1]);
    s->stdin_ = in[1];
    if (rc != 0) {
      s->pid_ = -1;
      ::close(out[0]);
      why = std::string("cannot run node: ") + std::strerror(rc);
      return nullptr;
    }
    // Wait (at most 60 s) for the {"port": N} line.
    std::string line;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
      pollfd p{out[0], POLLIN, 0};
      if (::poll(&p, 1, 500) <= 0) continue;
      char buf[256];
      ssize_t n = ::read(out[0], buf, sizeof buf);
      if (n <= 0) break;
      line.append(buf, static_cast<size_t>(n));
    }
    ::close(out[0]);
    auto pos = line.find("\"port\":");
    if (pos == std::string::npos) {
      why = "s3rver did not report its port (is `npm ci` done in test/s3? output: " + line + ")";
      return nullptr;
    }
    s->port_ = std::stoi(line.substr(pos + 7));
    return s;
  }

  ~S3Server() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
    if (stdin_ >= 0) ::close(stdin_);
    std::error_code ec;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ec);
  }

  int port() const { return port_; }
  std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::string virtualHostEndpoint() const { return "http://s3.localhost:" + std::to_string(port_); }
  const std::string& dataDirectory() const { return dir_; }

 private:
  S3Server() = default;
  pid_t pid_ = -1;
  int stdin_ = -1;
  int port_ = 0;
  std::string dir_;
};

}  // namespace flytecc::test
