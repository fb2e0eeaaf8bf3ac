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
  EXPECT_EQ(me.json["role"], "member");
  EXPECT_EQ(me.json["org_role"], "org_admin");
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
  EXPECT_EQ(boss.Patch(member, {{"role", "org_admin"}}).json["org_role"], "org_admin");
  EXPECT_EQ(boss.Patch(member, {{"role", "admin"}}).status, 422);
  EXPECT_EQ(worker.Patch("/api/v1/orgs/" + std::to_string(org), {{"website", "https://a.example"}})
                .status,
            200);
  EXPECT_EQ(other.Patch("/api/v1/orgs/" + std::to_string(org), {{"website", "x"}}).status, 403);
  // Remove: the worker loses access.
  EXPECT_EQ(boss.Delete(member).status, 204);
  Client again(server_->port());
  again.Login("worker", PasswordOf("worker"));
  EXPECT_TRUE(again.Get("/api/v1/me").json["org_id"].is_null());
  EXPECT_EQ(
      boss.Delete(members + "/" + std::to_string(boss.Get("/api/v1/me").json["id"].get<int64_t>()))
          .status,
      409);
}

TEST_F(OrgRoutesTest, RegisteringIntoAnExistingOrganisationIsARequestItsAdminsDecide) {
  Client boss = RegisterWithOrg("boss2", "丙大学", "university");
  int64_t org = boss.Get("/api/v1/me").json["org_id"];
  std::string requests = "/api/v1/orgs/" + std::to_string(org) + "/join-requests";
  Client student(server_->port());
  auto reg = student.Post("/api/v1/auth/register", {{"username", "student"},
                                                    {"password", PasswordOf("student")},
                                                    {"display_name", "学生甲"},
                                                    {"org_id", org}});
  ASSERT_EQ(reg.status, 201) << reg.body;
  EXPECT_TRUE(reg.json["org_id"].is_null());
  ASSERT_EQ(student.Login("student", PasswordOf("student")).status, 200);
  auto me = student.Get("/api/v1/me");
  EXPECT_TRUE(me.json["org_id"].is_null());
  EXPECT_EQ(me.json["requested_org_id"], org);
  int64_t student_id = me.json["id"];
  // Not a member yet: no members list, no organisation edits, no requests list.
  EXPECT_EQ(student.Get("/api/v1/orgs/" + std::to_string(org) + "/members").status, 403);
  EXPECT_EQ(student.Patch("/api/v1/orgs/" + std::to_string(org), {{"website", "x"}}).status, 403);
  EXPECT_EQ(student.Get(requests).status, 403);
  // The org admin hears of the request and sees it; another org's admin does not.
  auto notes = boss.Get("/api/v1/me/notifications");
  ASSERT_EQ(notes.json["items"].size(), 1u) << notes.body;
  EXPECT_EQ(notes.json["items"][0]["kind"], "join_request");
  EXPECT_EQ(notes.json["items"][0]["detail"]["user_id"], student_id);
  Client stranger = RegisterWithOrg("boss3", "丁公司");
  EXPECT_EQ(stranger.Get(requests).status, 403);
  EXPECT_EQ(stranger.Post(requests + "/" + std::to_string(student_id) + "/approve", json::object())
                .status,
            403);
  auto listed = boss.Get(requests);
  ASSERT_EQ(listed.json["total"], 1) << listed.body;
  EXPECT_EQ(listed.json["items"][0]["username"], "student");
  // Approval makes a member, and the user hears of it.
  auto ok = boss.Post(requests + "/" + std::to_string(student_id) + "/approve", json::object());
  ASSERT_EQ(ok.status, 200) << ok.body;
  me = student.Get("/api/v1/me");
  EXPECT_EQ(me.json["org_id"], org);
  EXPECT_EQ(me.json["role"], "member");
  EXPECT_EQ(me.json["org_role"], "member");
  EXPECT_FALSE(me.json.contains("requested_org_id"));
  EXPECT_EQ(student.Get("/api/v1/me/notifications").json["items"][0]["kind"], "join_approved");
  EXPECT_EQ(boss.Get(requests).json["total"], 0);
  // A decided request is gone.
  EXPECT_EQ(
      boss.Post(requests + "/" + std::to_string(student_id) + "/approve", json::object()).status,
      404);
  // Unknown organisation.
  auto bad = Anonymous().Post(
      "/api/v1/auth/register",
      {{"username", "ghost"}, {"password", PasswordOf("ghost")}, {"org_id", 99999}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.ErrorField(), "org_id");
}

TEST_F(OrgRoutesTest, ARejectedRequestLeavesTheUserOutsideWithTheReason) {
  Client boss = RegisterWithOrg("boss4", "戊研究所", "institute");
  int64_t org = boss.Get("/api/v1/me").json["org_id"];
  std::string requests = "/api/v1/orgs/" + std::to_string(org) + "/join-requests";
  Client hopeful = RegisterUser("hopeful");
  auto asked = hopeful.Post("/api/v1/me/join-request", {{"org_id", org}});
  ASSERT_EQ(asked.status, 201) << asked.body;
  EXPECT_EQ(asked.json["requested_org_id"], org);
  EXPECT_EQ(hopeful.Post("/api/v1/me/join-request", {{"org_id", 99999}}).status, 422);
  EXPECT_EQ(hopeful.Post("/api/v1/me/join-request", json::object()).ErrorField(), "org_id");
  int64_t id = hopeful.Get("/api/v1/me").json["id"];
  std::string reject = requests + "/" + std::to_string(id) + "/reject";
  EXPECT_EQ(boss.Post(reject, {{"reason", std::string(501 * 3, 'x')}}).status, 422);
  auto no = boss.Post(reject, {{"reason", "请使用单位邮箱注册"}});
  ASSERT_EQ(no.status, 200) << no.body;
  auto me = hopeful.Get("/api/v1/me");
  EXPECT_TRUE(me.json["org_id"].is_null());
  EXPECT_FALSE(me.json.contains("requested_org_id"));
  auto note = hopeful.Get("/api/v1/me/notifications").json["items"][0];
  EXPECT_EQ(note["kind"], "join_rejected");
  EXPECT_EQ(note["detail"]["reason"], "请使用单位邮箱注册");
  // A member of an organisation cannot ask to join another; a withdrawn request is gone.
  EXPECT_EQ(boss.Post("/api/v1/me/join-request", {{"org_id", org}}).status, 409);
  ASSERT_EQ(hopeful.Post("/api/v1/me/join-request", {{"org_id", org}}).status, 201);
  ASSERT_EQ(hopeful.Delete("/api/v1/me/join-request").status, 200);
  EXPECT_EQ(boss.Get(requests).json["total"], 0);
}

// Platform roles and organisation roles are separate: nothing an org admin does, and nothing a
// user does within an organisation, changes a platform role.
TEST_F(OrgRoutesTest, AnOrgAdminCannotChangeAPlatformRole) {
  Client boss = RegisterWithOrg("roleboss", "戊公司");
  int64_t org = boss.Get("/api/v1/me").json["org_id"];
  std::string members = "/api/v1/orgs/" + std::to_string(org) + "/members";
  Client admin = Admin();
  // An editor without an organisation is pulled in and set back and forth.
  Client editor = RegisterUser("roleeditor");
  int64_t editor_id = editor.Get("/api/v1/me").json["id"];
  ASSERT_EQ(admin.Patch("/api/v1/users/" + std::to_string(editor_id), {{"role", "editor"}}).status,
            200);
  auto added = boss.Post(members, {{"username", "roleeditor"}, {"role", "member"}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.json["role"], "editor");
  EXPECT_EQ(added.json["org_role"], "member");
  std::string member = members + "/" + std::to_string(editor_id);
  for (const char* role : {"org_admin", "member"}) {
    auto set = boss.Patch(member, {{"role", role}});
    ASSERT_EQ(set.status, 200) << set.body;
    EXPECT_EQ(set.json["org_role"], role);
    EXPECT_EQ(set.json["role"], "editor");
  }
  // A platform role cannot be given either.
  EXPECT_EQ(boss.Patch(member, {{"role", "editor"}}).status, 422);
  EXPECT_EQ(boss.Patch(member, {{"role", "reviewer"}}).status, 422);
  EXPECT_EQ(boss.Delete(member).status, 204);
  editor.Login("roleeditor", PasswordOf("roleeditor"));
  auto me = editor.Get("/api/v1/me");
  EXPECT_EQ(me.json["role"], "editor");
  EXPECT_TRUE(me.json["org_id"].is_null());
  EXPECT_TRUE(me.json["org_role"].is_null());
  // The editor still writes news.
  auto article = editor.Post("/api/v1/news", {{"title", "编辑仍可发稿"},
                                              {"source", "示范新闻网"},
                                              {"published_at", "2026-05-06T14:20:05+08:00"},
                                              {"column", "headlines"},
                                              {"paragraphs", {"第一段。"}}});
  EXPECT_EQ(article.status, 201) << article.body;
}

TEST_F(OrgRoutesTest, AReviewerWhoCreatesOrJoinsAnOrganisationStaysAReviewer) {
  Client founder = Reviewer("reviewerfounder");
  auto created = founder.Post("/api/v1/orgs", {{"name", "己研究所"}, {"type", "institute"}});
  ASSERT_EQ(created.status, 201) << created.body;
  auto me = founder.Get("/api/v1/me");
  EXPECT_EQ(me.json["role"], "reviewer");
  EXPECT_EQ(me.json["org_role"], "org_admin");
  // Both roles work: reviewing another organisation's listing, and managing this one.
  Client owner = RegisterWithOrg("roleowner", "庚公司");
  const int64_t demand = CreateDemand(owner, "审核员仍可审核的需求");
  const std::string base = "/api/v1/demands/" + std::to_string(demand);
  ASSERT_EQ(owner.Post(base + "/submit", json::object()).status, 200);
  EXPECT_EQ(founder.Post(base + "/approve", json::object()).status, 200);
  const int64_t org = created.json["id"];
  EXPECT_EQ(founder.Get("/api/v1/orgs/" + std::to_string(org) + "/join-requests").status, 200);

  // A reviewer who asks to join, approved by the org admin, stays a reviewer.
  Client joiner = Reviewer("reviewerjoiner");
  const int64_t joiner_id = joiner.Get("/api/v1/me").json["id"];
  ASSERT_EQ(joiner.Post("/api/v1/me/join-request", {{"org_id", org}}).status, 201);
  auto ok = founder.Post("/api/v1/orgs/" + std::to_string(org) + "/join-requests/" +
                             std::to_string(joiner_id) + "/approve",
                         json::object());
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json["role"], "reviewer");
  EXPECT_EQ(ok.json["org_role"], "member");
}

}  // namespace
}  // namespace kc::testing
