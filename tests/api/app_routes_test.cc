// The server's list of the app's routes is the router's (web/src/router.js), pattern for
// pattern; other paths are not routes.
#include "api/app_routes.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace kc::api {
namespace {

// Every `path: '…'` of web/src/router.js with JavaScript's "\\" undone, except the catch-all.
std::set<std::string> RouterPatterns() {
  std::ifstream in(std::string(KC_SOURCE_DIR) + "/web/src/router.js");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string source = ss.str();
  std::set<std::string> out;
  static const std::regex path_re(R"(path:\s*'([^']*)')");
  for (auto it = std::sregex_iterator(source.begin(), source.end(), path_re);
       it != std::sregex_iterator(); ++it) {
    std::string p = (*it)[1].str();
    for (size_t pos = 0; (pos = p.find("\\\\", pos)) != std::string::npos; ++pos) p.erase(pos, 1);
    if (p.find("(.*)") == std::string::npos) out.insert(p);
  }
  return out;
}

TEST(AppRoutesTest, TheServersListIsTheRoutersList) {
  std::set<std::string> router = RouterPatterns();
  ASSERT_GT(router.size(), 10u) << "web/src/router.js not read";
  std::set<std::string> server(AppRoutePatterns().begin(), AppRoutePatterns().end());
  for (const auto& p : router) {
    EXPECT_TRUE(server.count(p))
        << "a route of web/src/router.js missing in src/api/app_routes.cc: " << p;
  }
  for (const auto& p : server) {
    EXPECT_TRUE(router.count(p))
        << "a route in src/api/app_routes.cc no longer in web/src/router.js: " << p;
  }
}

TEST(AppRoutesTest, MatchesLiteralsDigitsAndAlternatives) {
  EXPECT_TRUE(IsAppRoute("/"));
  EXPECT_TRUE(IsAppRoute("/news"));
  EXPECT_TRUE(IsAppRoute("/news/"));
  EXPECT_TRUE(IsAppRoute("/news/12"));
  EXPECT_TRUE(IsAppRoute("/news/12/edit"));
  EXPECT_TRUE(IsAppRoute("/experts"));
  EXPECT_TRUE(IsAppRoute("/achievements/3"));
  EXPECT_TRUE(IsAppRoute("/workspace/demands/4/edit"));
  EXPECT_FALSE(IsAppRoute("/news/abc"));
  EXPECT_FALSE(IsAppRoute("/patents"));
  EXPECT_FALSE(IsAppRoute("/patents/3"));
  EXPECT_FALSE(IsAppRoute("/workspace/patents/new"));
  EXPECT_FALSE(IsAppRoute("/news/12/delete"));
  EXPECT_FALSE(IsAppRoute("/no-such-page"));
  EXPECT_FALSE(IsAppRoute(""));
  EXPECT_TRUE(MatchesRoutePattern("/u/:name", "/u/anyone"));
  EXPECT_FALSE(MatchesRoutePattern("/u/:name", "/u/"));
}

}  // namespace
}  // namespace kc::api
