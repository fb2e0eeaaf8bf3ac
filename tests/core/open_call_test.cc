#include "core/open_call.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(OpenCallTest, AnOpenCallIsJudgedOnceItsDeadlineHasPassed) {
  OpenCall c;
  c.deadline = "2026-12-31";
  EXPECT_EQ(EffectivePhase(c, "2026-12-30"), CallPhase::kOpen);
  EXPECT_EQ(EffectivePhase(c, "2026-12-31"), CallPhase::kOpen) << "the deadline day counts";
  EXPECT_EQ(EffectivePhase(c, "2027-01-01"), CallPhase::kJudging);
  c.phase = CallPhase::kAnnounced;
  EXPECT_EQ(EffectivePhase(c, "2027-01-01"), CallPhase::kAnnounced);
  c.phase = CallPhase::kJudging;
  EXPECT_EQ(EffectivePhase(c, "2026-01-01"), CallPhase::kJudging) << "closed early";
}

TEST(OpenCallTest, PhaseNamesRoundTrip) {
  for (auto p : {CallPhase::kOpen, CallPhase::kJudging, CallPhase::kAnnounced}) {
    EXPECT_EQ(CallPhaseFromName(CallPhaseName(p)), p);
  }
  EXPECT_FALSE(CallPhaseFromName("closed"));
}

TEST(OpenCallTest, CriteriaNeedNamesAndPositiveWeights) {
  EXPECT_TRUE(ValidateCriteria({{"技术先进性", 40}, {"可行性", 60}}).ok());
  EXPECT_EQ(ValidateCriteria({}).field(), "criteria");
  EXPECT_FALSE(ValidateCriteria({{" ", 1}}).ok());
  EXPECT_FALSE(ValidateCriteria({{"a", 0}}).ok());
  EXPECT_FALSE(ValidateCriteria({{"a", 101}}).ok());
  EXPECT_FALSE(ValidateCriteria(std::vector<CallCriterion>(11, {"a", 1})).ok());
}

TEST(OpenCallTest, WeightedScoreFoldsScoresByWeight) {
  std::vector<CallCriterion> c = {{"技术", 3}, {"成本", 1}};
  auto s = WeightedScore(c, {80, 40});
  ASSERT_TRUE(s.ok());
  EXPECT_DOUBLE_EQ(*s, 70.0);
  EXPECT_EQ(WeightedScore(c, {80}).status().field(), "scores");
  EXPECT_FALSE(WeightedScore(c, {80, 101}).ok());
  EXPECT_FALSE(WeightedScore(c, {-1, 10}).ok());
}

}  // namespace
}  // namespace kc
