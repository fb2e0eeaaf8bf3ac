// Listings through the API: the review workflow, permissions per role and what visitors see.
#include <gtest/gtest.h>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

using nlohmann::json;

class ListingRoutesTest : public ApiTest {};

TEST_F(ListingRoutesTest, DemandGoesFromDraftToPublished) {
  Client owner = RegisterWithOrg("ent1", "甲企业");
  Client reviewer = Reviewer();
  auto created = owner.Post("/api/v1/demands", DemandBody("低温锂电池电解液"));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json["status"], "draft");
  EXPECT_EQ(created.json["title"], "低温锂电池电解液");
  std::string base = "/api/v1/demands/" + std::to_string(created.json["id"].get<int64_t>());

  // A draft is invisible to visitors.
  EXPECT_EQ(Anonymous().Get(base).status, 404);
  auto submitted = owner.Post(base + "/submit", json::object());
  EXPECT_EQ(submitted.json["status"], "pending");
  // Owners cannot approve their own listing.
  EXPECT_EQ(owner.Post(base + "/approve", json::object()).status, 403);
  auto approved = reviewer.Post(base + "/approve", json::object());
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json["status"], "published");
  EXPECT_FALSE(approved.json.value("published_at", "").empty());
  EXPECT_FALSE(approved.json.value("expires_at", "").empty());

  auto seen = Anonymous().Get(base);
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(seen.json["title"], "低温锂电池电解液");
  EXPECT_EQ(seen.json["org"]["name"], "甲企业");
  auto list = Anonymous().Get("/api/v1/demands");
  EXPECT_EQ(list.json["total"], 1);

  auto history = owner.Get(base + "/history");
  ASSERT_EQ(history.status, 200);
  std::vector<std::string> actions;
  for (const auto& e : history.json["items"]) actions.push_back(e["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "submit", "approve"}));
}

TEST_F(ListingRoutesTest, RejectionNeedsAReasonThatTheOwnerSees) {
  Client owner = RegisterWithOrg("ent2", "乙企业");
  Client reviewer = Reviewer();
  int64_t id = CreateDemand(owner, "需要改进的需求");
  std::string base = "/api/v1/demands/" + std::to_string(id);
  owner.Post(base + "/submit", json::object());
  auto no_reason = reviewer.Post(base + "/reject", json::object());
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_EQ(no_reason.ErrorField(), "reason");
  auto rejected = reviewer.Post(base + "/reject", {{"reason", "请补充技术指标"}});
  ASSERT_EQ(rejected.status, 200);
  EXPECT_EQ(rejected.json["status"], "rejected");
  auto mine = owner.Get(base);
  EXPECT_EQ(mine.json["reject_reason"], "请补充技术指标");
  // The owner fixes it and submits again.
  EXPECT_EQ(owner.Patch(base, {{"description", "补充：-30℃容量保持率≥80%，循环500次。"}}).status,
            200);
  EXPECT_EQ(owner.Post(base + "/submit", json::object()).json["status"], "pending");
}

TEST_F(ListingRoutesTest, TheReviewsOutcomeIsNotifiedToTheAuthorAndTheOrgAdminOnly) {
  Client org_admin = RegisterWithOrg("ent1", "甲企业");
  const int64_t org = org_admin.Get("/api/v1/me").json["org_id"];
  Client author = RegisterUser("author1", org);
  Client colleague = RegisterUser("colleague1", org);
  Client other = RegisterWithOrg("ent2", "乙企业");
  Client reviewer = Reviewer();
  auto created = author.Post("/api/v1/demands", DemandBody("低温锂电池电解液"));
  ASSERT_EQ(created.status, 201) << created.body;
  const int64_t id = created.json["id"];
  const std::string base = "/api/v1/demands/" + std::to_string(id);
  ASSERT_EQ(author.Post(base + "/submit", json::object()).status, 200);
  // A user's review notices (joining the organisation brought the author another notice).
  auto notes = [](Client& c) {
    json out = {{"items", json::array()}};
    const json all = c.Get("/api/v1/me/notifications").json;
    for (const json& n : all["items"]) {
      if (n["kind"].get<std::string>().starts_with("listing_")) out["items"].push_back(n);
    }
    out["total"] = out["items"].size();
    return out;
  };
  EXPECT_EQ(notes(author)["total"], 0) << "submitting notifies nobody";

  ASSERT_EQ(reviewer.Post(base + "/reject", {{"reason", "请补充预算范围"}}).status, 200);
  for (Client* c : {&author, &org_admin}) {
    json n = notes(*c);
    ASSERT_EQ(n["total"], 1) << n.dump();
    EXPECT_EQ(n["items"][0]["kind"], "listing_rejected");
    EXPECT_EQ(n["items"][0]["message"], "请补充预算范围");
    EXPECT_EQ(n["items"][0]["listing_id"], id);
    EXPECT_EQ(n["items"][0]["listing_type"], "demand");
    EXPECT_EQ(n["items"][0]["title"], "低温锂电池电解液");
    EXPECT_EQ(n["items"][0]["read"], false);
  }

  ASSERT_EQ(author.Post(base + "/submit", json::object()).status, 200);
  ASSERT_EQ(reviewer.Post(base + "/approve", json::object()).status, 200);
  for (Client* c : {&author, &org_admin}) {
    json n = notes(*c);
    ASSERT_EQ(n["total"], 2) << n.dump();
    EXPECT_EQ(n["items"][0]["kind"], "listing_approved");
    EXPECT_EQ(n["items"][0]["message"], "");
    EXPECT_EQ(n["items"][0]["listing_id"], id);
  }
  for (Client* c : {&colleague, &other, &reviewer}) EXPECT_EQ(notes(*c)["total"], 0);
}

TEST_F(ListingRoutesTest, IllegalTransitionIsAConflict) {
  Client owner = RegisterWithOrg("ent3", "丙企业");
  Client reviewer = Reviewer();
  int64_t id = PublishedDemand(owner, reviewer, "已发布需求");
  auto r = reviewer.Post("/api/v1/demands/" + std::to_string(id) + "/approve", json::object());
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(r.ErrorCode(), "invalid_transition");
  // A draft is not submitted to reviewers: for them it does not exist yet.
  int64_t draft = CreateDemand(owner, "草稿需求");
  EXPECT_EQ(
      reviewer.Post("/api/v1/demands/" + std::to_string(draft) + "/approve", json::object()).status,
      404);
}

TEST_F(ListingRoutesTest, MembersOfAnotherOrganisationCannotEdit) {
  Client a = RegisterWithOrg("orga", "A公司");
  Client b = RegisterWithOrg("orgb", "B公司");
  Client reviewer = Reviewer();
  int64_t id = PublishedDemand(a, reviewer, "A的需求");
  std::string base = "/api/v1/demands/" + std::to_string(id);
  EXPECT_EQ(b.Patch(base, {{"title", "被篡改"}}).status, 403);
  EXPECT_EQ(b.Delete(base).status, 403);
  EXPECT_EQ(b.Post(base + "/close", json::object()).status, 403);
  EXPECT_EQ(Anonymous().Get(base).json["title"], "A的需求");
  // Another org's draft does not exist for B.
  int64_t draft = CreateDemand(a, "A的草稿");
  EXPECT_EQ(b.Get("/api/v1/demands/" + std::to_string(draft)).status, 404);
  EXPECT_EQ(b.Get("/api/v1/demands?status=draft").status, 403);
}

TEST_F(ListingRoutesTest, AnonymousWritesAreUnauthorized) {
  Client a = RegisterWithOrg("orgc", "C公司");
  int64_t id = CreateDemand(a, "C的需求");
  Client anon = Anonymous();
  EXPECT_EQ(anon.Post("/api/v1/demands", DemandBody("x")).status, 401);
  EXPECT_EQ(anon.Patch("/api/v1/demands/" + std::to_string(id), {{"title", "y"}}).status, 401);
  EXPECT_EQ(anon.Delete("/api/v1/demands/" + std::to_string(id)).status, 401);
  EXPECT_EQ(anon.Post("/api/v1/demands/" + std::to_string(id) + "/submit", json::object()).status,
            401);
  EXPECT_EQ(anon.Post("/api/v1/orgs", {{"name", "x"}, {"type", "enterprise"}}).status, 401);
  EXPECT_EQ(anon.Send("POST", "/api/v1/import/demands", "{}\n").status, 401);
}

TEST_F(ListingRoutesTest, ContactIsHiddenFromVisitorsAndShownToMembers) {
  Client owner = RegisterWithOrg("ent4", "丁企业");
  Client reviewer = Reviewer();
  int64_t id = PublishedDemand(owner, reviewer, "公开需求");
  std::string path = "/api/v1/demands/" + std::to_string(id);
  auto visitor = Anonymous().Get(path);
  ASSERT_EQ(visitor.status, 200);
  EXPECT_FALSE(visitor.json.contains("contact"));
  EXPECT_EQ(visitor.body.find("0755-12345678"), std::string::npos);
  EXPECT_EQ(visitor.body.find("w@example.com"), std::string::npos);
  auto in_list = Anonymous().Get("/api/v1/demands");
  EXPECT_EQ(in_list.body.find("0755-12345678"), std::string::npos);
  Client member = RegisterUser("someone");
  auto seen = member.Get(path);
  EXPECT_EQ(seen.json["contact"]["phone"], "0755-12345678");
}

TEST_F(ListingRoutesTest, MembersOnlyListingShowsVisitorsASummary) {
  Client owner = RegisterWithOrg("ent5", "戊企业");
  Client reviewer = Reviewer();
  json body = DemandBody("仅会员可见需求");
  body["visibility"] = "members";
  body["description"] = std::string(300, 'x') + "秘密的技术细节";
  auto created = owner.Post("/api/v1/demands", body);
  ASSERT_EQ(created.status, 201);
  std::string base = "/api/v1/demands/" + std::to_string(created.json["id"].get<int64_t>());
  owner.Post(base + "/submit", json::object());
  reviewer.Post(base + "/approve", json::object());
  auto visitor = Anonymous().Get(base);
  ASSERT_EQ(visitor.status, 200);
  EXPECT_TRUE(visitor.json.value("details_hidden", false));
  EXPECT_FALSE(visitor.json.contains("description"));
  EXPECT_FALSE(visitor.json.contains("budget"));
  EXPECT_EQ(visitor.body.find("秘密的技术细节"), std::string::npos);
  EXPECT_EQ(visitor.json["title"], "仅会员可见需求");
  auto member = RegisterUser("member5").Get(base);
  EXPECT_NE(member.body.find("秘密的技术细节"), std::string::npos);
}

// Visitors' answers are kept between writes (api/visitor_cache.h): a change is seen by the next
// visitor at once, and a member's fuller answer never reaches a visitor, nor a visitor's a member.
TEST_F(ListingRoutesTest, VisitorsSeeEveryChangeAtOnceAndNeverAMembersAnswer) {
  Client owner = RegisterWithOrg("ent9", "壬企业");
  Client reviewer = Reviewer();
  const int64_t id = PublishedDemand(owner, reviewer, "缓存前的标题");
  const std::string path = "/api/v1/demands/" + std::to_string(id);
  Client member = RegisterUser("member9");
  // The member reads first: what a visitor is then given is still a visitor's.
  ASSERT_EQ(member.Get(path).json["contact"]["phone"], "0755-12345678");
  for (int i = 0; i < 2; ++i) {
    auto visitor = Anonymous().Get(path);
    ASSERT_EQ(visitor.status, 200);
    EXPECT_EQ(visitor.json["title"], "缓存前的标题");
    EXPECT_FALSE(visitor.json.contains("contact"));
  }
  // And after visitors' reads, a member still gets the contact.
  EXPECT_EQ(member.Get(path).json["contact"]["phone"], "0755-12345678");
  // The owner's edit sends it back to review: the next visitor gets 404, not the kept answer.
  ASSERT_EQ(owner.Patch(path, {{"title", "缓存后的标题"}}).status, 200);
  EXPECT_EQ(Anonymous().Get(path).status, 404);
  ASSERT_EQ(reviewer.Post(path + "/approve", json::object()).status, 200);
  auto after = Anonymous().Get(path);
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(after.json["title"], "缓存后的标题");
  // The organisation's new name is the next visitor's too.
  const int64_t org = owner.Get("/api/v1/me").json["org_id"];
  ASSERT_EQ(owner.Patch("/api/v1/orgs/" + std::to_string(org), {{"name", "壬企业（新）"}}).status,
            200);
  EXPECT_EQ(Anonymous().Get(path).json["org"]["name"], "壬企业（新）");
}

TEST_F(ListingRoutesTest, OwnersEditOfAPublishedListingIsReviewedAgain) {
  Client owner = RegisterWithOrg("ent6", "己企业");
  Client reviewer = Reviewer();
  int64_t id = PublishedDemand(owner, reviewer, "已发布需求");
  std::string base = "/api/v1/demands/" + std::to_string(id);
  auto edited = owner.Patch(base, {{"keywords", {"锂电池", "电解液", "低温"}}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json["status"], "pending");
  EXPECT_EQ(edited.json["keywords"].size(), 3u);
  EXPECT_EQ(Anonymous().Get(base).status, 404);
  EXPECT_EQ(reviewer.Get("/api/v1/demands?status=pending").json["total"], 1);
}

TEST_F(ListingRoutesTest, CloseRenewAndDelete) {
  Client owner = RegisterWithOrg("ent7", "庚企业");
  Client reviewer = Reviewer();
  int64_t id = PublishedDemand(owner, reviewer, "将要关闭的需求");
  std::string base = "/api/v1/demands/" + std::to_string(id);
  auto before = owner.Get(base).json["expires_at"].get<std::string>();
  auto renewed = owner.Post(base + "/renew", json::object());
  ASSERT_EQ(renewed.status, 200);
  EXPECT_GT(renewed.json["expires_at"].get<std::string>(), before);
  EXPECT_EQ(owner.Post(base + "/close", json::object()).json["status"], "closed");
  EXPECT_EQ(Anonymous().Get(base).status, 404);
  EXPECT_EQ(owner.Post(base + "/close", json::object()).status, 409);
  EXPECT_EQ(owner.Delete(base).status, 204);
  EXPECT_EQ(owner.Get(base).status, 404);
}

TEST_F(ListingRoutesTest, AchievementAndExpertFields) {
  Client inst = RegisterWithOrg("uni1", "某大学", "university");
  auto a = inst.Post("/api/v1/achievements", {{"title", "宽温域锂电池电解液"},
                                              {"abstract", "一种在-40℃至60℃工作的电解液配方。"},
                                              {"keywords", {"电解液", "锂电池"}},
                                              {"discipline", "化学工程与技术"},
                                              {"maturity", 6},
                                              {"patents", {"ZL 202010123456.2"}},
                                              {"transfer_modes", {"license", "transfer"}},
                                              {"price", "面议"},
                                              {"inventors", {"张明"}},
                                              {"ref", "ACH-001"}});
  ASSERT_EQ(a.status, 201) << a.body;
  EXPECT_EQ(a.json["category"], "工学");  // filled in from the discipline
  EXPECT_EQ(a.json["patents"][0], "202010123456.2");
  EXPECT_EQ(a.json["maturity"], 6);
  EXPECT_EQ(a.json["ref"], "ACH-001");
  EXPECT_TRUE(a.json["price"]["negotiable"].get<bool>());
  auto dup = inst.Post("/api/v1/achievements",
                       {{"title", "另一个"}, {"abstract", "摘要"}, {"ref", "ACH-001"}});
  EXPECT_EQ(dup.status, 409);
  EXPECT_EQ(dup.ErrorField(), "ref");

  auto e = inst.Post("/api/v1/experts", {{"name", "张明"},
                                         {"title", "教授"},
                                         {"affiliation", "某大学"},
                                         {"disciplines", {"化学工程与技术", "材料科学与工程"}},
                                         {"keywords", {"电解液"}},
                                         {"bio", "长期从事电化学储能研究。"}});
  ASSERT_EQ(e.status, 201) << e.body;
  EXPECT_EQ(e.json["name"], "张明");
  EXPECT_EQ(e.json["title"], "教授");
  EXPECT_EQ(e.json["discipline"], "化学工程与技术");
}

TEST_F(ListingRoutesTest, ListFiltersAndPagination) {
  Client owner = RegisterWithOrg("ent8", "辛企业");
  Client reviewer = Reviewer();
  for (int i = 0; i < 5; ++i) PublishedDemand(owner, reviewer, "需求" + std::to_string(i));
  auto page = Anonymous().Get("/api/v1/demands?size=2&page=2&sort=oldest");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.json["total"], 5);
  ASSERT_EQ(page.json["items"].size(), 2u);
  EXPECT_EQ(page.json["items"][0]["title"], "需求2");
  EXPECT_EQ(Anonymous().Get("/api/v1/demands?region=44").json["total"], 5);
  EXPECT_EQ(Anonymous().Get("/api/v1/demands?region=11").json["total"], 0);
  EXPECT_EQ(Anonymous().Get("/api/v1/demands?q=%E9%9C%80%E6%B1%823").json["total"], 1);
  EXPECT_EQ(Anonymous().Get("/api/v1/demands?size=0").status, 400);
  EXPECT_EQ(Anonymous().Get("/api/v1/demands?sort=random").status, 400);
  auto mine = owner.Get("/api/v1/demands?org_id=mine&status=published");
  EXPECT_EQ(mine.json["total"], 5);
}

TEST_F(ListingRoutesTest, ListGivesEveryFieldAndSummariesWithViewSummary) {
  Client owner = RegisterWithOrg("ent9", "摘要企业");
  Client reviewer = Reviewer();
  int64_t id = PublishedDemand(owner, reviewer, "列表摘要");
  auto one = Anonymous().Get("/api/v1/demands/" + std::to_string(id));
  auto list = Anonymous().Get("/api/v1/demands?view=summary");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json["items"].size(), 1u);
  const json& item = list.json["items"][0];
  for (const char* k : {"id", "type", "ref", "title", "summary", "keywords", "category",
                        "discipline", "region", "region_name", "status", "visibility", "org_id",
                        "org", "demo", "created_at", "updated_at", "published_at", "expires_at"}) {
    EXPECT_EQ(item[k], one.json[k]) << k;
  }
  for (const char* k : {"description", "budget", "cooperation_modes", "contact"}) {
    EXPECT_FALSE(item.contains(k)) << k;
  }
  // Without view, a list gives every field, as GET /demands/{id} does.
  auto full = Anonymous().Get("/api/v1/demands");
  ASSERT_EQ(full.status, 200);
  EXPECT_EQ(full.json["items"][0], one.json);
  EXPECT_EQ(Anonymous().Get("/api/v1/demands?view=full").json["items"][0], one.json);
  auto bad = Anonymous().Get("/api/v1/demands?view=all");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.ErrorField(), "view");

  // The owner's list says why a listing was rejected.
  int64_t rejected = CreateDemand(owner, "被退回");
  std::string base = "/api/v1/demands/" + std::to_string(rejected);
  owner.Post(base + "/submit", json::object());
  reviewer.Post(base + "/reject", {{"reason", "缺少指标"}});
  auto mine = owner.Get("/api/v1/demands?org_id=mine&status=rejected");
  ASSERT_EQ(mine.json["items"].size(), 1u) << mine.body;
  EXPECT_EQ(mine.json["items"][0]["reject_reason"], "缺少指标");
}

