// Who may read what: every GET operation of the API document (GET /api/v1/openapi.json), asked
// by each kind of caller, against the status and the visibility of a secret written in the table
// below. An operation without its row fails the test, so no read can be added without deciding
// who may see it. See docs/api.md "Who may read what".
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

using nlohmann::json;

// The callers, in the order of every row's expectations.
const std::vector<std::string> kRoles = {"anonymous", "no_org",   "pending", "other_org", "member",
                                         "org_admin", "reviewer", "editor",  "admin"};

// One read: the operation as the document names it, the concrete path ($name is replaced by the
// fixture's id of that name), a text that only some callers may see (or ""), and one expectation
// per role: a status, with "+" when the body must hold the secret; a 2xx without "+" must not.
struct Row {
  std::string operation;
  std::string path;
  std::string secret;
  std::string expect;
};

constexpr const char* kDealTitle = "矩阵交易甲乙";
constexpr const char* kSecret = "保密配方MX-42";
constexpr const char* kMessage = "矩阵留言MX-43";
constexpr const char* kFileText = "%PDF-1.4 matrix-file MX-44";
constexpr const char* kDraftTitle = "矩阵草稿需求MX-45";
constexpr const char* kDraftNews = "矩阵草稿新闻MX-46";
constexpr const char* kDraftEvent = "矩阵草稿活动MX-47";
constexpr const char* kEventEmail = "visitor-mx48@example.com";
constexpr const char* kDraftBase = "矩阵草稿基地MX-49";
constexpr const char* kDraftPlan = "矩阵草稿计划MX-50";
constexpr const char* kDraftTask = "矩阵草稿任务MX-51";

