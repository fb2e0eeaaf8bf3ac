// Requests cannot steer what the server says about itself or route around a proxy's path rules:
// absolute links (sitemap, robots.txt, canonical URLs, the news feed) use the configured base
// URL, never the Host header; an encoded slash is never a path separator.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// What a visitor with a forged Host (and forwarded headers) is sent from each page with links.
std::vector<HttpResult> ForgedHostAnswers(Client& c) {
  std::map<std::string, std::string> forged = {{"Host", "evil.example"},
                                               {"X-Forwarded-Host", "evil.example"},
                                               {"X-Forwarded-Proto", "https"}};
  std::vector<HttpResult> out;
  for (const char* path : {"/sitemap.xml", "/robots.txt", "/", "/api/v1/news/feed"}) {
    out.push_back(c.Send("GET", path, "", forged));
    EXPECT_EQ(out.back().status, 200) << path;
  }
  return out;
}

class HostTest : public ApiTest {};

TEST_F(HostTest, AForgedHostNeverReachesTheSitemapOrTheLinks) {
  Client c = Anonymous();
  const std::string base = "http://127.0.0.1:" + std::to_string(server_->port());
  auto answers = ForgedHostAnswers(c);
  for (const auto& r : answers) EXPECT_THAT(r.body, Not(HasSubstr("evil.example")));
  // Without --base-url, the address served on.
  EXPECT_THAT(answers[0].body, HasSubstr("<loc>" + base + "/</loc>"));
  EXPECT_THAT(answers[1].body, HasSubstr("Sitemap: " + base + "/sitemap.xml"));
  if (answers[2].Header("content-type").starts_with("text/html")) {
    EXPECT_THAT(answers[2].body, HasSubstr("<link rel=\"canonical\" href=\"" + base + "/\">"));
  }
  EXPECT_THAT(answers[3].body, HasSubstr(base + "/news"));
}

class ConfiguredBaseUrlTest : public ApiTest {
 protected:
  std::vector<std::string> ServerArgs() override {
    return {"--no-demo", "--base-url", "https://kc.example.org/"};
  }
};

TEST_F(ConfiguredBaseUrlTest, LinksUseTheConfiguredBaseUrl) {
  Client c = Anonymous();
  auto answers = ForgedHostAnswers(c);
  for (const auto& r : answers) EXPECT_THAT(r.body, Not(HasSubstr("evil.example")));
  EXPECT_THAT(answers[0].body, HasSubstr("<loc>https://kc.example.org/demands</loc>"));
  EXPECT_THAT(answers[1].body, HasSubstr("Sitemap: https://kc.example.org/sitemap.xml"));
  if (answers[2].Header("content-type").starts_with("text/html")) {
    EXPECT_THAT(answers[2].body, HasSubstr("href=\"https://kc.example.org/\""));
  }
  EXPECT_THAT(answers[3].body, HasSubstr("https://kc.example.org/news"));
}

class EncodedPathTest : public ApiTest {};

TEST_F(EncodedPathTest, AnEncodedSlashIsNotAPathSeparator) {
  Client c = Anonymous();
  ASSERT_EQ(c.Get("/api/v1/health").status, 200);
  for (const char* path :
       {"/api%2fv1%2fhealth", "/api%2Fv1%2Fhealth", "/api/v1%2fhealth", "/api%2fv1/health"}) {
    HttpResult r = c.Get(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_THAT(r.body, Not(HasSubstr("\"status\":\"ok\""))) << path;
  }
  // Other escapes in a path are decoded as before.
  EXPECT_EQ(c.Get("/api/v1/%68ealth").status, 200);
}

}  // namespace
}  // namespace kc::testing
