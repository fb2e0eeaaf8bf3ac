// Open challenges (揭榜挂帅) through the API: post, propose, judge, announce, and the deal that
// follows.
#include <gtest/gtest.h>

#include "api/api_fixture.h"

namespace kc::testing {
namespace {

using nlohmann::json;

class ChallengeRoutesTest : public ApiTest {};

TEST_F(ChallengeRoutesTest, FromDemandToWinnerAndDeal) {
  Client ent = RegisterWithOrg("poster", "电池公司");
  Client lab = RegisterWithOrg("solver", "材料研究所", "institute");
  Client other = RegisterWithOrg("other", "另一研究所", "institute");
  Client judge = RegisterUser("judge1");
  Client reviewer = Reviewer();
  int64_t demand = PublishedDemand(ent, reviewer, "固态电池界面阻抗");
  json body = {{"demand_id", demand},
               {"reward_cny", 2000000},
               {"deadline", "2099-12-31"},
               {"criteria", {{{"name", "技术先进性"}, {"weight", 60}}, "成本"}},
               {"judges", {"judge1"}}};
  EXPECT_EQ(lab.Post("/api/v1/challenges", body).status, 403);
  json bad = body;
  bad["deadline"] = "2099-02-30";
  EXPECT_EQ(ent.Post("/api/v1/challenges", bad).ErrorField(), "deadline");
  bad = body;
  bad["criteria"] = "all";
  EXPECT_EQ(ent.Post("/api/v1/challenges", bad).ErrorField(), "criteria");
  auto created = ent.Post("/api/v1/challenges", body);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json["phase"], "open");
  EXPECT_EQ(created.json["criteria"].size(), 2u);
  std::string path = "/api/v1/challenges/" + std::to_string(created.json["id"].get<int64_t>());
  EXPECT_EQ(Anonymous().Get("/api/v1/challenges").json["total"], 1);
  auto p1 = lab.Post(path + "/proposals", {{"summary", "原位聚合界面层"}});
  ASSERT_EQ(p1.status, 201) << p1.body;
  ASSERT_EQ(other.Post(path + "/proposals", {{"summary", "硫化物电解质包覆"}}).status, 201);
  EXPECT_EQ(lab.Post(path + "/proposals", {{"summary", "再来一个"}}).status, 409);
  EXPECT_EQ(lab.Post(path + "/proposals", json::object()).status, 422);
  auto notes = ent.Get("/api/v1/me/notifications");
  EXPECT_EQ(notes.json["items"][0]["kind"], "call_proposal");
  EXPECT_GT(notes.json["items"][0].value("call_id", 0), 0);
  EXPECT_EQ(Anonymous().Get(path).json["proposals"].size(), 0u);
  EXPECT_EQ(Anonymous().Get(path).json["proposal_count"], 2);
  int64_t winner = p1.json["id"];
  std::string score = path + "/proposals/" + std::to_string(winner) + "/scores";
  EXPECT_EQ(judge.Post(score, {{"scores", {90, 70}}}).ErrorCode(), "invalid_phase");
  ASSERT_EQ(ent.Post(path + "/close", json::object()).json["phase"], "judging");
  EXPECT_EQ(lab.Post(score, {{"scores", {100, 100}}}).status, 403);
  EXPECT_EQ(judge.Post(score, {{"scores", {90}}}).status, 422);
  EXPECT_EQ(judge.Post(score, {{"scores", {"a", 1}}}).status, 422);
  auto scored = judge.Post(score, {{"scores", {90, 70}}});
  ASSERT_EQ(scored.status, 200) << scored.body;
  EXPECT_EQ(scored.json["judges_scored"], 1);
  auto announced = ent.Post(path + "/announce", {{"proposal_id", winner}});
  ASSERT_EQ(announced.status, 200) << announced.body;
  EXPECT_EQ(announced.json["phase"], "announced");
  EXPECT_EQ(announced.json["winner_proposal_id"], winner);
  int64_t deal = announced.json["deal_id"];
  auto d = lab.Get("/api/v1/deals/" + std::to_string(deal));
  ASSERT_EQ(d.status, 200) << d.body;
  EXPECT_EQ(d.json["buyer"]["name"], "电池公司");
  EXPECT_EQ(d.json["seller"]["name"], "材料研究所");
  EXPECT_EQ(other.Get("/api/v1/deals/" + std::to_string(deal)).status, 404);
  EXPECT_EQ(ent.Post(path + "/announce", {{"proposal_id", winner}}).status, 409);
}

}  // namespace
}  // namespace kc::testing