const std::vector<Row>& Rows() {
  static const std::vector<Row> rows = {
      {"GET /api/v1/health", "/api/v1/health", "", "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/taxonomy", "/api/v1/taxonomy", "", "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/openapi.json", "/api/v1/openapi.json", "",
       "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/me", "/api/v1/me", "", "401 200 200 200 200 200 200 200 200"},
      // Notices of the deal reach its parties' people only.
      {"GET /api/v1/me/notifications", "/api/v1/me/notifications", kDealTitle,
       "401 200 200 200 200+ 200+ 200 200 200"},
      {"GET /api/v1/me/subscriptions", "/api/v1/me/subscriptions", "",
       "401 200 200 200 200 200 200 200 200"},
      // Everyone's own review assignments (none but a reviewer's, here).
      {"GET /api/v1/me/reviews", "/api/v1/me/reviews", "", "401 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/users", "/api/v1/users", "", "401 403 403 403 403 403 403 403 200"},
      // A user is seen by their organisation and admins (404 to others); the e-mail by
      // themself and admins.
      {"GET /api/v1/users/{id}", "/api/v1/users/$member_id", "m_member@example.com",
       "401 404 404 404 200+ 200 404 404 200+"},
      {"GET /api/v1/orgs", "/api/v1/orgs", "", "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/orgs/{id}", "/api/v1/orgs/$org", "", "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/orgs/{id}/members", "/api/v1/orgs/$org/members", "",
       "401 403 403 403 200 200 403 403 200"},
      {"GET /api/v1/orgs/{id}/join-requests", "/api/v1/orgs/$org/join-requests", "m_pending",
       "401 403 403 403 403 200+ 403 403 200+"},
      {"GET /api/v1/orgs/{id}/deals/export", "/api/v1/orgs/$org/deals/export", kDealTitle,
       "401 403 403 403 403 200+ 403 403 200+"},
      {"GET /api/v1/orgs/{id}/deal-record", "/api/v1/orgs/$org/deal-record", "",
       "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/deals", "/api/v1/deals", kDealTitle, "401 200 200 200 200+ 200+ 200 200 200+"},
      {"GET /api/v1/deals/{id}", "/api/v1/deals/$deal", kSecret,
       "401 404 404 404 200+ 200+ 404 404 200+"},
      {"GET /api/v1/deals/{id}/messages", "/api/v1/deals/$deal/messages", kMessage,
       "401 404 404 404 200+ 200+ 404 404 200+"},
      {"GET /api/v1/deals/{id}/attachments", "/api/v1/deals/$deal/attachments", "matrix.pdf",
       "401 404 404 404 200+ 200+ 404 404 200+"},
      {"GET /api/v1/deals/{id}/attachments/{file_id}", "/api/v1/deals/$deal/attachments/$file",
       "matrix-file", "401 404 404 404 200+ 200+ 404 404 200+"},
      {"GET /api/v1/achievements/{id}/confidential",
       "/api/v1/achievements/$achievement/confidential", kSecret,
       "401 403 403 403 200+ 200+ 403 403 200+"},
      // Listings: a published achievement, demand and expert; a draft demand of the organisation.
      // A draft is its organisation's (and admins'): reviewers see listings once submitted.
      {"GET /api/v1/demands", "/api/v1/demands", kDraftTitle,
       "200 200 200 200 200 200 200 200 200+"},
      {"GET /api/v1/demands/{id}", "/api/v1/demands/$draft", kDraftTitle,
       "404 404 404 404 200+ 200+ 404 404 200+"},
      {"GET /api/v1/demands/{id}/history", "/api/v1/demands/$draft/history", "",
       "401 404 404 404 200 200 404 404 200"},
      {"GET /api/v1/demands/{id}/matches", "/api/v1/demands/$draft/matches", "",
       "404 404 404 404 200 200 404 404 200"},
      {"GET /api/v1/demands/export", "/api/v1/demands/export", kDraftTitle,
       "401 200 200 200 200 200 200 200 200+"},
      {"GET /api/v1/achievements", "/api/v1/achievements", kSecret,
       "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/achievements/{id}", "/api/v1/achievements/$achievement", kSecret,
       "200 200 200 200 200 200 200 200 200"},
      // The review history of a listing is for its organisation and the reviewers.
      {"GET /api/v1/achievements/{id}/history", "/api/v1/achievements/$achievement/history", "",
       "401 403 403 403 200 200 200 403 200"},
      {"GET /api/v1/achievements/{id}/matches", "/api/v1/achievements/$achievement/matches", "",
       "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/achievements/export", "/api/v1/achievements/export", kSecret,
       "401 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/experts", "/api/v1/experts", "", "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/experts/{id}", "/api/v1/experts/$expert", "",
       "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/experts/{id}/history", "/api/v1/experts/$expert/history", "",
       "401 403 403 403 200 200 200 403 200"},
      {"GET /api/v1/experts/{id}/matches", "/api/v1/experts/$expert/matches", "",
       "200 200 200 200 200 200 200 200 200"},
      // A blank form to fill in: the same for everyone.
      {"GET /api/v1/import/{kind}/template", "/api/v1/import/demands/template", "",
       "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/experts/export", "/api/v1/experts/export", "",
       "401 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/search", "/api/v1/search?q=%E7%9F%A9%E9%98%B5", kSecret,
       "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/challenges", "/api/v1/challenges", "", "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/challenges/{id}", "/api/v1/challenges/$call", "",
       "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/stats", "/api/v1/stats", kDealTitle, "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/campaigns", "/api/v1/campaigns", "", "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/campaigns/templates", "/api/v1/campaigns/templates", "",
       "200 200 200 200 200 200 200 200 200"},
      // A draft campaign is its admins' only; it has no results until they are published.
      {"GET /api/v1/campaigns/{id}", "/api/v1/campaigns/$campaign", "",
       "404 404 404 404 404 404 404 404 200"},
      {"GET /api/v1/campaigns/{id}/nominations", "/api/v1/campaigns/$campaign/nominations", "",
       "401 404 404 404 404 404 404 404 200"},
      {"GET /api/v1/campaigns/{id}/results", "/api/v1/campaigns/$campaign/results", "",
       "404 404 404 404 404 404 404 404 404"},
      {"GET /api/v1/bodies", "/api/v1/bodies", "", "200 200 200 200 200 200 200 200 200"},
      // A draft offshore base is seen by its organisation's admins and the platform admins only.
      {"GET /api/v1/bases", "/api/v1/bases", kDraftBase, "200 200 200 200 200 200+ 200 200 200+"},
      {"GET /api/v1/bases/{id}", "/api/v1/bases/$base", kDraftBase,
       "404 404 404 404 404 200+ 404 404 200+"},
      {"GET /api/v1/bases/countries", "/api/v1/bases/countries", "",
       "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/bodies/{slug}", "/api/v1/bodies/matrix-body", "",
       "200 200 200 200 200 200 200 200 200"},
      // The network: the node document and the partner list are public, the directory is the
      // platform admin's alone (no peer exists here, so the admin's read of one is 404).
      {"GET /.well-known/kechuang-node", "/.well-known/kechuang-node", "",
       "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/partners", "/api/v1/partners", "", "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/net/peers", "/api/v1/net/peers", "", "401 403 403 403 403 403 403 403 200"},
      {"GET /api/v1/net/peers/{id}", "/api/v1/net/peers/1", "",
       "401 403 403 403 403 403 403 403 404"},
      // The feed is for partner nodes' signatures only: no session opens it, an admin's neither.
      {"GET /api/v1/net/feed", "/api/v1/net/feed", "", "401 401 401 401 401 401 401 401 401"},
      // A draft article is its editors' only.
      {"GET /api/v1/news", "/api/v1/news", kDraftNews, "200 200 200 200 200 200 200 200+ 200+"},
      {"GET /api/v1/news/{id}", "/api/v1/news/$news", kDraftNews,
       "404 404 404 404 404 404 404 200+ 200+"},
      {"GET /api/v1/news/columns", "/api/v1/news/columns", "",
       "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/news/tags", "/api/v1/news/tags", "", "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/news/feed", "/api/v1/news/feed", kDraftNews,
       "200 200 200 200 200 200 200 200 200"},
      // A draft event is its organisers' alone (the organisation's org admins, platform
      // admins); registrants' addresses and codes too. A member reads its own registration.
      {"GET /api/v1/events", "/api/v1/events", kDraftEvent,
       "200 200 200 200 200 200+ 200 200 200+"},
      {"GET /api/v1/events/feed.ics", "/api/v1/events/feed.ics", kDraftEvent,
       "200 200 200 200 200 200 200 200 200"},
      {"GET /api/v1/events/{id}", "/api/v1/events/$hidden_event", kDraftEvent,
       "404 404 404 404 404 200+ 404 404 200+"},
      {"GET /api/v1/events/{id}/calendar.ics", "/api/v1/events/$hidden_event/calendar.ics",
       kDraftEvent, "404 404 404 404 404 200+ 404 404 200+"},
      {"GET /api/v1/events/{id}/registrations", "/api/v1/events/$event/registrations", kEventEmail,
       "401 403 403 403 403 200+ 403 403 200+"},
      {"GET /api/v1/events/{id}/registration", "/api/v1/events/$event/registration",
       "m_member@example.com", "401 404 404 404 200+ 404 404 404 404"},
      // A draft action plan is the platform admins' alone, its tasks too, even for the
      // organisation that owns a task.
      {"GET /api/v1/plans", "/api/v1/plans", kDraftPlan, "200 200 200 200 200 200 200 200 200+"},
      {"GET /api/v1/plans/{id}", "/api/v1/plans/$plan", kDraftTask,
       "404 404 404 404 404 404 404 404 200+"},
      {"GET /api/v1/plans/{id}/dashboard", "/api/v1/plans/$plan/dashboard", kDraftPlan,
       "404 404 404 404 404 404 404 404 200+"},
      {"GET /api/v1/plans/{id}/tasks", "/api/v1/plans/$plan/tasks", kDraftTask,
       "404 404 404 404 404 404 404 404 200+"},
      {"GET /api/v1/plan-tasks/{id}", "/api/v1/plan-tasks/$ptask", kDraftTask,
       "404 404 404 404 404 404 404 404 200+"},
  };
  return rows;
}

