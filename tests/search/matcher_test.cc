#include "search/matcher.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/utf8.h"
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
  ASSERT_FALSE(hits->hits.empty());
  const MatchHit& best = hits->hits.front();
  EXPECT_EQ(best.id, 1);
  for (const MatchHit& h : hits->hits) {
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

// MatchOptions::weights replaces the default weights: with the text feature alone, a hit's score
// is its text value and the explanation names that one component.
TEST_F(MatcherTest, GivenWeightsReplaceTheDefaultOnes) {
  MatchOptions options;
  options.weights = MatchWeights{.text = 1};
  Matcher matcher(index_.get(), nullptr, options);
  auto hits = matcher.Match(demand_, {ListingKind::kAchievement, 10, 1700000000 + 86400});
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  ASSERT_FALSE(hits->hits.empty());
  for (const MatchHit& h : hits->hits) {
    ASSERT_EQ(h.explanation.components.size(), 1u) << h.id;
    EXPECT_EQ(h.explanation.components[0].name, "text");
    EXPECT_DOUBLE_EQ(h.score, h.explanation.components[0].value);
  }
  EXPECT_EQ(hits->hits.front().score, 1.0);  // the best text score
}

TEST_F(MatcherTest, AchievementFindsDemands) {
  Matcher matcher(index_.get());
  const Listing achievement = testing::SampleListings()[0];
  auto hits = matcher.Match(achievement, {ListingKind::kDemand, 5, 0});
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->hits.empty());
  EXPECT_EQ(hits->hits.front().id, 4);
}

TEST_F(MatcherTest, ExpertsThroughTheirAchievements) {
  Matcher matcher(index_.get());
  auto hits = matcher.Match(demand_, {ListingKind::kExpert, 10, 0});
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  ASSERT_FALSE(hits->hits.empty());
  EXPECT_EQ(hits->hits.front().id, 30);
  EXPECT_EQ(hits->hits.front().explanation.via_achievements,
            std::vector<std::string>{"基于卷积神经网络的工业缺陷视觉检测系统"});
  // The battery expert shares nothing with the demand.
  for (const MatchHit& h : hits->hits) {
    if (h.id == 31) {
      EXPECT_LT(h.score, hits->hits.front().score);
    }
  }
}

// docs/talent.md: talent demands and talent profiles are matched with each other only.
TEST_F(MatcherTest, TalentDemandsFindTalentAndTalentFindsTalentDemands) {
  Listing battery = MakeListing(40, ListingKind::kTalent, "锂离子电池正极材料研究员",
                                "长期从事锂离子电池正极材料与固态电解质研究。", {"锂离子电池"});
  battery.person_name = "欧阳";
  Listing vision = MakeListing(41, ListingKind::kTalent, "工业机器视觉算法科学家",
                               "从事表面缺陷视觉检测与深度学习算法研究。", {"机器视觉"});
  Listing want = MakeListing(42, ListingKind::kTalentDemand, "引进锂离子电池正极材料领军人才",
                             "提供岗位与启动经费，研究方向为锂离子电池正极材料。", {"锂离子电池"});
  for (const Listing& l : {battery, vision, want}) ASSERT_TRUE(index_->Upsert(l).ok());
  ASSERT_TRUE(index_->Commit().ok());
  Matcher matcher(index_.get());

  auto talent = matcher.Match(want, {ListingKind::kTalent, 10, 0});
  ASSERT_TRUE(talent.ok()) << talent.status().message();
  ASSERT_FALSE(talent->hits.empty());
  EXPECT_EQ(talent->hits.front().id, 40);
  for (const MatchHit& h : talent->hits) EXPECT_EQ(h.kind, ListingKind::kTalent);

  auto demands = matcher.Match(battery, {ListingKind::kTalentDemand, 10, 0});
  ASSERT_TRUE(demands.ok());
  ASSERT_FALSE(demands->hits.empty());
  EXPECT_EQ(demands->hits.front().id, 42);
  // The battery expert (31) shares the subject but is not a talent profile.
  for (const MatchHit& h : talent->hits) EXPECT_NE(h.id, 31);
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
      for (const MatchHit& h : hits->hits) out.push_back(h.id);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  MatchOptions every;  // candidates, whatever their relevance
  every.min_relevance = 0;
  EXPECT_EQ(ids(every), (std::vector<int64_t>{1, 2}));
  MatchOptions one = every;
  one.candidate_terms = 1;
  one.foreign_whole_text = false;
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
  narrow.min_relevance = 0;  // candidates, whatever their relevance
  narrow.candidate_terms = 1;
  narrow.foreign_whole_text = false;
  narrow.widen_when_few = false;
  auto none =
      Matcher(index_.get(), nullptr, narrow).Match(source, {ListingKind::kAchievement, 10, 0});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->hits.empty());
  MatchOptions widened = narrow;
  widened.widen_when_few = true;
  auto hits =
      Matcher(index_.get(), nullptr, widened).Match(source, {ListingKind::kAchievement, 10, 0});
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->hits.empty());
  EXPECT_EQ(hits->hits.front().id, 1);
}

