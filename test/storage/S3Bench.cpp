// Benchmark (reported, never asserted): upload and download of one N MiB blob (default 256) against s3rver on
// loopback, with the default multipart settings. Prints throughput and this process's peak RSS.
//   build/test/storage/storage_s3_bench [MiB]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include "runtime/Storage.h"
#include "test/support/S3Server.h"

using namespace flytecc::runtime;

int main(int argc, char** argv) {
  std::uint64_t mib = argc > 1 ? std::stoull(argv[1]) : 256;
  std::string why;
  auto server = flytecc::test::S3Server::start({"bench"}, why, /*verifySignatures=*/false);
  if (!server) {
    std::fprintf(stderr, "cannot start s3rver: %s\n", why.c_str());
    return 1;
  }
  StorageOptions o;
  o.s3.endpoint = server->endpoint();
  o.s3.accessKeyId = flytecc::test::S3Server::kAccessKey;
  o.s3.secretAccessKey = flytecc::test::S3Server::kSecretKey;
  auto storage = storageFor("s3://bench/x", o);
  if (!storage) return 1;
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("flytecc-s3bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir / "blob", std::ios::binary);
    std::mt19937_64 rng(1);
    std::vector<std::uint64_t> chunk((1 << 20) / 8);
    for (std::uint64_t i = 0; i < mib; ++i) {
      for (auto& w : chunk) w = rng();
      out.write(reinterpret_cast<const char*>(chunk.data()), 1 << 20);
    }
  }
  using Clock = std::chrono::steady_clock;
  auto t0 = Clock::now();
  auto up = (*storage)->upload((dir / "blob").string(), "s3://bench/blob");
  auto t1 = Clock::now();
  auto down = (*storage)->download("s3://bench/blob", (dir / "copy").string());
  auto t2 = Clock::now();
  std::filesystem::remove_all(dir);
  if (up || down) {
    std::fprintf(stderr, "failed: %s\n", (up ? up : down)->message.c_str());
    return 1;
  }
  auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  struct rusage ru{};
  ::getrusage(RUSAGE_SELF, &ru);
  std::printf("%llu MiB upload: %.2f s (%.0f MiB/s), download: %.2f s (%.0f MiB/s), peak RSS %.1f MiB\n",
              static_cast<unsigned long long>(mib), secs(t0, t1), mib / secs(t0, t1), secs(t1, t2),
              mib / secs(t1, t2), ru.ru_maxrss / 1024.0);
  return 0;
}