class AccessMatrixTest : public ApiTest {
 protected:
  // Registers `username` asking to join `org` (approved by `approver` unless null), signs in.
  Client Joiner(const std::string& username, int64_t org, Client* approver) {
    Client c(server_->port());
    auto r = c.Post("/api/v1/auth/register", {{"username", username},
                                              {"password", PasswordOf(username)},
                                              {"display_name", username},
                                              {"email", username + "@example.com"},
                                              {"org_id", org}});
    EXPECT_EQ(r.status, 201) << r.body;
    if (approver) {
      auto ok = approver->Post("/api/v1/orgs/" + std::to_string(org) + "/join-requests/" +
                                   std::to_string(r.json.value("id", 0)) + "/approve",
                               json::object());
      EXPECT_EQ(ok.status, 200) << ok.body;
    }
    EXPECT_EQ(c.Login(username, PasswordOf(username)).status, 200);
    return c;
  }

  Client WithRole(const std::string& username, const std::string& role) {
    Client c = RegisterUser(username);
    int64_t id = c.Get("/api/v1/me").json.value("id", 0);
    auto r = Admin().Patch("/api/v1/users/" + std::to_string(id), {{"role", role}});
    EXPECT_EQ(r.status, 200) << r.body;
    return c;
  }

  static std::string Id(const HttpResult& r) {
    EXPECT_LT(r.status, 300) << r.body;
    return std::to_string(r.json.value("id", int64_t{0}));
  }