// docs/talent.md: a talent profile's headline is public, the person's name and affiliation
// are for signed-in members, and the contact is for the profile's own organisation: anyone else
// reaches the person through a deal. Asked as each kind of outsider.
TEST_F(ListingRoutesTest, ATalentProfileKeepsItsNameAndContactFromOutsiders) {
  Client owner = RegisterWithOrg("talentorg", "人才中心");
  Client reviewer = Reviewer();
  auto created = owner.Post("/api/v1/talents", {{"title", "德国固态电池研究员"},
                                                {"name", "欧阳明远"},
                                                {"rank", "研究员"},
                                                {"affiliation", "慕尼黑工业大学"},
                                                {"bio", "十五年硫化物固态电解质研究。"},
                                                {"country", "de"},
                                                {"talent_type", "overseas"},
                                                {"languages", {"zh", "DE"}},
                                                {"seeking", {"post", "funding"}},
                                                {"contact", {{"email", "oy@example.de"}}}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json["country"], "DE");
  EXPECT_EQ(created.json["languages"], json::array({"zh", "de"}));
  EXPECT_EQ(created.json["visibility"], "members");
  const std::string base = "/api/v1/talents/" + std::to_string(created.json["id"].get<int64_t>());
  ASSERT_EQ(owner.Post(base + "/submit", json::object()).status, 200);
  ASSERT_EQ(reviewer.Post(base + "/approve", json::object()).status, 200);

  auto visitor = Anonymous().Get(base);
  ASSERT_EQ(visitor.status, 200);
  EXPECT_EQ(visitor.json["title"], "德国固态电池研究员");
  EXPECT_EQ(visitor.json["seeking"], json::array({"post", "funding"}));
  for (const char* secret : {"欧阳明远", "慕尼黑", "oy@example.de"}) {
    EXPECT_EQ(visitor.body.find(secret), std::string::npos) << secret;
    EXPECT_EQ(Anonymous().Get("/api/v1/talents").body.find(secret), std::string::npos) << secret;
  }
  // Searching by the name finds nothing, for anyone.
  Client outsider = RegisterWithOrg("outsider", "他人公司");
  auto by_name = outsider.Get("/api/v1/search?q=%E6%AC%A7%E9%98%B3%E6%98%8E%E8%BF%9C");
  ASSERT_EQ(by_name.status, 200);
  EXPECT_EQ(by_name.body.find(base.substr(base.rfind('/') + 1) + ",\"kind\":\"talent"),
            std::string::npos);
  EXPECT_EQ(by_name.body.find("欧阳明远"), std::string::npos);

  auto member = outsider.Get(base);
  EXPECT_EQ(member.json["name"], "欧阳明远");
  EXPECT_EQ(member.json["affiliation"], "慕尼黑工业大学");
  EXPECT_FALSE(member.json.contains("contact"));
  EXPECT_EQ(member.body.find("oy@example.de"), std::string::npos);
  // Nor can the outsider change the profile or read its history.
  EXPECT_EQ(outsider.Patch(base, {{"contact", {{"email", "me@example.com"}}}}).status, 403);
  EXPECT_EQ(outsider.Get(base + "/history").status, 403);
  EXPECT_EQ(outsider.Get("/api/v1/talents/export").body.find("oy@example.de"), std::string::npos);

  EXPECT_EQ(owner.Get(base).json["contact"]["email"], "oy@example.de");
}

TEST_F(ListingRoutesTest, TalentFieldsAreCheckedWithClearErrors) {
  Client owner = RegisterWithOrg("talentbad", "人才中心二");
  struct Case {
    std::string path;
    json body;
    std::string field, code;
  };
  const std::vector<Case> cases = {
      {"/api/v1/talents", {{"title", "x"}}, "name", "required"},
      {"/api/v1/talents",
       {{"title", "x"}, {"name", "王"}, {"seeking", {"job"}}},
       "seeking",
       "invalid_talent_mode"},
      {"/api/v1/talents",
       {{"title", "x"}, {"name", "王"}, {"languages", {"klingon"}}},
       "languages",
       "unknown_language"},
      {"/api/v1/talents",
       {{"title", "x"}, {"name", "王"}, {"talent_type", "alien"}},
       "talent_type",
       "invalid_talent_type"},
      {"/api/v1/talents",
       {{"title", "x"}, {"name", "王"}, {"country", "XX"}},
       "country",
       "invalid_country"},
      {"/api/v1/talents",
       {{"title", "x"}, {"name", "王"}, {"offers", {"post"}}},
       "offers",
       "unknown_field"},
      {"/api/v1/talent-demands", {{"title", "x"}}, "description", "required"},
      {"/api/v1/talent-demands",
       {{"title", "x"}, {"description", "y"}, {"offers", {"equity"}}},
       "offers",
       "invalid_talent_mode"},
  };
  for (const Case& c : cases) {
    auto r = owner.Post(c.path, c.body);
    EXPECT_TRUE(r.status == 422 || r.status == 400) << c.body.dump() << " " << r.status;
    EXPECT_EQ(r.ErrorCode(), c.code) << c.body.dump() << " " << r.body;
    EXPECT_EQ(r.ErrorField(), c.field) << c.body.dump();
  }
  // Nothing was created.
  EXPECT_EQ(owner.Get("/api/v1/talents?org_id=mine&status=draft").json["total"], 0);
}

}  // namespace
}  // namespace kc::testing
