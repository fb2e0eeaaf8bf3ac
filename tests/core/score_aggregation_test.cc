#include "core/score_aggregation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace kc {
namespace {

std::vector<Criterion> TwoCriteria() {
  return {Criterion{"a", "A", "", 0.6, 10}, Criterion{"b", "B", "", 0.4, 10}};
}

// The fixed score table: reviewer 10 is lenient, reviewer 20 harsh, reviewer 30 gives every
// nomination 5 on criterion b (no spread: those scores stay raw).
//            criterion a        criterion b
//   reviewer n1  n2  n3         n1  n2  n3
//   10        9   8   7          8   9  10
//   20        5   4   3          2   3   4
//   30        6   8   7          5   5   5
std::vector<ScoreEntry> FixedTable() {
  const int a[3][3] = {{9, 8, 7}, {5, 4, 3}, {6, 8, 7}};
  const int b[3][3] = {{8, 9, 10}, {2, 3, 4}, {5, 5, 5}};
  const int64_t reviewers[3] = {10, 20, 30};
  std::vector<ScoreEntry> out;
  for (int r = 0; r < 3; ++r) {
    for (int n = 0; n < 3; ++n) {
      out.push_back(ScoreEntry{n + 1, reviewers[r], "a", static_cast<double>(a[r][n])});
      out.push_back(ScoreEntry{n + 1, reviewers[r], "b", static_cast<double>(b[r][n])});
    }
  }
  return out;
}

TEST(ScoreAggregationTest, FixedTableGivesTheDocumentedRanking) {
  auto ranked = RankNominations(TwoCriteria(), {1, 2, 3}, FixedTable());
  ASSERT_EQ(ranked.size(), 3u);
  // Computed by hand from the method in score_aggregation.h: z-scores per reviewer and
  // criterion, back on the pool's scale (a: mean 6.333, sd 1.886; b: mean 5.667, sd 2.582;
  // reviewer 30's flat 5s on b stay 5), mean of three reviewers, weighted 0.6/0.4.
  EXPECT_EQ(ranked[0].nomination_id, 2);
  EXPECT_EQ(ranked[1].nomination_id, 3);
  EXPECT_EQ(ranked[2].nomination_id, 1);
  EXPECT_EQ(ranked[0].rank, 1);
  EXPECT_EQ(ranked[2].rank, 3);
  EXPECT_NEAR(ranked[0].total, 6.4397, 1e-4);
  EXPECT_NEAR(ranked[1].total, 5.8973, 1e-4);
  EXPECT_NEAR(ranked[2].total, 5.5964, 1e-4);
  EXPECT_NEAR(ranked[0].breakdown.at("a"), 7.1031, 1e-4);
  EXPECT_NEAR(ranked[0].breakdown.at("b"), 5.4444, 1e-4);
  EXPECT_NEAR(ranked[1].breakdown.at("a"), 4.7937, 1e-4);
  EXPECT_NEAR(ranked[1].breakdown.at("b"), 7.5526, 1e-4);
  EXPECT_EQ(ranked[0].reviewers, 3);
  // Raw means would put 1 (6.0) before 3 (5.93): normalised, the harsh reviewer's low scores
  // no longer pull 3 down.
  EXPECT_NEAR(ranked[2].raw_mean, 6.0, 1e-9);
  EXPECT_NEAR(ranked[1].raw_mean, 5.9333, 1e-4);
}

TEST(ScoreAggregationTest, InputOrderDoesNotChangeTheResult) {
  auto table = FixedTable();
  auto expected = RankNominations(TwoCriteria(), {1, 2, 3}, table);
  std::mt19937 rng(7);
  for (int i = 0; i < 20; ++i) {
    std::shuffle(table.begin(), table.end(), rng);
    auto got = RankNominations(TwoCriteria(), {3, 1, 2}, table);
    ASSERT_EQ(got.size(), expected.size());
    for (size_t k = 0; k < got.size(); ++k) {
      EXPECT_EQ(got[k].nomination_id, expected[k].nomination_id);
      EXPECT_DOUBLE_EQ(got[k].total, expected[k].total);
    }
  }
}

TEST(ScoreAggregationTest, AUniformlyHarshReviewerChangesNothing) {
  auto base = RankNominations(TwoCriteria(), {1, 2, 3}, FixedTable());
  auto harsher = FixedTable();
  for (auto& s : harsher) {
    if (s.reviewer_id == 20) s.value = std::max(0.0, s.value - 1);  // still no zeros hit
  }
  auto got = RankNominations(TwoCriteria(), {1, 2, 3}, harsher);
  for (size_t k = 0; k < got.size(); ++k) {
    EXPECT_EQ(got[k].nomination_id, base[k].nomination_id);
  }
}

TEST(ScoreAggregationTest, TiesAreBrokenByTheHeaviestCriterionThenRawMeanThenId) {
  std::vector<Criterion> crit = {Criterion{"light", "L", "", 1, 10},
                                 Criterion{"heavy", "H", "", 1, 10}};
  // Equal weights: the campaign's order decides, so "light" is compared first.
  // Nominations 1 and 2 have mirror-image scores: equal totals; 1 is higher on "light".
  std::vector<ScoreEntry> s = {
      {1, 10, "light", 9}, {1, 10, "heavy", 5}, {2, 10, "light", 5}, {2, 10, "heavy", 9},
      {1, 20, "light", 8}, {1, 20, "heavy", 4}, {2, 20, "light", 4}, {2, 20, "heavy", 8},
  };
  auto r = RankNominations(crit, {1, 2}, s);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_NEAR(r[0].total, r[1].total, 1e-9);
  EXPECT_EQ(r[0].nomination_id, 1);
  // A heavier second criterion decides instead.
  crit[1].weight = 2;
  crit[0].weight = 2;
  crit.push_back(Criterion{"third", "T", "", 3, 10});
  r = RankNominations(crit, {1, 2}, s);
  EXPECT_EQ(r[0].nomination_id, 1) << "unscored 'third' is 0 for both; then 'light' first";
  // Identical scores: the smaller id (submitted first) wins.
  std::vector<ScoreEntry> same = {{5, 10, "light", 7}, {4, 10, "light", 7}};
  r = RankNominations({Criterion{"light", "L", "", 1, 10}}, {5, 4}, same);
  EXPECT_EQ(r[0].nomination_id, 4);
  EXPECT_EQ(r[1].nomination_id, 5);
}

TEST(ScoreAggregationTest, UnscoredNominationsRankLast) {
  auto r = RankNominations(TwoCriteria(), {1, 2, 3, 9}, FixedTable());
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[3].nomination_id, 9);
  EXPECT_EQ(r[3].reviewers, 0);
  EXPECT_EQ(r[3].total, 0);
}

