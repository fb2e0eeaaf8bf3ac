#include "service/search_service.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "search/matcher.h"
#include "search/search.h"
#include "service/indexed_fixture.h"

namespace kc {
namespace {

using testing::AchievementDraft;
using testing::DemandDraft;
using ::testing::HasSubstr;
using ::testing::Not;

class SearchServiceTest : public testing::IndexedServiceTest {
 protected:
  SearchServiceTest()
      : searcher_(index_.get(), translator_.get()),
        matcher_(index_.get(), translator_.get()),
        service_(store(), searcher_, matcher_, clock_) {}

  search::SearchHit OnlyHit(const Actor& actor, search::SearchRequest request) {
    auto r = service_.Search(actor, std::move(request));
    EXPECT_TRUE(r.ok()) << r.status().message();
    if (!r.ok() || r->hits.size() != 1) {
      ADD_FAILURE() << "expected exactly one hit";
      return {};
    }
    return r->hits[0];
  }

  search::Searcher searcher_;
  search::Matcher matcher_;
  SearchService service_;
};

// A members-only demand whose distinctive words come only after the public summary's first
// 120 characters.
Listing MembersOnlyDemand() {
  Listing l = DemandDraft("化工园区危险废物转运管理");
  std::string body;
  while (body.size() < 3 * 130) body += "我们希望改进园区内部的物流调度与安全管理。";
  body += "关键难点是钙钛矿催化剂废料的无害化处置。";
  l.body = body;
  l.keywords = {"危险废物", "园区管理"};
  l.visibility = Visibility::kMembers;
  return l;
}

TEST_F(SearchServiceTest, VisitorsGetOnlyTheSummaryOfMembersOnlyListings) {
  const Listing l = Publish(a_member_, MembersOnlyDemand());

  const search::SearchHit member = OnlyHit(Actor::Of(b_member_), {.q = "钙钛矿催化剂"});
  EXPECT_EQ(member.id, l.id);
  EXPECT_THAT(member.snippet, HasSubstr("钛"));

  const search::SearchHit visitor = OnlyHit(Actor::Visitor(), {.q = "钙钛矿催化剂"});
  EXPECT_EQ(visitor.id, l.id);
  EXPECT_THAT(visitor.snippet, Not(HasSubstr("钛")));
  EXPECT_THAT(visitor.snippet, HasSubstr("物流调度"));
}

TEST_F(SearchServiceTest, TheMemberFlagComesFromTheActorNotTheRequest) {
  Publish(a_member_, MembersOnlyDemand());

  // A visitor cannot claim to be a member ...
  const search::SearchHit visitor =
      OnlyHit(Actor::Visitor(), {.q = "钙钛矿催化剂", .member = true});
  EXPECT_THAT(visitor.snippet, Not(HasSubstr("钛")));
  // ... and a signed-in member is one whatever the request says.
  const search::SearchHit member =
      OnlyHit(Actor::Of(b_member_), {.q = "钙钛矿催化剂", .member = false});
  EXPECT_THAT(member.snippet, HasSubstr("钛"));
}

TEST_F(SearchServiceTest, PublicListingsShowTheirTextToVisitors) {
  Listing draft = MembersOnlyDemand();
  draft.visibility = Visibility::kPublic;
  Publish(a_member_, draft);
  EXPECT_THAT(OnlyHit(Actor::Visitor(), {.q = "钙钛矿催化剂"}).snippet, HasSubstr("钛"));
}

TEST_F(SearchServiceTest, SearchFindsPublishedListingsOnly) {
  Publish(a_member_, DemandDraft("盾构机刀盘磨损在线监测"));
  MustCreate(a_member_, DemandDraft("盾构隧道管片裂缝识别"));
  ASSERT_TRUE(indexer_.CatchUp().ok());
  auto r = service_.Search(Actor::Of(a_member_), {.q = "盾构"});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->hits[0].title, "盾构机刀盘磨损在线监测");
}

TEST_F(SearchServiceTest, MatchesOfADraftAreHiddenFromOutsiders) {
  const Listing draft = MustCreate(a_member_, DemandDraft("锂电池极片毛刺视觉检测"));
  Publish(b_member_, AchievementDraft("锂电池极片表面缺陷机器视觉检测装置"));

  // Reviewers count as outsiders until the draft is submitted to them.
  for (const Actor& outsider : {Actor::Visitor(), Actor::Of(b_member_), Actor::Of(reviewer_)}) {
    auto r =
        service_.Matches(outsider, ListingKind::kDemand, draft.id, ListingKind::kAchievement, 10);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().kind(), ErrorKind::kNotFound);
  }
  // Its own organisation may match it.
  EXPECT_TRUE(service_
                  .Matches(Actor::Of(a_member_), ListingKind::kDemand, draft.id,
                           ListingKind::kAchievement, 10)
                  .ok());
}

TEST_F(SearchServiceTest, MatchesOfAMissingOrWrongKindSourceAreNotFound) {
  const Listing achievement = Publish(b_member_, AchievementDraft("风电机组轴承早期故障诊断"));

  auto missing = service_.Matches(Actor::Of(admin_), ListingKind::kDemand, 987654,
                                  ListingKind::kAchievement, 10);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().kind(), ErrorKind::kNotFound);

  // An achievement's id asked for as a demand.
  auto wrong_kind = service_.Matches(Actor::Of(admin_), ListingKind::kDemand, achievement.id,
                                     ListingKind::kAchievement, 10);
  ASSERT_FALSE(wrong_kind.ok());
  EXPECT_EQ(wrong_kind.status().kind(), ErrorKind::kNotFound);
}

