// GET /stats and an agency's record through the API, fed by real matches and deals.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

using nlohmann::json;

class StatsRoutesTest : public ApiTest {};

int64_t Count(const json& rows, const std::string& key) {
  for (const auto& r : rows) {
    if (r["key"] == key) return r["n"];
  }
  return 0;
}

TEST_F(StatsRoutesTest, CountsListingsTheFunnelAndDeclines) {
  Client ent = RegisterWithOrg("ent", "电池公司");
  Client lab = RegisterWithOrg("lab", "研究院", "institute");
  Client agency = RegisterWithOrg("broker", "技术转移中心", "service_agency");
  Client reviewer = Reviewer();
  int64_t demand = PublishedDemand(ent, reviewer, "低温锂电池电解液");
  auto empty = Anonymous().Get("/api/v1/stats");
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(empty.json["funnel"]["deals_opened"], 0);
  EXPECT_EQ(Count(empty.json["demands"]["by_region"], "44"), 1);
  EXPECT_EQ(Count(empty.json["demands"]["by_category"], "工学"), 1);
  auto a = lab.Post("/api/v1/achievements", {{"title", "锂电池低温电解液配方"},
                                             {"abstract", "低温电解液，-30℃容量保持率85%。"},
                                             {"keywords", {"锂电池", "低温电解液"}}});
  ASSERT_EQ(a.status, 201);
  std::string base = "/api/v1/achievements/" + std::to_string(a.json["id"].get<int64_t>());
  lab.Post(base + "/submit", json::object());
  reviewer.Post(base + "/approve", json::object());
  // The matches endpoint counts what it shows, once indexed.
  int64_t shown = 0;
  for (int i = 0; i < 60 && shown == 0; ++i) {
    auto m = ent.Get("/api/v1/demands/" + std::to_string(demand) + "/matches?type=achievement");
    shown = m.json.value("total", 0);
    if (shown == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_GT(shown, 0);
  // Reloading the list, as a person or a crawler does, counts once a day per viewer; two
  // visitors (told apart by their user agents) count twice.
  const std::string matches =
      "/api/v1/demands/" + std::to_string(demand) + "/matches?type=achievement";
  for (int i = 0; i < 10; ++i) ASSERT_EQ(ent.Get(matches).status, 200);
  Client visitor = Anonymous();
  for (const char* agent : {"crawler/1.0", "crawler/1.0", "Mozilla/5.0"}) {
    ASSERT_EQ(visitor.Send("GET", matches, "", {{"User-Agent", agent}}).status, 200);
  }
  int64_t agency_org = agency.Get("/api/v1/me").json["org_id"];
  auto d1 = agency.Post("/api/v1/deals", {{"demand_id", demand}, {"achievement_id", a.json["id"]}});
  ASSERT_EQ(d1.status, 201) << d1.body;
  auto d2 = ent.Post("/api/v1/deals", {{"demand_id", demand}, {"achievement_id", a.json["id"]}});
  ASSERT_EQ(d2.status, 201);
  std::string p2 = "/api/v1/deals/" + std::to_string(d2.json["id"].get<int64_t>());
  ASSERT_EQ(lab.Post(p2 + "/stage", {{"stage", "declined"}, {"reason", "price"}}).status, 200);
  std::string p1 = "/api/v1/deals/" + std::to_string(d1.json["id"].get<int64_t>());
  ASSERT_EQ(ent.Post(p1 + "/stage", {{"stage", "negotiating"}}).status, 200);
  ASSERT_EQ(lab.Post(p1 + "/stage", {{"stage", "signed"}}).status, 202);  // proposed
  ASSERT_EQ(ent.Post(p1 + "/stage", {{"stage", "signed"}}).status, 200);  // confirmed
  ASSERT_EQ(agency
                .Send("PUT", p1 + "/contract",
                      json({{"type", "license"},
                            {"amount_cny", 900000},
                            {"signed_on", "2026-11-01"},
                            {"registration_no", "R-1"}})
                          .dump())
                .status,
            200);
  ASSERT_EQ(ent.Post(p1 + "/stage", {{"stage", "registered"}}).status, 202);
  ASSERT_EQ(lab.Post(p1 + "/stage", {{"stage", "registered"}}).status, 200);
  auto st = Anonymous().Get("/api/v1/stats");
  EXPECT_EQ(st.json["funnel"]["matches_shown"], 3) << "one member and two visitors";
  EXPECT_EQ(st.json["funnel"]["deals_opened"], 2);
  EXPECT_EQ(st.json["funnel"]["signed"], 1);
  EXPECT_EQ(st.json["funnel"]["registered"], 1);
  EXPECT_EQ(Count(st.json["declined_by_reason"], "price"), 1);
  EXPECT_EQ(Count(st.json["deals"]["by_region"], "44"), 2);
  auto record = Anonymous().Get("/api/v1/orgs/" + std::to_string(agency_org) + "/deal-record");
  ASSERT_EQ(record.status, 200) << record.body;
  EXPECT_EQ(record.json["deals"], 1);
  EXPECT_EQ(record.json["registered"], 1);
  EXPECT_EQ(record.json["registered_amount_cny"], 900000);
  EXPECT_TRUE(record.json["median_days_to_signature"].is_number());
  EXPECT_EQ(Anonymous().Get("/api/v1/orgs/99999/deal-record").status, 404);
}

}  // namespace
}  // namespace kc::testing