TEST(ScoreAggregationTest, TrimmedMeanDropsAQuarterEachSide) {
  EXPECT_DOUBLE_EQ(TrimmedMean({}), 0);
  EXPECT_DOUBLE_EQ(TrimmedMean({1, 2, 9}), 4);                  // n < 4: plain mean
  EXPECT_DOUBLE_EQ(TrimmedMean({100, 2, 3, 1}), 2.5);           // drops 1 and 100
  EXPECT_DOUBLE_EQ(TrimmedMean({0, 5, 5, 5, 5, 5, 5, 10}), 5);  // n = 8: drops two each side
}

TEST(ScoreAggregationTest, OneOutlierReviewerMovesANomineeLittle) {
  // Four reviewers agree nomination 1 > 2; a fifth ranks them the other way round with
  // extreme scores. The trimmed mean keeps the majority's order.
  std::vector<Criterion> crit = {Criterion{"a", "A", "", 1, 10}};
  std::vector<ScoreEntry> s;
  for (int64_t r = 1; r <= 4; ++r) {
    s.push_back({1, r, "a", 8});
    s.push_back({2, r, "a", 6});
  }
  s.push_back({1, 5, "a", 0});
  s.push_back({2, 5, "a", 10});
  auto ranked = RankNominations(crit, {1, 2}, s);
  EXPECT_EQ(ranked[0].nomination_id, 1);
}

}  // namespace
}  // namespace kc
