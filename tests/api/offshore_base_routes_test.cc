// /api/v1/bases against the real server: the directory of offshore innovation bases, their
// people and projects, and who may change them (docs/bases.md).
#include <gtest/gtest.h>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

using nlohmann::json;

class OffshoreBaseRoutesTest : public ApiTest {
 protected:
  static int64_t OrgOf(Client& c) { return c.Get("/api/v1/me").json.value("org_id", int64_t{0}); }

  static json Munich(int64_t org) {
    return {{"name", "慕尼黑离岸创新创业基地"},
            {"name_en", "Munich Offshore Innovation Base"},
            {"country", "DE"},
            {"city", "München"},
            {"org_id", org},
            {"host_name", "Example Technology Park"},
            {"fields", {"0812", "Engineering"}},
            {"services", {"incubation", "legal"}},
            {"contact", {{"name", "王芳"}, {"email", "base@example.de"}}},
            {"website", "https://base.example.de"},
            {"established", "2019"}};
  }
};

TEST_F(OffshoreBaseRoutesTest, OrgAdminKeepsABaseThePublicReadsIt) {
  Client owner = RegisterWithOrg("base_owner", "慕尼黑基地运营公司");
  const int64_t org = OrgOf(owner);
  auto created = owner.Post("/api/v1/bases", Munich(org));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json["status"], "draft");
  EXPECT_EQ(created.json["fields"], json({"计算机科学与技术", "工学"}));
  const std::string path = "/api/v1/bases/" + std::to_string(created.json.value("id", 0));

  // A draft is invisible to the public, in lists and alone.
  EXPECT_EQ(Anonymous().Get(path).status, 404);
  EXPECT_EQ(Anonymous().Get("/api/v1/bases").json["total"], 0);
  EXPECT_EQ(Anonymous().Get("/api/v1/bases?status=draft").json["total"], 0);
  EXPECT_EQ(owner.Get("/api/v1/bases?status=draft").json["total"], 1);

  auto published = owner.Patch(path, {{"status", "published"}});
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.json["city"], "München");  // a PATCH keeps what it does not name

  auto people = owner.Send(
      "PUT", path + "/people",
      json({{"people", {{{"name", "王芳"}, {"role", "主任"}}, {{"name", "Anna Weber"}}}}}).dump());
  ASSERT_EQ(people.status, 200) << people.body;
  EXPECT_EQ(people.json["people"].size(), 2u);
  Client reviewer = Reviewer();
  const int64_t demand = PublishedDemand(owner, reviewer, "离岸基地孵化项目");
  auto projects =
      owner.Send("PUT", path + "/projects",
                 json({{"projects", {{{"listing_id", demand}, {"note", "孵化中"}}}}}).dump());
  ASSERT_EQ(projects.status, 200) << projects.body;
  EXPECT_EQ(projects.json["projects"][0]["title"], "离岸基地孵化项目");

  auto read = Anonymous().Get(path);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json["name_en"], "Munich Offshore Innovation Base");
  EXPECT_EQ(read.json["people"][0]["role"], "主任");
  EXPECT_EQ(read.json["projects"][0]["type"], "demand");
  EXPECT_EQ(read.json["projects"][0]["note"], "孵化中");
  auto list = Anonymous().Get("/api/v1/bases?country=DE&field=%E5%B7%A5%E5%AD%A6");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json["total"], 1);
  EXPECT_EQ(Anonymous().Get("/api/v1/bases?country=US").json["total"], 0);
  auto countries = Anonymous().Get("/api/v1/bases/countries");
  ASSERT_EQ(countries.status, 200);
  EXPECT_EQ(countries.json["items"][0]["country"], "DE");
  EXPECT_EQ(countries.json["total"], 1);

  auto closed = owner.Patch(path, {{"status", "closed"}});
  EXPECT_EQ(closed.status, 200);
  EXPECT_EQ(Anonymous().Get(path).json["status"], "closed");
  EXPECT_EQ(owner.Delete(path).status, 204);
  EXPECT_EQ(Anonymous().Get(path).status, 404);
}

TEST_F(OffshoreBaseRoutesTest, NobodyElseEditsABase) {
  Client owner = RegisterWithOrg("base_owner", "慕尼黑基地运营公司");
  const int64_t org = OrgOf(owner);
  json draft = Munich(org);
  auto created = owner.Post("/api/v1/bases", draft);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = "/api/v1/bases/" + std::to_string(created.json.value("id", 0));
  Client other_admin = RegisterWithOrg("other_admin", "别家公司");
  Client member = RegisterUser("plain_member", org);  // asked to join: no rights yet
  Client loner = RegisterUser("loner");
  Client visitor = Anonymous();

  // Another organisation's admin, a would-be member, a signed-in user without an organisation:
  // the draft does not exist for them; a visitor must sign in first.
  for (Client* c : {&other_admin, &member, &loner}) {
    EXPECT_EQ(c->Get(path).status, 404);
    EXPECT_EQ(c->Patch(path, {{"name", "夺取"}}).status, 404);
    EXPECT_EQ(c->Delete(path).status, 404);
    EXPECT_EQ(c->Send("PUT", path + "/people", R"({"people":[]})").status, 404);
  }
  EXPECT_EQ(visitor.Patch(path, {{"name", "夺取"}}).status, 401);
  EXPECT_EQ(visitor.Delete(path).status, 401);
  EXPECT_EQ(visitor.Post("/api/v1/bases", draft).status, 401);

  ASSERT_EQ(owner.Patch(path, {{"status", "published"}}).status, 200);
  // Published, it is readable, and still theirs alone to change.
  for (Client* c : {&other_admin, &member, &loner}) {
    EXPECT_EQ(c->Get(path).status, 200);
    auto patch = c->Patch(path, {{"name", "夺取"}});
    EXPECT_EQ(patch.status, 403) << patch.body;
    EXPECT_EQ(patch.json["error"]["code"], "forbidden");
    EXPECT_EQ(c->Delete(path).status, 403);
    EXPECT_EQ(c->Send("PUT", path + "/projects", R"({"projects":[]})").status, 403);
  }
  // Adding a base for another organisation, or taking this one over, is refused.
  EXPECT_EQ(other_admin.Post("/api/v1/bases", draft).status, 403);
  EXPECT_EQ(owner.Patch(path, {{"org_id", OrgOf(other_admin)}}).status, 403);
  EXPECT_EQ(owner.Patch(path, {{"org_id", nullptr}}).status, 403);
  EXPECT_EQ(Anonymous().Get(path).json["name"], "慕尼黑离岸创新创业基地");
  // The platform admin may.
  EXPECT_EQ(Admin().Patch(path, {{"org_id", OrgOf(other_admin)}}).status, 200);
  EXPECT_EQ(owner.Patch(path, {{"name", "x"}}).status, 403);
}