  // The organisation (an institute holding the achievement and the draft), its people, a buyer
  // with a deal past the NDA, and one of each other kind of record.
  void Build() {
    Client admin = Admin();
    Client org_admin = RegisterWithOrg("m_orgadmin", "矩阵研究院", "institute");
    ids_["org"] = std::to_string(org_admin.Get("/api/v1/me").json.value("org_id", int64_t{0}));
    const int64_t org = std::stoll(ids_["org"]);
    Client member = Joiner("m_member", org, &org_admin);
    ids_["member_id"] = std::to_string(member.Get("/api/v1/me").json.value("id", int64_t{0}));
    Client pending = Joiner("m_pending", org, nullptr);
    Client other_admin = RegisterWithOrg("m_otheradmin", "矩阵无关公司");
    Client other =
        Joiner("m_other", other_admin.Get("/api/v1/me").json.value("org_id", 0), &other_admin);
    Client buyer = RegisterWithOrg("m_buyer", "矩阵买方公司");
    Client reviewer = WithRole("m_reviewer", "reviewer");
    Client editor = WithRole("m_editor", "editor");

    auto a = org_admin.Post("/api/v1/achievements", {{"title", "矩阵电解液成果"},
                                                     {"abstract", "一种矩阵低温电解液配方。"},
                                                     {"keywords", {"矩阵", "电解液"}}});
    ids_["achievement"] = Id(a);
    std::string ach = "/api/v1/achievements/" + ids_["achievement"];
    EXPECT_EQ(org_admin.Post(ach + "/submit", json::object()).status, 200);
    EXPECT_EQ(reviewer.Post(ach + "/approve", json::object()).status, 200);
    EXPECT_EQ(
        org_admin.Send("PUT", ach + "/confidential", json({{"details", kSecret}}).dump()).status,
        200);
    int64_t demand = PublishedDemand(buyer, reviewer, "矩阵低温电解液需求");
    ids_["draft"] = Id(org_admin.Post("/api/v1/demands", DemandBody(kDraftTitle)));
    auto e = org_admin.Post("/api/v1/experts", {{"name", "矩阵专家"},
                                                {"title", "研究员"},
                                                {"disciplines", {"材料科学与工程"}},
                                                {"bio", "从事电解液研究。"}});
    ids_["expert"] = Id(e);
    std::string expert = "/api/v1/experts/" + ids_["expert"];
    EXPECT_EQ(org_admin.Post(expert + "/submit", json::object()).status, 200);
    EXPECT_EQ(reviewer.Post(expert + "/approve", json::object()).status, 200);

    auto deal = buyer.Post("/api/v1/deals", {{"demand_id", demand},
                                             {"achievement_id", std::stoll(ids_["achievement"])},
                                             {"title", kDealTitle}});
    ids_["deal"] = Id(deal);
    std::string d = "/api/v1/deals/" + ids_["deal"];
    EXPECT_EQ(buyer.Post(d + "/stage", {{"stage", "nda"}}).status, 200);
    EXPECT_EQ(org_admin.Post(d + "/stage", {{"stage", "negotiating"}}).status, 200);
    EXPECT_EQ(buyer.Post(d + "/messages", {{"text", kMessage}}).status, 201);
    ids_["file"] = Id(org_admin.Send("POST", d + "/attachments?name=matrix.pdf", kFileText, {},
                                     "application/pdf"));

    ids_["call"] = Id(buyer.Post("/api/v1/challenges", {{"demand_id", demand},
                                                        {"title", "矩阵揭榜"},
                                                        {"reward_cny", 100000},
                                                        {"deadline", "2099-01-01"},
                                                        {"criteria", {"技术先进性"}}}));
    ids_["campaign"] =
        Id(admin.Post("/api/v1/campaigns", {{"template", "emerging-enterprise"},
                                            {"year", 2026},
                                            {"min_reviewers", 1},
                                            {"nomination_opens", "2026-01-01T00:00:00+08:00"},
                                            {"nomination_closes", "2026-02-01T00:00:00+08:00"},
                                            {"review_opens", "2026-02-01T00:00:00+08:00"},
                                            {"review_closes", "2026-03-01T00:00:00+08:00"}}));
    EXPECT_EQ(admin
                  .Post("/api/v1/bodies",
                        {{"kind", "consortium"}, {"slug", "matrix-body"}, {"name", "矩阵联合体"}})
                  .status,
              201);
    ids_["base"] = Id(org_admin.Post(
        "/api/v1/bases",
        {{"name", kDraftBase}, {"country", "DE"}, {"city", "München"}, {"org_id", org}}));
    ids_["news"] = Id(editor.Post(
        "/api/v1/news",
        {{"title", kDraftNews}, {"source", "矩阵新闻网"}, {"paragraphs", {"第一段。"}}}));

    json event = {{"org_id", org},
                  {"kind", "roadshow"},
                  {"title", "矩阵路演"},
                  {"starts_at", "2099-05-06T09:00:00+08:00"},
                  {"ends_at", "2099-05-06T12:00:00+08:00"},
                  {"venue", "矩阵会场"},
                  {"listing_ids", {std::stoll(ids_["achievement"])}}};
    ids_["event"] = Id(org_admin.Post("/api/v1/events", event));
    EXPECT_EQ(org_admin.Post("/api/v1/events/" + ids_["event"] + "/publish", json::object()).status,
              200);
    EXPECT_EQ(Anonymous()
                  .Post("/api/v1/events/" + ids_["event"] + "/registrations",
                        {{"name", "矩阵访客"}, {"email", kEventEmail}})
                  .status,
              201);
    EXPECT_EQ(
        member.Post("/api/v1/events/" + ids_["event"] + "/registrations", json::object()).status,
        201);
    event["title"] = kDraftEvent;
    ids_["hidden_event"] = Id(org_admin.Post("/api/v1/events", event));

    ids_["plan"] = Id(admin.Post(
        "/api/v1/plans", {{"title", kDraftPlan}, {"start_year", 2026}, {"end_year", 2028}}));
    const std::string category =
        Id(admin.Post("/api/v1/plans/" + ids_["plan"] + "/categories", {{"title", "矩阵类别"}}));
    ids_["ptask"] = Id(admin.Post("/api/v1/plans/" + ids_["plan"] + "/tasks",
                                  {{"category_id", std::stoll(category)},
                                   {"code", "1.1"},
                                   {"title", kDraftTask},
                                   {"owner_org_id", org}}));

    callers_.emplace("anonymous", Anonymous());
    callers_.emplace("no_org", RegisterUser("m_loner"));
    callers_.emplace("pending", std::move(pending));
    callers_.emplace("other_org", std::move(other));
    callers_.emplace("member", std::move(member));
    callers_.emplace("org_admin", std::move(org_admin));
    callers_.emplace("reviewer", std::move(reviewer));
    callers_.emplace("editor", std::move(editor));
    callers_.emplace("admin", std::move(admin));
  }

