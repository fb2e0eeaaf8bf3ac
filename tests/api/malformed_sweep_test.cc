// Bad input never reaches a 5xx: every operation of the API document (GET /api/v1/openapi.json),
// asked by a visitor, a member and the platform admin, with malformed path parameters and
// malformed bodies built from the operation's own request schema (wrong types, negative and huge
// numbers, empty and oversized strings, nested values). Any 5xx fails with the request that
// caused it.
#include <gtest/gtest.h>

#include <ctime>
#include <map>
#include <regex>
#include <sstream>

#include "api/api_fixture.h"
#include "core/iso_time.h"

namespace kc::testing {
namespace {

using nlohmann::json;

// Values of the wrong kind or out of range for any field.
std::vector<json> BadValues() {
  return {json(-1),
          json(0),
          json(int64_t{9223372036854775807}),
          json(-9223372036854775807LL),
          json(1e300),
          json(""),
          json(std::string(5000, 'x')),
          json("\xe6\x97"),  // cut UTF-8 (replaced by the encoder: a string of U+FFFD)
          json::array(),
          json::array({json::array({1})}),
          json::object(),
          json(nullptr),
          json(true)};
}

// Path parameters that are not ids of anything.
const std::vector<std::string> kBadIds = {"-1",  "0",   "99999999999999999999", "abc",
                                          "1.5", "%00", "9223372036854775807"};

// False for the fields whose bad values could lock the sweep's own callers out (disabling or
// demoting an account is a valid request, not a malformed one).
bool Harmless(const std::string& path, const std::string& field) {
  return !(path.starts_with("/api/v1/users/") &&
           (field == "disabled" || field == "role" || field == "password"));
}

class MalformedSweepTest : public ApiTest {
 protected:
  std::vector<std::string> ServerArgs() override { return {"--no-demo", "--body-limit", "65536"}; }
};

// The id of a record of each kind, so that a path reaches its validation: the segment before a
// parameter names the kind ("deals/{id}" → a deal).
class Records {
 public:
  void Add(const std::string& segment, const std::string& id) { ids_[segment] = id; }
  // `path` with every parameter replaced by the id of its kind ("1" when there is none).
  std::string Fill(const std::string& path) const {
    static const std::regex param(R"(([a-z_-]+)/\{([a-z_]+)\})");
    std::string out;
    auto begin = std::sregex_iterator(path.begin(), path.end(), param);
    size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
      const auto& m = *it;
      out += path.substr(last, m.position(0) - last);
      std::string key = m[2] == "id" ? m[1].str() : m[2].str();
      auto found = ids_.find(key);
      out += m[1].str() + "/" + (found == ids_.end() ? "1" : found->second);
      last = m.position(0) + m.length(0);
    }
    return out + path.substr(last);
  }

  // A value a real client might send for `field` of `schema`: ids of existing records for the
  // fields that name one, dates and times in the future, and short text otherwise.
  json Plausible(const std::string& field, const json& schema) const {
    static const std::map<std::string, std::string> kind_of = {{"org_id", "orgs"},
                                                               {"nominee_org_id", "orgs"},
                                                               {"broker_org_id", "orgs"},
                                                               {"nominator_org_id", "orgs"},
                                                               {"demand_id", "demands"},
                                                               {"listing_id", "demands"},
                                                               {"achievement_id", "achievements"},
                                                               {"reviewer_id", "user_id"},
                                                               {"user_id", "user_id"},
                                                               {"proposal_id", "proposal_id"},
                                                               {"deal_id", "deals"}};
    if (auto k = kind_of.find(field); k != kind_of.end()) {
      auto found = ids_.find(k->second);
      if (found != ids_.end()) return std::stoll(found->second);
    }
    // A nullable field's type is a list, ["integer", "null"]: its first is the value's.
    json type_of = schema.is_object() ? schema.value("type", json("string")) : json("string");
    if (type_of.is_array() && !type_of.empty()) type_of = type_of[0];
    const std::string type = type_of.is_string() ? type_of.get<std::string>() : "string";
    if (type == "integer" || type == "number") return 1;
    if (type == "boolean") return true;
    if (type == "array") return json::array({"测试"});
    if (type == "object") return json::object();
    if (field.find("date") != std::string::npos || field == "deadline" || field.ends_with("_on")) {
      return "2099-01-01";
    }
    if (field.ends_with("_at") || field.ends_with("opens") || field.ends_with("closes")) {
      return "2099-01-01T00:00:00+08:00";
    }
    return "测试";
  }