TEST_F(OffshoreBaseRoutesTest, BadInputIsNamed) {
  Client admin = Admin();
  auto expect_error = [&](const json& body, int status, const std::string& code,
                          const std::string& field) {
    auto r = admin.Post("/api/v1/bases", body);
    EXPECT_EQ(r.status, status) << body.dump() << " " << r.body;
    EXPECT_EQ(r.json["error"]["code"], code) << r.body;
    if (!field.empty()) {
      EXPECT_EQ(r.json["error"]["field"], field) << r.body;
    }
  };
  json ok = Munich(0);
  ok.erase("org_id");
  expect_error(json{{"country", "DE"}, {"city", "x"}}, 422, "required", "name");
  json bad = ok;
  bad["country"] = "Germany";
  expect_error(bad, 422, "invalid_country", "country");
  bad = ok;
  bad["fields"] = {"炼金术"};
  expect_error(bad, 422, "unknown_focus_field", "fields");
  bad = ok;
  bad["services"] = {"catering"};
  expect_error(bad, 422, "unknown_service", "services");
  bad = ok;
  bad["status"] = "open";
  expect_error(bad, 422, "invalid_status", "status");
  bad = ok;
  bad["website"] = "javascript:alert(1)";
  expect_error(bad, 422, "invalid_url", "website");
  bad = ok;
  bad["contact"] = {{"email", "nobody"}};
  expect_error(bad, 422, "invalid_email", "contact.email");
  bad = ok;
  bad["org_id"] = 999999;
  expect_error(bad, 422, "unknown_org", "org_id");
  bad = ok;
  bad["fax"] = "1";
  expect_error(bad, 400, "unknown_field", "fax");
  bad = ok;
  bad["fields"] = "工学";
  expect_error(bad, 422, "invalid_type", "fields");

  auto created = admin.Post("/api/v1/bases", ok);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = "/api/v1/bases/" + std::to_string(created.json.value("id", 0));
  auto people =
      admin.Send("PUT", path + "/people", R"({"people":[{"name":"ok"},{"name":"","role":"x"}]})");
  EXPECT_EQ(people.status, 422);
  EXPECT_EQ(people.json["error"]["field"], "people[1].name");
  auto projects = admin.Send("PUT", path + "/projects", R"({"projects":[{"listing_id":999999}]})");
  EXPECT_EQ(projects.status, 422);
  EXPECT_EQ(projects.json["error"]["code"], "unknown_project");
  projects = admin.Send("PUT", path + "/projects", R"({"projects":[{"note":"x"}]})");
  EXPECT_EQ(projects.status, 422);
  EXPECT_EQ(projects.json["error"]["field"], "projects[0].listing_id");
  EXPECT_EQ(admin.Get("/api/v1/bases/abc").status, 400);
  EXPECT_EQ(admin.Get("/api/v1/bases?status=open").status, 400);
  EXPECT_EQ(admin.Get("/api/v1/bases/999999").status, 404);
}

TEST_F(OffshoreBaseRoutesTest, CsvImportReportsBadLinesAndImportsTheRest) {
  const std::string csv =
      "name,country,city,services,people,status\n"
      "慕尼黑基地,DE,München,incubation;legal,王芳:主任,published\n"
      "坏基地,Germany,Berlin,,,\n"
      "硅谷基地,US,Palo Alto,matchmaking,,published\n";
  auto report = Admin().Send("POST", "/api/v1/bases/import", csv, {}, "text/csv");
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_EQ(report.json["created"], 2);
  ASSERT_EQ(report.json["failed"].size(), 1u);
  EXPECT_EQ(report.json["failed"][0]["line"], 3);
  EXPECT_EQ(report.json["failed"][0]["error"]["code"], "invalid_country");
  EXPECT_EQ(Anonymous().Get("/api/v1/bases").json["total"], 2);
  EXPECT_EQ(Anonymous().Send("POST", "/api/v1/bases/import", csv, {}, "text/csv").status, 401);
  EXPECT_EQ(
      RegisterUser("importer").Send("POST", "/api/v1/bases/import", csv, {}, "text/csv").status,
      403);
  auto empty = Admin().Send("POST", "/api/v1/bases/import", "", {}, "text/csv");
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(empty.json["error"]["code"], "empty_file");
}

}  // namespace
}  // namespace kc::testing
