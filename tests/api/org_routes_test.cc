// Organisations and their members through the API.
#include <gtest/gtest.h>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

using nlohmann::json;

class OrgRoutesTest : public ApiTest {};

TEST_F(OrgRoutesTest, UserWithoutOrgCreatesOneAndBecomesItsAdmin) {
  Client c = RegisterUser("founder");
  auto r = c.Post("/api/v1/orgs", {{"name", "新锐科技有限公司"},
                                   {"type", "enterprise"},
                                   {"region", "330106"},
                                   {"credit_code", "91350100m000100y43"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json["credit_code"], "91350100M000100Y43");  // normalised
  EXPECT_EQ(r.json["region_name"], "浙江省");
  EXPECT_EQ(r.json["country"], "CN");
  auto me = c.Get("/api/v1/me");
  EXPECT_EQ(me.json["role"], "org_admin");
  EXPECT_EQ(me.json["org"]["id"], r.json["id"]);
  auto dup = RegisterUser("copycat").Post("/api/v1/orgs",
                                          {{"name", "新锐科技有限公司"}, {"type", "enterprise"}});
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.ErrorField(), "name");
  auto listed = Anonymous().Get("/api/v1/orgs?type=enterprise");
  EXPECT_EQ(listed.json["total"], 1);
  EXPECT_EQ(
      Anonymous().Get("/api/v1/orgs/" + std::to_string(r.json["id"].get<int64_t>())).json["name"],
      "新锐科技有限公司");
}

TEST_F(OrgRoutesTest, ForeignOrganisationWithCountryCode) {
  Client c = RegisterUser("hans");
  auto r = c.Post("/api/v1/orgs",
                  {{"name", "Rhein Materials GmbH"}, {"type", "enterprise"}, {"country", "DE"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json["country"], "DE");
  auto bad = RegisterUser("pierre").Post(
      "/api/v1/orgs",
      {{"name", "X"}, {"type", "enterprise"}, {"country", "FR"}, {"region", "110108"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.ErrorField(), "region");
}

TEST_F(OrgRoutesTest, OrgAdminsManageMembersOfTheirOwnOrganisationOnly) {
  Client boss = RegisterWithOrg("boss", "甲研究院", "institute");
  Client other = RegisterWithOrg("otherboss", "乙研究院", "institute");
  int64_t org = boss.Get("/api/v1/me").json["org_id"];
  int64_t other_org = other.Get("/api/v1/me").json["org_id"];
  Client worker = RegisterUser("worker");
  int64_t worker_id = worker.Get("/api/v1/me").json["id"];
  std::string members = "/api/v1/orgs/" + std::to_string(org) + "/members";

  EXPECT_EQ(other.Post(members, {{"username", "worker"}}).status, 403);
  auto added = boss.Post(members, {{"username", "worker"}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.json["org_id"], org);
  EXPECT_EQ(boss.Get(members).json["total"], 2);
  EXPECT_EQ(other.Get(members).status, 403);
  // Already a member elsewhere.
  auto taken = other.Post("/api/v1/orgs/" + std::to_string(other_org) + "/members",
                          {{"username", "worker"}});
  EXPECT_EQ(taken.status, 409);
  // Promote, then the worker may edit the organisation.
  std::string member = members + "/" + std::to_string(worker_id);
  EXPECT_EQ(boss.Patch(member, {{"role", "org_admin"}}).json["role"], "org_admin");
  EXPECT_EQ(boss.Patch(member, {{"role", "admin"}}).status, 422);
  EXPECT_EQ(worker.Patch("/api/v1/orgs/" + std::to_string(org), {{"website", "https://a.example"}})
                .status,
            200);
  EXPECT_EQ(other.Patch("/api/v1/orgs/" + std::to_string(org), {{"website", "x"}}).status, 403);
  // Remove: the worker loses access.
  EXPECT_EQ(boss.Delete(member).status, 204);
  Client again(server_->port());
  again.Login("worker", "password-worker");
  EXPECT_TRUE(again.Get("/api/v1/me").json["org_id"].is_null());
  EXPECT_EQ(
      boss.Delete(members + "/" + std::to_string(boss.Get("/api/v1/me").json["id"].get<int64_t>()))
          .status,
      409);
}

TEST_F(OrgRoutesTest, RegisteringIntoAnExistingOrganisation) {
  Client boss = RegisterWithOrg("boss2", "丙大学", "university");
  int64_t org = boss.Get("/api/v1/me").json["org_id"];
  Client member = RegisterUser("student", org);
  auto me = member.Get("/api/v1/me");
  EXPECT_EQ(me.json["org_id"], org);
  EXPECT_EQ(me.json["role"], "member");
  auto bad =
      Anonymous().Post("/api/v1/auth/register",
                       {{"username", "ghost"}, {"password", "password-ghost"}, {"org_id", 99999}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.ErrorField(), "org_id");
}

}  // namespace
}  // namespace kc::testing
