// A flaky upload task: "-1" meant "retry forever" in the team's old scheduler.
// EXPECT: 9 error flyte-config
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace upload {
FLYTE_TASK(.retries = -1,  // <- mistake: retries must not be negative
           .timeout = std::chrono::minutes(5))
std::string push(flyte::File artifact, std::string bucket) { return bucket + "/" + artifact.path; }

FLYTE_TASK()
flyte::File package(std::string version) { return flyte::File{"dist/app-" + version + ".tar.gz"}; }

FLYTE_WORKFLOW()
std::string release(std::string version = "1.4.2", std::string bucket = "s3://releases") {
  auto artifact = package(version);
  return push(artifact, bucket);
}
}  // namespace upload
