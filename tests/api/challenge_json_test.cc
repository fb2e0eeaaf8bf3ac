#include "api/challenge_json.h"

#include <gtest/gtest.h>

#include "api/schema_check.h"

namespace kc::api {
namespace {

using nlohmann::json;

TEST(ChallengeJsonTest, CallsAndProposalsValidateAgainstTheirSchemas) {
  Proposal p;
  p.id = 4;
  p.org_id = 2;
  p.org_name = "某大学";
  p.summary = "方案";
  p.score = 87.5;
  p.judges_scored = 2;
  ChallengeView v;
  v.challenge.id = 1;
  v.challenge.demand_id = 3;
  v.challenge.title = "揭榜：耐高温涂层";
  v.challenge.criteria = {{"可行性", 2}, {"成本", 1}};
  v.challenge.winner_proposal_id = 4;
  v.phase = ChallengePhase::kAnnounced;
  v.org.id = 5;
  v.org.name = "某企业";
  User judge;
  judge.id = 8;
  judge.username = "judge";
  v.judges = {judge};
  v.proposal_count = 1;
  v.proposals = {p};
  json j = ChallengeJson(v);
  EXPECT_EQ(j["phase"], "announced");
  EXPECT_EQ(j["winner_proposal_id"], 4);
  EXPECT_TRUE(j["deal_id"].is_null());
  EXPECT_EQ(j["proposals"][0]["org"], json({{"id", 2}, {"name", "某大学"}}));
  testing::ExpectValid(ChallengeSchema(), {j, ChallengeJson(ChallengeView{})});
  testing::ExpectValid(ProposalSchema(), {ProposalJson(p), ProposalJson(Proposal{})});
}

TEST(ChallengeJsonTest, ReadsACallWithCriteriaByNameOrWeight) {
  auto c = ReadChallenge({{"demand_id", 3},
                          {"deadline", "2026-12-31"},
                          {"criteria", {"可行性", {{"name", "成本"}, {"weight", 0.5}}}},
                          {"judges", {"judge"}}});
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_EQ(c->criteria.size(), 2u);
  EXPECT_EQ(c->criteria[0].weight, 1);
  EXPECT_EQ(c->criteria[1].weight, 0.5);
  EXPECT_EQ(c->judges, std::vector<std::string>{"judge"});
  EXPECT_EQ(
      ReadChallenge({{"deadline", "2026-12-31"}, {"criteria", json::array()}}).status().field(),
      "demand_id");
  EXPECT_EQ(ReadChallenge({{"demand_id", 3}, {"deadline", "2026-12-31"}}).status().field(),
            "criteria");
  EXPECT_EQ(ReadChallenge({{"demand_id", 3},
                           {"deadline", "2026-12-31"},
                           {"criteria", json::array()},
                           {"judges", {1}}})
                .status()
                .field(),
            "judges");
  auto scores = ReadJudgeScores({{"scores", {90, 75.5}}});
  ASSERT_TRUE(scores.ok());
  EXPECT_EQ(*scores, (std::vector<double>{90, 75.5}));
  EXPECT_EQ(ReadJudgeScores({{"scores", {"high"}}}).status().code(), "invalid_type");
}

}  // namespace
}  // namespace kc::api
