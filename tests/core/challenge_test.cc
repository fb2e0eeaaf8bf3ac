#include "core/challenge.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(ChallengeTest, AChallengeIsJudgedOnceItsDeadlineHasPassed) {
  Challenge c;
  c.deadline = "2026-12-31";
  EXPECT_EQ(EffectivePhase(c, "2026-12-30"), ChallengePhase::kOpen);
  EXPECT_EQ(EffectivePhase(c, "2026-12-31"), ChallengePhase::kOpen) << "the deadline day counts";
  EXPECT_EQ(EffectivePhase(c, "2027-01-01"), ChallengePhase::kJudging);
  c.phase = ChallengePhase::kAnnounced;
  EXPECT_EQ(EffectivePhase(c, "2027-01-01"), ChallengePhase::kAnnounced);
  c.phase = ChallengePhase::kJudging;
  EXPECT_EQ(EffectivePhase(c, "2026-01-01"), ChallengePhase::kJudging) << "closed early";
}

TEST(ChallengeTest, PhaseNamesRoundTrip) {
  for (auto p : {ChallengePhase::kOpen, ChallengePhase::kJudging, ChallengePhase::kAnnounced}) {
    EXPECT_EQ(ChallengePhaseFromName(ChallengePhaseName(p)), p);
  }
  EXPECT_FALSE(ChallengePhaseFromName("closed"));
}

TEST(ChallengeTest, CriteriaNeedNamesAndPositiveWeights) {
  EXPECT_TRUE(ValidateCriteria({{"技术先进性", 40}, {"可行性", 60}}).ok());
  EXPECT_EQ(ValidateCriteria({}).field(), "criteria");
  EXPECT_FALSE(ValidateCriteria({{" ", 1}}).ok());
  EXPECT_FALSE(ValidateCriteria({{"a", 0}}).ok());
  EXPECT_FALSE(ValidateCriteria({{"a", 101}}).ok());
  EXPECT_FALSE(ValidateCriteria(std::vector<ChallengeCriterion>(11, {"a", 1})).ok());
}

TEST(ChallengeTest, WeightedScoreFoldsScoresByWeight) {
  std::vector<ChallengeCriterion> c = {{"技术", 3}, {"成本", 1}};
  auto s = WeightedScore(c, {80, 40});
  ASSERT_TRUE(s.ok());
  EXPECT_DOUBLE_EQ(*s, 70.0);
  EXPECT_EQ(WeightedScore(c, {80}).status().field(), "scores");
  EXPECT_FALSE(WeightedScore(c, {80, 101}).ok());
  EXPECT_FALSE(WeightedScore(c, {-1, 10}).ok());
}

}  // namespace
}  // namespace kc
