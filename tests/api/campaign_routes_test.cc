// /api/v1/campaigns against the real server: a ranked list from template to published results.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ctime>

#include "api/api_fixture.h"
#include "core/iso_time.h"
#include "core/shanghai_day.h"

namespace kc::testing {
namespace {

using nlohmann::json;

class CampaignRoutesTest : public ApiTest {
 protected:
  // Signs `username` up with an institute and publishes an expert profile in `discipline`.
  Client Expert(const std::string& username, Client& admin, int64_t org_id = 0) {
    Client c = org_id ? RegisterUser(username, org_id)
                      : RegisterWithOrg(username, username + "研究院", "institute");
    auto e = c.Post("/api/v1/experts", {{"name", username},
                                        {"title", "研究员"},
                                        {"disciplines", {"材料科学与工程"}},
                                        {"bio", "从事新材料研究。"}});
    EXPECT_EQ(e.status, 201) << e.body;
    std::string path = "/api/v1/experts/" + std::to_string(e.json.value("id", 0));
    EXPECT_EQ(c.Post(path + "/submit", json::object()).status, 200);
    EXPECT_EQ(admin.Post(path + "/approve", json::object()).status, 200);
    return c;
  }

  static json Enterprise(const std::string& name, int64_t own_org, int founded) {
    return {{"nominee_type", "enterprise"},
            {"nominee_name", name},
            {"nominee_org_id", own_org},
            {"founding_year", founded},
            {"discipline", "材料科学与工程"},
            {"summary", "固态电池材料。"},
            {"materials", {{{"title", "营业执照"}, {"url", "https://example.org/license.pdf"}}}}};
  }
};

TEST_F(CampaignRoutesTest, TemplatesDefaultToThisYearInChinasTimeZone) {
  auto templates = Anonymous().Get("/api/v1/campaigns/templates");
  ASSERT_EQ(templates.status, 200);
  const int this_year = std::stoi(ShanghaiDay(std::time(nullptr)).substr(0, 4));
  ASSERT_FALSE(templates.json["items"].empty());
  for (const auto& t : templates.json["items"]) EXPECT_EQ(t["year"], this_year) << t.dump();
  auto named = Anonymous().Get("/api/v1/campaigns/templates?year=2031");
  EXPECT_EQ(named.json["items"][0]["year"], 2031);
}

TEST_F(CampaignRoutesTest, FromTemplateToPublishedRankedList) {
  Client admin = Admin();
  auto templates = Anonymous().Get("/api/v1/campaigns/templates?year=2026");
  ASSERT_EQ(templates.status, 200);
  ASSERT_EQ(templates.json["items"].size(), 4u);

  int64_t now = std::time(nullptr);
  auto created = admin.Post("/api/v1/campaigns", {{"template", "emerging-enterprise"},
                                                  {"year", 2026},
                                                  {"min_reviewers", 2},
                                                  {"nomination_opens", IsoTime(now - 86400)},
                                                  {"nomination_closes", IsoTime(now + 86400)},
                                                  {"review_opens", IsoTime(now + 86400)},
                                                  {"review_closes", IsoTime(now + 30 * 86400)}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json["title"], "2026“科创中国”新锐企业榜");
  EXPECT_EQ(created.json["rules"]["min_founding_year"], 2021);
  std::string base = "/api/v1/campaigns/" + std::to_string(created.json.value("id", 0));
  EXPECT_EQ(Anonymous().Get(base).status, 404) << "a draft is not public";
  ASSERT_EQ(admin.Post(base + "/open", json::object()).status, 200);

  Client ent1 = RegisterWithOrg("ent1", "新锐一号科技");
  Client ent2 = RegisterWithOrg("ent2", "新锐二号科技");
  int64_t org1 = ent1.Get("/api/v1/me").json["org_id"];
  int64_t org2 = ent2.Get("/api/v1/me").json["org_id"];
  auto n1 = ent1.Post(base + "/nominations", Enterprise("新锐一号科技", org1, 2023));
  ASSERT_EQ(n1.status, 201) << n1.body;
  auto too_old = ent2.Post(base + "/nominations", Enterprise("新锐二号科技", org2, 2015));
  EXPECT_EQ(too_old.status, 422);
  EXPECT_EQ(too_old.json["error"]["code"], "ineligible");
  EXPECT_EQ(too_old.json["error"]["field"], "founding_year");
  auto n2 = ent2.Post(base + "/nominations", Enterprise("新锐二号科技", org2, 2022));
  ASSERT_EQ(n2.status, 201) << n2.body;
  json own_nominations = ent1.Get(base + "/nominations").json["items"];
  ASSERT_EQ(own_nominations.size(), 1u) << "only its own";
  EXPECT_EQ(own_nominations[0]["nominator_org_id"], org1) << "the nominator sees itself";

  // Experts: two independent ones and one of the first nominee's own company.
  Client exp_a = Expert("expa", admin);
  Client exp_b = Expert("expb", admin);
  Client exp_own = Expert("expown", admin, org1);
  auto review = admin.Post(base + "/review", json::object());
  ASSERT_EQ(review.status, 200) << review.body;
  EXPECT_EQ(review.json["assigned"], 4);
  EXPECT_EQ(review.json["short_of"], json::array());
  int64_t id1 = n1.json["id"], id2 = n2.json["id"];
  json own_tasks = exp_own.Get("/api/v1/me/reviews").json["items"];
  EXPECT_EQ(own_tasks.size(), 1u);
  for (const auto& task : own_tasks) {
    EXPECT_NE(task["nomination"]["id"], id1) << "never a nominee of the reviewer's own company";
  }

  // Every assigned reviewer scores; nominee 1 is scored higher by everyone.
  json high = {{"scores", {{"technology", 9}, {"growth", 8}, {"team", 8}, {"impact", 7}}}};
  json low = {{"scores", {{"technology", 6}, {"growth", 6}, {"team", 5}, {"impact", 6}}}};
  for (Client* c : {&exp_a, &exp_b, &exp_own}) {
    json tasks = c->Get("/api/v1/me/reviews").json["items"];
    EXPECT_FALSE(tasks.empty());
    for (const auto& task : tasks) {
      EXPECT_FALSE(task["nomination"].contains("nominator_org_id")) << "reviewers score blind";
      int64_t nid = task["nomination"]["id"];
      auto r = c->Post("/api/v1/nominations/" + std::to_string(nid) + "/scores",
                       nid == id1 ? high : low);
      EXPECT_EQ(r.status, 204) << r.body;
    }
  }
  auto bad_score = exp_a.Post("/api/v1/nominations/" + std::to_string(id1) + "/scores",
                              {{"scores", {{"technology", 11}}}});
  EXPECT_EQ(bad_score.status, 422);
  EXPECT_EQ(Anonymous().Get(base + "/results").status, 404) << "not published yet";

  auto published = admin.Post(base + "/publish", json::object());
  ASSERT_EQ(published.status, 200) << published.body;
  auto results = Anonymous().Get(base + "/results");
  ASSERT_EQ(results.status, 200);
  ASSERT_EQ(results.json["items"].size(), 2u);
  EXPECT_EQ(results.json["items"][0]["rank"], 1);
  EXPECT_EQ(results.json["items"][0]["nominee"], "新锐一号科技");
  EXPECT_EQ(results.json["items"][0]["reviewers"], 2);
  EXPECT_EQ(results.json["items"][0]["breakdown"].size(), 4u);
  EXPECT_EQ(results.json["items"][0]["breakdown"][0]["key"], "technology");
  EXPECT_GT(results.json["items"][0]["total"].get<double>(),
            results.json["items"][1]["total"].get<double>());
  for (const char* reviewer : {"expa", "expb", "expown"}) {
    EXPECT_EQ(results.body.find(reviewer), std::string::npos) << "reviewers stay anonymous";
  }

  // Frozen after publication.
  auto rescore = exp_a.Post("/api/v1/nominations/" + std::to_string(id2) + "/scores", high);
  EXPECT_EQ(rescore.status, 409);
  EXPECT_EQ(rescore.json["error"]["code"], "campaign_published");
  EXPECT_EQ(admin.Post(base + "/publish", json::object()).status, 409);
  EXPECT_EQ(admin.Patch(base, {{"title", "改名"}}).status, 409);
  EXPECT_EQ(admin.Post(base + "/review", json::object()).status, 409);
  EXPECT_EQ(ent1.Post(base + "/nominations", Enterprise("新锐三号", org1, 2024)).status, 409);
  EXPECT_EQ(Anonymous().Get(base + "/results").json, results.json);

  // The list's history by year.
  auto history = Anonymous().Get("/api/v1/campaigns?series=emerging-enterprise&status=published");
  ASSERT_EQ(history.status, 200);
  EXPECT_EQ(history.json["total"], 1);
  EXPECT_EQ(history.json["items"][0]["year"], 2026);
}

TEST_F(CampaignRoutesTest, BadInputAndPermissions) {
  Client admin = Admin();
  Client member = RegisterUser("plain");
  EXPECT_EQ(member.Post("/api/v1/campaigns", {{"template", "emerging-enterprise"}, {"year", 2026}})
                .status,
            403);
  auto no_windows =
      admin.Post("/api/v1/campaigns", {{"template", "emerging-enterprise"}, {"year", 2026}});
  EXPECT_EQ(no_windows.status, 422);
  EXPECT_EQ(no_windows.json["error"]["field"], "nomination_closes");
  auto bad_template = admin.Post("/api/v1/campaigns", {{"template", "nope"}, {"year", 2026}});
  EXPECT_EQ(bad_template.json["error"]["field"], "template");
  auto bad_time = admin.Post(
      "/api/v1/campaigns",
      {{"template", "emerging-enterprise"}, {"year", 2026}, {"nomination_opens", "tomorrow"}});
  EXPECT_EQ(bad_time.status, 422);
  EXPECT_EQ(bad_time.json["error"]["field"], "nomination_opens");
  auto bad_rule = admin.Post(
      "/api/v1/campaigns",
      {{"template", "emerging-enterprise"}, {"year", 2026}, {"rules", {{"max_height", 2}}}});
  EXPECT_EQ(bad_rule.status, 400);
  EXPECT_EQ(admin.Get("/api/v1/campaigns/999").status, 404);
  EXPECT_EQ(admin.Get("/api/v1/campaigns?status=closed").status, 400);
  EXPECT_EQ(Anonymous().Get("/api/v1/me/reviews").status, 401);
  EXPECT_EQ(member.Post("/api/v1/nominations/1/scores", {{"scores", 5}}).status, 422);
}

}  // namespace
}  // namespace kc::testing