TEST_F(MatcherTest, ForeignListingIsMatchedByItsWholeText) {
  // A long English demand for Chinese listings: 30 words, each said twice, that translate only
  // to a word of another achievement (锂离子电池) outweigh the one word it shares with the
  // achievement it needs, a product name said once, which no dictionary translates.
  std::unique_ptr<Translator> translator = Translator::GlossaryOnly();
  std::string body;
  for (int i = 0; i < 30; ++i) {
    const std::string word = "zq" + std::string(1, static_cast<char>('a' + i % 26)) +
                             std::string(1, static_cast<char>('a' + i / 26)) + "vorth";
    translator->AddPair(word, "锂离子电池");
    body += word + " " + word + " ";
  }
  body += "Kestrelon";
  const Listing source = MakeListing(96, ListingKind::kDemand, "Sensor request", body);
  const Listing named = MakeListing(40, ListingKind::kAchievement, "振动监测装置",
                                    "采用Kestrelon芯片的无线振动监测装置，用于风机轴承。");
  ASSERT_TRUE(index_->Upsert(named).ok());
  ASSERT_TRUE(index_->Commit().ok());
  auto found = [&](MatchOptions o) {
    o.min_relevance = 0;
    o.widen_when_few = false;
    // As in an index of 50 documents or more: the English words no listing has are dropped,
    // so the source is matched through its translations (none of them frequent here).
    o.query.min_docs_for_share = 0;
    o.query.max_term_share = 1;
    auto hits = Matcher(index_.get(), translator.get(), o)
                    .Match(source, {ListingKind::kAchievement, 10, 0});
    EXPECT_TRUE(hits.ok());
    std::vector<int64_t> ids;
    if (hits.ok()) {
      for (const MatchHit& h : hits->hits) ids.push_back(h.id);
    }
    return std::find(ids.begin(), ids.end(), 40) != ids.end();
  };
  EXPECT_TRUE(found(MatchOptions{}));  // the whole text of the listing is queried
  MatchOptions heaviest;               // the 12 heaviest terms only
  heaviest.foreign_whole_text = false;
  EXPECT_FALSE(found(heaviest));
}

TEST_F(MatcherTest, SourceWithoutTermsHasNoMatches) {
  Matcher matcher(index_.get());
  auto hits = matcher.Match(MakeListing(99, ListingKind::kDemand, "……", "！！"),
                            {ListingKind::kAchievement, 10, 0});
  ASSERT_TRUE(hits.ok());
  EXPECT_TRUE(hits->hits.empty());
}

TEST_F(MatcherTest, MembersOnlyDetailsOfCandidatesCountForMembersOnly) {
  // An achievement whose public part says little; its hidden details are about the demand.
  Listing hidden = MakeListing(40, ListingKind::kAchievement, "一种检测装置",
                               std::string(130, 'x') +
                                   " 汽车零部件表面缺陷自动检测与分拣：基于深度学习的视觉检测方案，"
                                   "替代人工目检，识别零件表面划痕和裂纹。",
                               {"装置"});
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
    for (const MatchHit& h : hits.ok() ? hits->hits : std::vector<MatchHit>{}) {
      if (h.id == 40) shared = h.explanation.shared_terms;
    }
    return shared;
  };
  // A visitor's explanation never shows the hidden words; a member's does.
  for (const std::string& t : shared_with(false)) {
    EXPECT_TRUE(t.find("零部件") == std::string::npos && t.find("表面缺陷") == std::string::npos &&
                t.find("汽车") == std::string::npos)
        << t;
  }
  const std::vector<std::string> member = shared_with(true);
  EXPECT_TRUE(std::any_of(member.begin(), member.end(), [](const std::string& t) {
    return t.find("零部件") != std::string::npos || t.find("汽车") != std::string::npos;
  })) << member.size();
}