 private:
  std::map<std::string, std::string> ids_;
};

TEST_F(MalformedSweepTest, NoMalformedRequestGetsA5xx) {
  Client admin = Admin();
  Client member = RegisterWithOrg("sweeper", "扫描公司");
  Client lab = RegisterWithOrg("sweeplab", "扫描研究院", "institute");
  Client reviewer = Reviewer("sweepreviewer");
  Records records;
  auto id = [](const HttpResult& r) {
    EXPECT_LT(r.status, 300) << r.body;
    return std::to_string(r.json.value("id", int64_t{0}));
  };
  int64_t demand = PublishedDemand(member, reviewer, "扫描需求");
  records.Add("demands", std::to_string(demand));
  auto a = lab.Post("/api/v1/achievements", {{"title", "扫描成果"}, {"abstract", "扫描。"}});
  records.Add("achievements", id(a));
  records.Add("experts",
              id(lab.Post("/api/v1/experts", {{"name", "扫描专家"}, {"bio", "扫描。"}})));
  records.Add("orgs", std::to_string(member.Get("/api/v1/me").json.value("org_id", int64_t{0})));
  records.Add("users", std::to_string(member.Get("/api/v1/me").json.value("id", int64_t{0})));
  records.Add("user_id", std::to_string(lab.Get("/api/v1/me").json.value("id", int64_t{0})));
  auto deal = member.Post(
      "/api/v1/deals", {{"demand_id", demand}, {"org_id", lab.Get("/api/v1/me").json["org_id"]}});
  records.Add("deals", id(deal));
  records.Add("file_id",
              id(member.Send("POST", "/api/v1/deals/" + id(deal) + "/attachments?name=a.pdf",
                             "%PDF-1.4 sweep", {}, "application/pdf")));
  auto call = member.Post("/api/v1/challenges", {{"demand_id", demand},
                                                 {"title", "扫描揭榜"},
                                                 {"deadline", "2099-01-01"},
                                                 {"criteria", {"技术先进性"}}});
  records.Add("challenges", id(call));
  records.Add("proposal_id",
              id(lab.Post("/api/v1/challenges/" + id(call) + "/proposals", {{"summary", "方案"}})));
  const int64_t now = std::time(nullptr);
  auto campaign = admin.Post("/api/v1/campaigns", {{"template", "emerging-enterprise"},
                                                   {"year", 2026},
                                                   {"min_reviewers", 1},
                                                   {"nomination_opens", IsoTime(now - 86400)},
                                                   {"nomination_closes", IsoTime(now + 86400)},
                                                   {"review_opens", IsoTime(now + 86400)},
                                                   {"review_closes", IsoTime(now + 9 * 86400)}});
  records.Add("campaigns", id(campaign));
  EXPECT_EQ(admin.Post("/api/v1/campaigns/" + id(campaign) + "/open", json::object()).status, 200);
  records.Add(
      "news",
      id(admin.Post("/api/v1/news",
                    {{"title", "扫描新闻"}, {"source", "扫描网"}, {"paragraphs", {"一段。"}}})));
  EXPECT_EQ(
      admin.Post("/api/v1/bodies", {{"kind", "consortium"}, {"slug", "sweep"}, {"name", "扫描"}})
          .status,
      201);
  records.Add("bodies", "sweep");
  records.Add(
      "bases",
      id(admin.Post(
          "/api/v1/bases",
          {{"name", "扫描基地"}, {"country", "DE"}, {"city", "Berlin"}, {"status", "published"}})));
  records.Add("slug", "sweep");
  auto plan = admin.Post(
      "/api/v1/plans",
      {{"title", "扫描计划"}, {"start_year", 2026}, {"end_year", 2028}, {"status", "published"}});
  records.Add("plans", id(plan));
  auto category = admin.Post("/api/v1/plans/" + id(plan) + "/categories", {{"title", "扫描类别"}});
  records.Add("plan-categories", id(category));
  auto task = admin.Post("/api/v1/plans/" + id(plan) + "/tasks",
                         {{"category_id", category.json.value("id", int64_t{0})},
                          {"code", "1.1"},
                          {"title", "扫描任务"}});
  records.Add("plan-tasks", id(task));
  records.Add("plan-milestones",
              id(admin.Post("/api/v1/plan-tasks/" + id(task) + "/milestones",
                            {{"title", "扫描里程碑"}, {"due_date", "2099-01-01"}})));
  records.Add("plan-reports",
              id(admin.Post("/api/v1/plan-tasks/" + id(task) + "/reports",
                            {{"report_date", "2026-01-01"}, {"text", "扫描进展"}})));
  auto event = admin.Post("/api/v1/events",
                          {{"org_id", admin.Get("/api/v1/me").json.value("org_id", int64_t{0})},
                           {"kind", "roadshow"},
                           {"title", "扫描路演"},
                           {"starts_at", IsoTime(now + 3600)},
                           {"ends_at", IsoTime(now + 7200)},
                           {"venue", "扫描会场"}});
  records.Add("events", id(event));
  EXPECT_EQ(admin.Post("/api/v1/events/" + id(event) + "/publish", json::object()).status, 200);
  records.Add("kind", "demands");
  records.Add("subscriptions", id(member.Post("/api/v1/me/subscriptions", {{"q", "扫描"}})));
  Client visitor = Anonymous();
  std::vector<std::pair<std::string, Client*>> callers = {
      {"visitor", &visitor}, {"member", &member}, {"admin", &admin}};

  auto doc = visitor.Get("/api/v1/openapi.json");
  ASSERT_EQ(doc.status, 200);
  std::vector<std::string> failures;
  int sent = 0;
  auto send = [&](Client& c, const std::string& who, const std::string& method,
                  const std::string& path, const std::string& body) {
    auto r = c.Send(method, path, body);
    ++sent;
    if (r.status >= 500) {
      failures.push_back(who + " " + method + " " + path + " " + body.substr(0, 120) + " → " +
                         std::to_string(r.status) + " " + r.body.substr(0, 200));
    }
  };
  const std::regex param(R"(\{[a-z_]+\})");
  for (const auto& [path, item] : doc.json["paths"].items()) {
    if (path == "/api/v1/auth/logout") continue;  // would end the callers' sessions
    for (const auto& [method_lower, op] : item.items()) {
      std::string method = method_lower;
      for (char& ch : method) ch = static_cast<char>(toupper(ch));
      // A real record where the path takes one, so bodies reach validation; then bad ids.
      std::string real = records.Fill(path);
      std::vector<std::string> targets = {real};
      if (path.find('{') != std::string::npos) {
        for (const auto& id : kBadIds) {
          targets.push_back(std::regex_replace(path, param, id));
        }
      }
      json props = json::object();
      if (op.contains("requestBody")) {
        const json& schema = op["requestBody"]["content"]["application/json"]["schema"];
        if (schema.contains("properties")) props = schema["properties"];
      }
      for (auto& [who, client] : callers) {
        for (const auto& target : targets) {
          for (const char* body : {"", "null", "[]", "{}", "\"x\"", "-1", "{\"a\":"}) {
            send(*client, who, method, target, body);
          }
        }
        if (method == "GET" || method == "DELETE") continue;
        // Each documented field with each bad value: alone, and among plausible values of the
        // other fields (so that the bad one is what validation, or the store, meets); then all
        // of them at once.
        json plausible = json::object();
        for (const auto& [field, schema] : props.items()) {
          if (Harmless(path, field)) plausible[field] = records.Plausible(field, schema);
        }
        for (const auto& [field, unused] : props.items()) {
          if (!Harmless(path, field)) continue;
          for (const json& v : BadValues()) {
            send(*client, who, method, real,
                 json{{field, v}}.dump(-1, ' ', false, json::error_handler_t::replace));
            json mixed = plausible;
            mixed[field] = v;
            send(*client, who, method, real,
                 mixed.dump(-1, ' ', false, json::error_handler_t::replace));
          }
        }
        for (const json& v : BadValues()) {
          json all = json::object();
          for (const auto& [field, unused] : props.items()) {
            if (Harmless(path, field)) all[field] = v;
          }
          send(*client, who, method, real,
               all.dump(-1, ' ', false, json::error_handler_t::replace));
        }
      }
    }
  }
  std::ostringstream report;
  for (const auto& f : failures) report << f << "\n";
  EXPECT_TRUE(failures.empty()) << failures.size() << " of " << sent
                                << " malformed requests got a 5xx:\n"
                                << report.str();
  EXPECT_GT(sent, 1000);
  // The server is still there.
  EXPECT_EQ(visitor.Get("/api/v1/health").status, 200);
}

}  // namespace
}  // namespace kc::testing
