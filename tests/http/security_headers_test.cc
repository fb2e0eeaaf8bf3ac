#include "http/security_headers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>

namespace kc::http {
namespace {

using ::testing::HasSubstr;

std::map<std::string, std::string> AsMap(bool https) {
  std::map<std::string, std::string> out;
  for (const auto& [name, value] : SecurityHeaders(https)) out[std::string(name)] = value;
  return out;
}

TEST(SecurityHeadersTest, NoFramingNoSniffingAndAReferrerPolicy) {
  auto h = AsMap(false);
  EXPECT_EQ(h["X-Frame-Options"], "DENY");
  EXPECT_EQ(h["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(h["Referrer-Policy"], "strict-origin-when-cross-origin");
  EXPECT_EQ(h.count("Strict-Transport-Security"), 0u);
}

TEST(SecurityHeadersTest, HstsOnlyOverHttps) {
  EXPECT_EQ(AsMap(true)["Strict-Transport-Security"], "max-age=31536000");
}

TEST(SecurityHeadersTest, ScriptsOnlyFromThePlatformItselfAndNoFraming) {
  std::string csp = AsMap(false)["Content-Security-Policy"];
  EXPECT_THAT(csp, HasSubstr("script-src 'self';"));
  EXPECT_THAT(csp, HasSubstr("frame-ancestors 'none'"));
  EXPECT_THAT(csp, HasSubstr("object-src 'none'"));
  EXPECT_THAT(csp, HasSubstr("base-uri 'self'"));
  // Neither inline scripts nor eval.
  EXPECT_EQ(csp.find("unsafe-eval"), std::string::npos);
  EXPECT_EQ(csp.substr(csp.find("script-src"),
                       csp.find(';', csp.find("script-src")) - csp.find("script-src")),
            "script-src 'self'");
}

}  // namespace
}  // namespace kc::http
