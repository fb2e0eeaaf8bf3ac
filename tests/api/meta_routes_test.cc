// GET /health, /taxonomy and /openapi.json against the real binary.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

class MetaRoutesTest : public ApiTest {};

TEST_F(MetaRoutesTest, HealthReportsStatusAndVersion) {
  auto r = Anonymous().Get("/api/v1/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.json["status"], "ok");
  EXPECT_FALSE(r.json.value("version", "").empty());
  EXPECT_FALSE(r.Header("x-request-id").empty());
}

TEST_F(MetaRoutesTest, TaxonomyHasThirteenCategories) {
  auto r = Anonymous().Get("/api/v1/taxonomy");
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.json["categories"].size(), 13u);
  bool found = false;
  for (const auto& c : r.json["categories"]) {
    if (c["name"] == "工学") {
      for (const auto& d : c["disciplines"]) found = found || d["name"] == "计算机科学与技术";
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(MetaRoutesTest, OpenApiDocumentsTheContractRoutes) {
  auto r = Anonymous().Get("/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json["openapi"], "3.1.0");
  const auto& paths = r.json["paths"];
  // The routes of DESIGN §5 and the foundation issue: a missing one fails here.
  std::vector<std::pair<std::string, std::string>> expected = {
      {"get", "/api/v1/health"},
      {"get", "/api/v1/openapi.json"},
      {"get", "/api/v1/taxonomy"},
      {"post", "/api/v1/auth/register"},
      {"post", "/api/v1/auth/login"},
      {"post", "/api/v1/auth/logout"},
      {"get", "/api/v1/me"},
      {"get", "/api/v1/users"},
      {"get", "/api/v1/users/{id}"},
      {"patch", "/api/v1/users/{id}"},
      {"get", "/api/v1/orgs"},
      {"post", "/api/v1/orgs"},
      {"get", "/api/v1/orgs/{id}"},
      {"patch", "/api/v1/orgs/{id}"},
      {"get", "/api/v1/orgs/{id}/members"},
      {"post", "/api/v1/orgs/{id}/members"},
      {"patch", "/api/v1/orgs/{id}/members/{user_id}"},
      {"delete", "/api/v1/orgs/{id}/members/{user_id}"},
      {"post", "/api/v1/import/{kind}"},
      {"get", "/api/v1/import/{kind}/template"},
  };
  for (std::string kind : {"demands", "achievements", "experts"}) {
    std::string base = "/api/v1/" + kind;
    for (auto [m, p] : std::vector<std::pair<std::string, std::string>>{{"get", ""},
                                                                        {"post", ""},
                                                                        {"get", "/export"},
                                                                        {"get", "/{id}"},
                                                                        {"patch", "/{id}"},
                                                                        {"delete", "/{id}"},
                                                                        {"post", "/{id}/submit"},
                                                                        {"post", "/{id}/approve"},
                                                                        {"post", "/{id}/reject"},
                                                                        {"post", "/{id}/close"},
                                                                        {"post", "/{id}/renew"},
                                                                        {"get", "/{id}/history"}}) {
      expected.emplace_back(m, base + p);
    }
  }
  for (const auto& [method, path] : expected) {
    ASSERT_TRUE(paths.contains(path)) << "missing path " << path;
    EXPECT_TRUE(paths[path].contains(method)) << "missing " << method << " " << path;
    if (paths[path].contains(method)) {
      EXPECT_TRUE(paths[path][method].contains("responses")) << path;
    }
  }
  EXPECT_TRUE(r.json["components"]["schemas"].contains("Error"));
}

TEST_F(MetaRoutesTest, EveryDocumentedOperationIsRouted) {
  Client c = Anonymous();
  auto doc = c.Get("/api/v1/openapi.json").json;
  int checked = 0;
  for (const auto& [path, ops] : doc["paths"].items()) {
    std::string target = std::regex_replace(path, std::regex(R"(\{kind\})"), "demands");
    target = std::regex_replace(target, std::regex(R"(\{[a-z_]+\})"), "999999");
    for (const auto& [method, op] : ops.items()) {
      std::string m = method;
      for (auto& ch : m) ch = static_cast<char>(std::toupper(ch));
      auto r = c.Send(m, target, m == "GET" || m == "DELETE" ? "" : "{}");
      EXPECT_NE(r.ErrorCode(), "method_not_allowed") << m << " " << target;
      EXPECT_EQ(r.body.find("no route for"), std::string::npos) << m << " " << target;
      ++checked;
    }
  }
  EXPECT_GT(checked, 50);
}

}  // namespace
}  // namespace kc::testing