  std::string Fill(std::string path) {
    for (const auto& [name, id] : ids_) {
      for (size_t at; (at = path.find("$" + name)) != std::string::npos;) {
        path.replace(at, name.size() + 1, id);
      }
    }
    return path;
  }

  std::map<std::string, std::string> ids_;
  std::map<std::string, Client> callers_;
};

std::vector<std::string> Split(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

TEST_F(AccessMatrixTest, EveryReadOfTheApiAnswersEachRoleAsItsRowSays) {
  Build();
  // Every GET operation of the document has its row, and every row names a real operation.
  auto doc = Anonymous().Get("/api/v1/openapi.json");
  ASSERT_EQ(doc.status, 200);
  std::set<std::string> documented, covered;
  for (const auto& [path, item] : doc.json["paths"].items()) {
    if (item.contains("get")) documented.insert("GET " + path);
  }
  for (const Row& row : Rows()) covered.insert(row.operation);
  for (const auto& op : documented) {
    EXPECT_TRUE(covered.count(op)) << op << " has no row in the access matrix: decide who may "
                                   << "read it and add the row";
  }
  for (const auto& op : covered) EXPECT_TRUE(documented.count(op)) << op << " is not documented";

  std::ostringstream actual;  // the whole observed table, printed when anything differs
  bool all_match = true;
  for (const Row& row : Rows()) {
    const std::vector<std::string> expect = Split(row.expect);
    ASSERT_EQ(expect.size(), kRoles.size()) << row.operation;
    const std::string path = Fill(row.path);
    actual << row.operation << " |";
    for (size_t i = 0; i < kRoles.size(); ++i) {
      auto r = callers_.at(kRoles[i]).Get(path);
      const bool sees = !row.secret.empty() && r.body.find(row.secret) != std::string::npos;
      std::string got = std::to_string(r.status) + (sees ? "+" : "");
      actual << " " << got;
      if (got != expect[i]) {
        all_match = false;
        ADD_FAILURE() << row.operation << " (" << path << ") as " << kRoles[i] << ": expected "
                      << expect[i] << ", got " << got << " " << r.body.substr(0, 200);
      }
    }
    actual << "\n";
  }
  if (!all_match) std::cerr << "observed:\n" << actual.str();
}

}  // namespace
}  // namespace kc::testing