// An index where 系统 is common: besides the sample listings, achievements on other subjects
// that share only that word with a machine-vision demand.
class MatcherThresholdTest : public MatcherTest {
 protected:
  void SetUp() override {
    MatcherTest::SetUp();
    const char* others[] = {"智能灌溉控制系统", "城市供水调度系统", "仓储物流管理系统",
                            "电力负荷预测系统", "医院门诊预约系统", "农机作业监测系统"};
    int64_t id = 50;
    for (const char* title : others) {
      ASSERT_TRUE(index_
                      ->Upsert(MakeListing(id++, ListingKind::kAchievement, title,
                                           std::string(title) + "，提高效率，降低成本。", {"系统"}))
                      .ok());
    }
    ASSERT_TRUE(index_->Commit().ok());
    demand_ = MakeListing(60, ListingKind::kDemand, "零件表面缺陷机器视觉检测系统",
                          "需要一套机器视觉系统，自动检测金属零件表面缺陷，替代人工目检。",
                          {"机器视觉", "缺陷检测", "系统"}, "工学", "计算机科学与技术", "440100");
  }
  static bool Lists(const MatchResult& r, int64_t id) {
    return std::any_of(r.hits.begin(), r.hits.end(), [&](const MatchHit& h) { return h.id == id; });
  }
};

TEST_F(MatcherThresholdTest, ACandidateSharingOneCommonWordIsDroppedAGoodOneKept) {
  MatchOptions everything;
  everything.min_relevance = 0;
  auto all =
      Matcher(index_.get(), nullptr, everything).Match(demand_, {ListingKind::kAchievement, 10, 0});
  ASSERT_TRUE(all.ok()) << all.status().message();
  // Without a threshold the noise is listed: an irrigation system shares only 系统.
  ASSERT_TRUE(Lists(*all, 50));
  EXPECT_EQ(all->below_threshold, 0u);

  auto shown = Matcher(index_.get()).Match(demand_, {ListingKind::kAchievement, 10, 0});
  ASSERT_TRUE(shown.ok()) << shown.status().message();
  ASSERT_FALSE(shown->hits.empty());
  EXPECT_EQ(shown->hits.front().id, 1);  // the machine-vision defect detection achievement
  EXPECT_GE(shown->hits.front().relevance, kMinMatchRelevance);
  for (int64_t noise = 50; noise < 56; ++noise) EXPECT_FALSE(Lists(*shown, noise)) << noise;
  EXPECT_GE(shown->below_threshold, 6u);
  for (const MatchHit& h : shown->hits) {
    EXPECT_GE(h.relevance, kMinMatchRelevance) << h.title;
    EXPECT_FALSE(h.explanation.text_similarity.empty());
  }
}

TEST_F(MatcherThresholdTest, FewGoodMatchesAreSaidSo) {
  auto r = Matcher(index_.get()).Match(demand_, {ListingKind::kAchievement, 10, 0});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->good_total, r->hits.size());
  EXPECT_LT(r->good_total, 10u);
  EXPECT_TRUE(r->few_good_matches(10));
  EXPECT_FALSE(r->few_good_matches(r->good_total));
  EXPECT_GT(r->below_threshold, 0u);
}

TEST_F(MatcherThresholdTest, SharedTermsAreWholeKeyTerms) {
  auto r = Matcher(index_.get()).Match(demand_, {ListingKind::kAchievement, 10, 0});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_FALSE(r->hits.empty());
  const MatchHit& best = r->hits.front();
  ASSERT_EQ(best.id, 1);
  const std::vector<std::string>& shared = best.explanation.shared_terms;
  // Both listings name 机器视觉 and 缺陷检测 as keywords: named whole, first, never 机器 or 视觉.
  ASSERT_GE(shared.size(), 2u);
  EXPECT_TRUE(Has(shared, "机器视觉"));
  EXPECT_TRUE(Has(shared, "缺陷检测"));
  for (const std::string& t : shared) {
    EXPECT_TRUE(t != "机器" && t != "视觉" && t != "缺陷" && t != "检测") << t;
    EXPECT_GT(Utf8Length(t), 1u) << t;
  }
  // The fields they share, by value.
  EXPECT_EQ(best.explanation.field_values.at("discipline"), "计算机科学与技术");
  EXPECT_EQ(best.explanation.field_values.at("category"), "工学");
  EXPECT_EQ(best.explanation.field_values.at("region"), "440000");
}

}  // namespace
}  // namespace kc::search