TEST_F(SearchServiceTest, MatchingAKindWithItselfIsABadRequest) {
  const Listing demand = Publish(a_member_, DemandDraft("锂电池极片缺陷在线检测"));
  const Listing achievement = Publish(b_member_, AchievementDraft("风电机组轴承早期故障诊断"));

  auto dd = service_.Matches(Actor::Of(a_member_), ListingKind::kDemand, demand.id,
                             ListingKind::kDemand, 10);
  ASSERT_FALSE(dd.ok());
  EXPECT_EQ(dd.status().kind(), ErrorKind::kBadInput);

  auto aa = service_.Matches(Actor::Visitor(), ListingKind::kAchievement, achievement.id,
                             ListingKind::kAchievement, 10);
  ASSERT_FALSE(aa.ok());
  EXPECT_EQ(aa.status().kind(), ErrorKind::kBadInput);
}

TEST_F(SearchServiceTest, MatchesRankARelevantAchievementAboveAnUnrelatedOne) {
  Listing demand_draft = DemandDraft("锂电池极片表面缺陷在线视觉检测");
  demand_draft.body =
      "我公司生产动力锂电池，需要在涂布和辊压工序对极片表面的划痕、漏箔、气泡等缺陷进行在线"
      "视觉检测，检出率不低于99%，并能与产线控制系统联动剔除不良品。";
  demand_draft.keywords = {"锂电池", "极片", "缺陷检测", "机器视觉"};
  const Listing demand = Publish(a_member_, demand_draft);

  Listing relevant_draft = AchievementDraft("锂电池极片缺陷机器视觉在线检测系统");
  relevant_draft.body =
      "本成果采用线阵相机与深度学习算法，对锂电池极片涂布和辊压后的表面缺陷进行实时在线检测，"
      "可识别划痕、漏箔、气泡、褶皱等十余类缺陷，检出率达99.5%。";
  relevant_draft.keywords = {"锂电池", "极片", "机器视觉", "缺陷检测"};
  relevant_draft.discipline = "计算机科学与技术";
  const Listing relevant = Publish(b_member_, relevant_draft);

  Listing unrelated_draft = AchievementDraft("茶叶低温揉捻与发酵工艺");
  unrelated_draft.body =
      "本成果提出一种红茶低温揉捻与控温发酵的加工工艺，提高茶黄素含量，改善茶汤色泽与口感，"
      "已在茶叶合作社推广应用。";
  unrelated_draft.keywords = {"茶叶加工", "发酵工艺"};
  unrelated_draft.discipline = "食品科学与工程";
  const Listing unrelated = Publish(b_member_, unrelated_draft);

  auto r = service_.Matches(Actor::Visitor(), ListingKind::kDemand, demand.id,
                            ListingKind::kAchievement, 10);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_FALSE(r->hits.empty());
  EXPECT_EQ(r->hits[0].id, relevant.id);
  EXPECT_EQ(r->hits[0].kind, ListingKind::kAchievement);
  EXPECT_GT(r->hits[0].score, 0);
  for (size_t i = 1; i < r->hits.size(); ++i) {
    EXPECT_NE(r->hits[i].id, demand.id) << "a listing is never its own match";
    if (r->hits[i].id == unrelated.id) {
      EXPECT_LT(r->hits[i].score, r->hits[0].score);
    }
  }
  // Only achievements were asked for.
  for (const auto& hit : r->hits) EXPECT_EQ(hit.kind, ListingKind::kAchievement);

  // The limit is respected.
  auto one = service_.Matches(Actor::Visitor(), ListingKind::kDemand, demand.id,
                              ListingKind::kAchievement, 1);
  ASSERT_TRUE(one.ok()) << one.status().message();
  ASSERT_EQ(one->hits.size(), 1u);
  EXPECT_EQ(one->hits[0].id, relevant.id);
}

TEST_F(SearchServiceTest, VisitorsCannotFindOrMatchByMembersOnlyDetails) {
  const Listing l = Publish(a_member_, MembersOnlyDemand());
  // A word of the details only (past the summary): found by members, not by visitors.
  auto visitor = service_.Search(Actor::Visitor(), {.q = "钙钛矿"});
  ASSERT_TRUE(visitor.ok());
  EXPECT_TRUE(visitor->hits.empty());
  EXPECT_EQ(OnlyHit(Actor::Of(b_member_), {.q = "钙钛矿"}).id, l.id);

  // An achievement about the details: a visitor's matches of the demand come from its summary
  // and never name the hidden words; a member's find the achievement by them.
  Listing about = AchievementDraft("化工园区危险废物转运管理与钙钛矿催化剂废料无害化处置技术");
  about.body = "改进园区内部的物流调度与安全管理，钙钛矿催化剂废料的无害化处置。";
  about.keywords = {"危险废物", "园区管理"};
  const Listing a = Publish(b_member_, about);
  auto shared = [&](const Actor& actor) {
    auto hits = service_.Matches(actor, ListingKind::kDemand, l.id, ListingKind::kAchievement, 10);
    EXPECT_TRUE(hits.ok()) << hits.status().message();
    std::vector<std::string> terms;
    for (const auto& h : hits.ok() ? hits->hits : std::vector<search::MatchHit>{}) {
      if (h.id == a.id) terms = h.explanation.shared_terms;
    }
    return terms;
  };
  for (const std::string& t : shared(Actor::Visitor())) {
    EXPECT_EQ(t.find("钙钛矿"), std::string::npos) << t;
    EXPECT_EQ(t.find("无害化"), std::string::npos) << t;
  }
  const std::vector<std::string> member = shared(Actor::Of(b_member_));
  // Whole key terms are named (钙钛矿催化剂 rather than a fragment of it).
  EXPECT_TRUE(std::any_of(member.begin(), member.end(),
                          [](const std::string& t) { return t.find("钙钛矿") != std::string::npos; }))
      << member.size();
}

}  // namespace
}  // namespace kc
