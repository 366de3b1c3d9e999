// StorageOptions from the environment (the variables flytekit and the AWS SDKs read).
#include <cstdlib>

#include "runtime/Storage.h"

namespace flytecc::runtime {

namespace {
std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}
std::string firstEnv(std::initializer_list<const char*> names) {
  for (const char* n : names) {
    if (auto v = env(n); !v.empty()) return v;
  }
  return {};
}
}  // namespace

StorageOptions StorageOptions::fromEnvironment() {
  StorageOptions o;
  S3Options& s3 = o.s3;
  s3.endpoint = firstEnv({"FLYTE_AWS_ENDPOINT", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"});
  s3.region = firstEnv({"AWS_REGION", "AWS_DEFAULT_REGION"});
  // The FLYTE_ pair wins only as a pair, so a half-set FLYTE_ pair never mixes with AWS_ credentials.
  if (!env("FLYTE_AWS_ACCESS_KEY_ID").empty() && !env("FLYTE_AWS_SECRET_ACCESS_KEY").empty()) {
    s3.accessKeyId = env("FLYTE_AWS_ACCESS_KEY_ID");
    s3.secretAccessKey = env("FLYTE_AWS_SECRET_ACCESS_KEY");
  } else {
    s3.accessKeyId = env("AWS_ACCESS_KEY_ID");
    s3.secretAccessKey = env("AWS_SECRET_ACCESS_KEY");
    s3.sessionToken = env("AWS_SESSION_TOKEN");
  }
  s3.roleArn = env("AWS_ROLE_ARN");
  s3.webIdentityTokenFile = env("AWS_WEB_IDENTITY_TOKEN_FILE");
  s3.roleSessionName = env("AWS_ROLE_SESSION_NAME");
  return o;
}

}  // namespace flytecc::runtime
