#include "search/matcher.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "search/fixture.h"

namespace kc::search {
namespace {

using testing::MakeListing;

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

class MatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto index = SearchIndex::Open(dir_.path());
    ASSERT_TRUE(index.ok());
    index_ = std::move(*index);
    std::vector<Listing> listings = testing::SampleListings();
    listings[0].maturity = 7;
    listings[0].inventors = {"张 伟"};
    Listing expert =
        MakeListing(30, ListingKind::kExpert, "张伟", "长期从事工业自动化研究。", {"工业自动化"});
    expert.disciplines = {"控制科学与工程"};
    Listing other = MakeListing(31, ListingKind::kExpert, "李娜",
                                "研究锂离子电池正极材料与电化学储能。", {"锂离子电池", "储能"});
    other.disciplines = {"材料科学与工程"};
    listings.push_back(expert);
    listings.push_back(other);
    for (const Listing& l : listings) ASSERT_TRUE(index_->Upsert(l).ok());
    ASSERT_TRUE(index_->Commit().ok());
    demand_ = listings[3];  // 汽车零部件表面缺陷自动检测
  }

  testing::TempDir dir_;
  std::unique_ptr<SearchIndex> index_;
  Listing demand_;
};

TEST_F(MatcherTest, RelevantAchievementFirstWithExplanation) {
  Matcher matcher(index_.get());
  auto hits = matcher.Match(demand_, {ListingKind::kAchievement, 10, 1700000000 + 86400});
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  ASSERT_FALSE(hits->empty());
  const MatchHit& best = hits->front();
  EXPECT_EQ(best.id, 1);
  for (const MatchHit& h : *hits) {
    EXPECT_EQ(h.kind, ListingKind::kAchievement);
    EXPECT_NE(h.id, demand_.id);
    if (h.id == 2) {
      EXPECT_LT(h.score, best.score);
    }
  }
  const Explanation& e = best.explanation;
  EXPECT_TRUE(Has(e.shared_terms, "缺陷检测") || Has(e.shared_terms, "缺陷"))
      << e.shared_terms.size();
  EXPECT_TRUE(Has(e.field_match, "discipline"));
  EXPECT_TRUE(Has(e.field_match, "region"));  // both in Guangdong
  double sum = 0;
  bool has_text = false;
  for (const ScoreComponent& c : e.components) {
    sum += c.value * c.weight;
    has_text = has_text || (c.name == "text" && c.value == 1.0);
  }
  EXPECT_NEAR(sum, best.score, 1e-9);
  EXPECT_TRUE(has_text);
}

TEST_F(MatcherTest, AchievementFindsDemands) {
  Matcher matcher(index_.get());
  const Listing achievement = testing::SampleListings()[0];
  auto hits = matcher.Match(achievement, {ListingKind::kDemand, 5, 0});
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ(hits->front().id, 4);
}

TEST_F(MatcherTest, ExpertsThroughTheirAchievements) {
  Matcher matcher(index_.get());
  auto hits = matcher.Match(demand_, {ListingKind::kExpert, 10, 0});
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ(hits->front().id, 30);
  EXPECT_EQ(hits->front().explanation.via_achievements,
            std::vector<std::string>{"基于卷积神经网络的工业缺陷视觉检测系统"});
  // The battery expert shares nothing with the demand.
  for (const MatchHit& h : *hits) {
    if (h.id == 31) {
      EXPECT_LT(h.score, hits->front().score);
    }
  }
}

TEST_F(MatcherTest, CandidatesComeFromTheHeaviestKeyTerms) {
  // Two subjects: with every key term both achievements are candidates, with one key term
  // only the achievement of that term's subject.
  const Listing two =
      MakeListing(98, ListingKind::kDemand, "锂离子电池正极材料与卷积神经网络",
                  "共沉淀法制备正极材料；卷积神经网络识别缺陷。", {"锂离子电池", "神经网络"});
  auto ids = [&](MatchOptions o) {
    std::vector<int64_t> out;
    auto hits = Matcher(index_.get(), nullptr, o).Match(two, {ListingKind::kAchievement, 10, 0});
    EXPECT_TRUE(hits.ok());
    if (hits.ok()) {
      for (const MatchHit& h : *hits) out.push_back(h.id);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(ids(MatchOptions{}), (std::vector<int64_t>{1, 2}));
  MatchOptions one;
  one.candidate_terms = 1;
  one.widen_when_few = false;
  const std::vector<int64_t> found = ids(one);
  EXPECT_EQ(found.size(), 1u);
  // No character terms by default: 统 or 材 alone would not make a candidate.
  EXPECT_EQ(MatchOptions{}.query.char_weight, 0);
}

TEST_F(MatcherTest, TooFewCandidatesWidenToEveryKeyTerm) {
  // The heaviest key terms are about sludge, which no achievement mentions; only the title's
  // defect detection is shared with an achievement.
  const Listing source = MakeListing(97, ListingKind::kDemand, "缺陷检测",
                                     "需要低能耗的污泥脱水干化设备，污泥含水率降至40%以下。",
                                     {"污泥脱水", "污泥干化"});
  MatchOptions narrow;
  narrow.candidate_terms = 1;
  narrow.widen_when_few = false;
  auto none =
      Matcher(index_.get(), nullptr, narrow).Match(source, {ListingKind::kAchievement, 10, 0});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  MatchOptions widened = narrow;
  widened.widen_when_few = true;
  auto hits =
      Matcher(index_.get(), nullptr, widened).Match(source, {ListingKind::kAchievement, 10, 0});
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ(hits->front().id, 1);
}

TEST_F(MatcherTest, SourceWithoutTermsHasNoMatches) {
  Matcher matcher(index_.get());
  auto hits = matcher.Match(MakeListing(99, ListingKind::kDemand, "……", "！！"),
                            {ListingKind::kAchievement, 10, 0});
  ASSERT_TRUE(hits.ok());
  EXPECT_TRUE(hits->empty());
}

TEST_F(MatcherTest, MembersOnlyDetailsOfCandidatesCountForMembersOnly) {
  // An achievement whose public part says little; its hidden details are about the demand.
  Listing hidden =
      MakeListing(40, ListingKind::kAchievement, "一种检测装置",
                  std::string(130, 'x') + " 汽车零部件表面缺陷自动检测与分拣", {"装置"});
  hidden.visibility = Visibility::kMembers;
  hidden.inventors = {"李娜"};
  ASSERT_TRUE(index_->Upsert(hidden).ok());
  ASSERT_TRUE(index_->Commit().ok());
  Matcher matcher(index_.get());
  auto shared_with = [&](bool member) {
    MatchRequest request{ListingKind::kAchievement, 10, 0};
    request.member = member;
    auto hits = matcher.Match(demand_, request);
    EXPECT_TRUE(hits.ok()) << hits.status().message();
    std::vector<std::string> shared;
    for (const MatchHit& h : hits.ok() ? *hits : std::vector<MatchHit>{}) {
      if (h.id == 40) shared = h.explanation.shared_terms;
    }
    return shared;
  };
  // A visitor's explanation never shows the hidden words; a member's does.
  for (const std::string& t : shared_with(false)) {
    EXPECT_TRUE(t != "零部件" && t != "表面缺陷" && t != "汽车") << t;
  }
  const std::vector<std::string> member = shared_with(true);
  EXPECT_TRUE(Has(member, "零部件") || Has(member, "汽车")) << member.size();
}

}  // namespace
}  // namespace kc::search
