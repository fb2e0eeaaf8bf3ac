#include "search/ranking.h"

#include <gtest/gtest.h>

#include <cmath>

namespace kc::search {
namespace {

TEST(RankingTest, WeightsSumToOne) {
  for (ListingKind k : {ListingKind::kDemand, ListingKind::kAchievement, ListingKind::kExpert}) {
    const MatchWeights w = DefaultWeights(k);
    const double sum = w.text + w.key_terms + w.keywords + w.discipline + w.category + w.maturity +
                       w.region + w.recency + w.achievements;
    EXPECT_NEAR(sum, 1.0, 1e-9) << KindName(k);
  }
}

TEST(RankingTest, ScoreIsTheSumOfItsComponents) {
  MatchFeatures f;
  f.text = 1;
  f.discipline = 1;
  f.maturity = 0.5;
  std::vector<ScoreComponent> parts;
  const double score = Score(f, DefaultWeights(ListingKind::kAchievement), &parts);
  double sum = 0;
  for (const auto& p : parts) sum += p.value * p.weight;
  EXPECT_DOUBLE_EQ(score, sum);
  EXPECT_GT(score, 0.4);
  // Weightless features are not shown: demands have no maturity.
  parts.clear();
  Score(f, DefaultWeights(ListingKind::kDemand), &parts);
  for (const auto& p : parts) EXPECT_NE(p.name, "maturity");
}

TEST(RankingTest, Features) {
  EXPECT_DOUBLE_EQ(KeywordOverlap({"a", "b"}, {"b", "c"}), 1.0 / 3);
  EXPECT_DOUBLE_EQ(KeywordOverlap({}, {"b"}), 0);
  EXPECT_DOUBLE_EQ(Recency(1000, 1000), 1);
  EXPECT_NEAR(Recency(0, 365 * 86400), 0, 1e-12);  // never published
  EXPECT_NEAR(Recency(1, 1 + 365 * 86400), std::exp(-1), 1e-9);
  EXPECT_TRUE(SameProvince("440305", "440106"));
  EXPECT_FALSE(SameProvince("440305", "110108"));
  EXPECT_FALSE(SameProvince("", ""));
}

}  // namespace
}  // namespace kc::search
