// The S3 backend's pure pieces: URL construction (path and virtual-host style), key encoding, endpoints, the
// retry policy and the STS response parser. s3rver cannot inject 5xx/throttling faults nor act as STS, so these
// decisions are tested here directly; the requests themselves are tested against s3rver in S3StorageTest.
#include <curl/curl.h>
#include <gtest/gtest.h>

#include <set>

#include "runtime/StorageImpl.h"

using namespace flytecc::runtime;
using namespace flytecc::runtime::detail;

TEST(S3Url, KeysAreEncodedOnceKeepingSlashes) {
  EXPECT_EQ(awsEncode("dir/a b#c?d%e+f~g.h_i-j", true), "dir/a%20b%23c%3Fd%25e%2Bf~g.h_i-j");
  EXPECT_EQ(awsEncode("dir/x", false), "dir%2Fx");
  EXPECT_EQ(awsEncode("\xE2\x82\xAC", true), "%E2%82%AC");  // UTF-8 bytes of the euro sign
  EXPECT_EQ(percentDecode("a%20b%23c+d%E2%82%AC%zz"), "a b#c d\xE2\x82\xAC%zz");
}

TEST(S3Url, PathAndVirtualHostStyle) {
  S3Endpoint ep{"http", "127.0.0.1:9000"};
  EXPECT_EQ(s3Url(ep, false, "bkt", "a b/c#d", ""), "http://127.0.0.1:9000/bkt/a%20b/c%23d");
  EXPECT_EQ(s3Url(ep, false, "bkt", "", "list-type=2"), "http://127.0.0.1:9000/bkt?list-type=2");
  S3Endpoint aws{"https", "s3.eu-west-1.amazonaws.com"};
  EXPECT_EQ(s3Url(aws, true, "bkt", "a b", ""), "https://bkt.s3.eu-west-1.amazonaws.com/a%20b");
  EXPECT_EQ(s3Url(aws, true, "bkt", "", "list-type=2"), "https://bkt.s3.eu-west-1.amazonaws.com/?list-type=2");
}

TEST(S3Url, AddressingChoice) {
  S3Options aws;
  EXPECT_TRUE(useVirtualHost(aws, "bucket"));
  EXPECT_FALSE(useVirtualHost(aws, "my.dotted.bucket"));  // TLS wildcard certificates do not cover dots
  S3Options minio;
  minio.endpoint = "minio:9000";
  EXPECT_FALSE(useVirtualHost(minio, "bucket"));
  minio.addressing = S3Options::Addressing::VirtualHost;
  EXPECT_TRUE(useVirtualHost(minio, "bucket"));
  aws.addressing = S3Options::Addressing::Path;
  EXPECT_FALSE(useVirtualHost(aws, "bucket"));
}

TEST(S3Endpoint, WithOrWithoutScheme) {
  auto parse = [](std::string e, std::string region = "") {
    S3Options o;
    o.endpoint = std::move(e);
    o.region = std::move(region);
    auto r = parseEndpoint(o);
    EXPECT_TRUE(r) << r.error().message;
    return r ? r->scheme + "://" + r->host : std::string();
  };
  EXPECT_EQ(parse(""), "https://s3.us-east-1.amazonaws.com");
  EXPECT_EQ(parse("", "eu-central-1"), "https://s3.eu-central-1.amazonaws.com");
  EXPECT_EQ(parse("localhost:9000"), "http://localhost:9000");
  EXPECT_EQ(parse("127.0.0.1:4566/"), "http://127.0.0.1:4566");
  EXPECT_EQ(parse("s3.localhost:80"), "http://s3.localhost:80");
  EXPECT_EQ(parse("[::1]:9000"), "http://[::1]:9000");
  EXPECT_EQ(parse("minio.example.com"), "https://minio.example.com");
  EXPECT_EQ(parse("HTTP://minio:9000"), "http://minio:9000");
  EXPECT_EQ(parse("https://localhost:9000"), "https://localhost:9000");
  S3Options bad;
  bad.endpoint = "ftp://x";
  EXPECT_FALSE(parseEndpoint(bad));
  bad.endpoint = "http://host/path";
  EXPECT_FALSE(parseEndpoint(bad));
}

TEST(S3Query, CanonicalFormIsSortedAndEncoded) {
  EXPECT_EQ(canonicalQuery({{"uploadId", "a+b/c="}, {"partNumber", "3"}}), "partNumber=3&uploadId=a%2Bb%2Fc%3D");
  EXPECT_EQ(canonicalQuery({{"prefix", "a b/"}, {"list-type", "2"}, {"continuation-token", "t#1"}}),
            "continuation-token=t%231&list-type=2&prefix=a%20b%2F");
}

TEST(RetryPolicy, TransientOutcomes) {
  // Throttling and server errors are retried...
  EXPECT_TRUE(isTransient(429, 0, ""));
  EXPECT_TRUE(isTransient(503, 0, "SlowDown"));
  EXPECT_TRUE(isTransient(500, 0, "InternalError"));
  EXPECT_TRUE(isTransient(502, 0, ""));
  EXPECT_TRUE(isTransient(400, 0, "RequestTimeout"));
  // ...and so are connection failures (no HTTP status)...
  EXPECT_TRUE(isTransient(0, CURLE_COULDNT_CONNECT, ""));
  EXPECT_TRUE(isTransient(0, CURLE_RECV_ERROR, ""));
  EXPECT_TRUE(isTransient(0, CURLE_OPERATION_TIMEDOUT, ""));
  // ...but client errors are final.
  EXPECT_FALSE(isTransient(403, 0, "AccessDenied"));
  EXPECT_FALSE(isTransient(404, 0, "NoSuchKey"));
  EXPECT_FALSE(isTransient(400, 0, "InvalidArgument"));
  EXPECT_FALSE(isTransient(0, CURLE_URL_MALFORMAT, ""));
}

TEST(RetryPolicy, ExponentialBackoffWithJitterIsBounded) {
  RetryPolicy p{8, 100, 1000};
  std::mt19937_64 rng(7);
  for (int trial = 0; trial < 200; ++trial) {
    for (int attempt = 1; attempt <= 8; ++attempt) {
      long cap = std::min(1000L, 100L << (attempt - 1));
      long d = backoffMs(attempt, p, rng);
      EXPECT_GE(d, cap / 2) << attempt;
      EXPECT_LE(d, cap) << attempt;
    }
  }
  // The jitter really varies the delay.
  std::set<long> seen;
  for (int i = 0; i < 50; ++i) seen.insert(backoffMs(3, p, rng));
  EXPECT_GT(seen.size(), 10u);
  // Large attempt numbers do not overflow.
  EXPECT_LE(backoffMs(1000, p, rng), 1000);
}

TEST(WebIdentity, ParsesAssumeRoleWithWebIdentityResponse) {
  // The response shape documented for STS AssumeRoleWithWebIdentity.
  const char* xml = R"(<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult>
    <SubjectFromWebIdentityToken>system:serviceaccount:flyte:default</SubjectFromWebIdentityToken>
    <Credentials>
      <SessionToken>FwoGZXIvYXdzE&amp;token</SessionToken>
      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
      <Expiration>2026-11-30T12:34:56Z</Expiration>
      <AccessKeyId>ASIAEXAMPLE</AccessKeyId>
    </Credentials>
    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/r/s</Arn></AssumedRoleUser>
  </AssumeRoleWithWebIdentityResult>
</AssumeRoleWithWebIdentityResponse>)";
  auto c = parseAssumeRoleResponse(xml);
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->accessKeyId, "ASIAEXAMPLE");
  EXPECT_EQ(c->secretAccessKey, "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY");
  EXPECT_EQ(c->sessionToken, "FwoGZXIvYXdzE&token");
  EXPECT_EQ(c->expiresAtEpochS, 1796042096);
  auto err = parseAssumeRoleResponse(
      "<ErrorResponse><Error><Code>InvalidIdentityToken</Code><Message>expired</Message></Error></ErrorResponse>");
  ASSERT_FALSE(err);
  EXPECT_EQ(err.error().kind, StorageError::Kind::Denied);
  EXPECT_NE(err.error().message.find("InvalidIdentityToken"), std::string::npos);
  EXPECT_FALSE(parseAssumeRoleResponse("not xml"));
  EXPECT_EQ(parseIso8601("1970-01-01T00:00:10.123Z"), 10);
  EXPECT_FALSE(parseIso8601("yesterday"));
}
