#include "search/search.h"

#include <gtest/gtest.h>

#include <fstream>

#include "search/fixture.h"
#include "search/planted_listings.h"
#include "search/rank_training_data.h"

namespace kc::search {
namespace {

class SearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto index = SearchIndex::Open(dir_.path());
    ASSERT_TRUE(index.ok());
    index_ = std::move(*index);
    for (const Listing& l : testing::SampleListings()) ASSERT_TRUE(index_->Upsert(l).ok());
    ASSERT_TRUE(index_->Commit().ok());
  }

  SearchResult Find(SearchRequest r, const Translator* translator = nullptr) {
    Searcher searcher(index_.get(), translator);
    auto result = searcher.Search(r);
    EXPECT_TRUE(result.ok()) << result.status().message();
    return result.ok() ? *result : SearchResult();
  }
  static std::vector<int64_t> Ids(const SearchResult& r) {
    std::vector<int64_t> ids;
    for (const auto& h : r.hits) ids.push_back(h.id);
    return ids;
  }

  testing::TempDir dir_;
  std::unique_ptr<SearchIndex> index_;
};

TEST_F(SearchTest, ChineseQueryFindsTheRightListingFirst) {
  const SearchResult r = Find({.q = "锂电池正极材料"});
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, 2);
  EXPECT_EQ(r.hits[0].ref, "R-2");
  EXPECT_EQ(r.hits[0].kind, ListingKind::kAchievement);
  EXPECT_EQ(r.hits[0].title, "高镍三元锂离子电池正极材料制备技术");
  EXPECT_GT(r.hits[0].score, 0);
  EXPECT_EQ(Find({.q = "污泥干化设备"}).hits.at(0).id, 3);
}

TEST_F(SearchTest, TraditionalQueryFindsSimplifiedText) {
  const SearchResult r = Find({.q = "捲積神經網絡 缺陷檢測"});
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, 1);
}

TEST_F(SearchTest, EnglishAndMixedQueries) {
  EXPECT_EQ(Find({.q = "flight controllers"}).hits.at(0).id, 5);
  EXPECT_EQ(Find({.q = "unmanned aircraft 控制"}).hits.at(0).id, 5);
}

TEST_F(SearchTest, FiltersByKindCategoryDisciplineRegion) {
  EXPECT_EQ(Ids(Find({.q = "缺陷检测", .kind = ListingKind::kDemand})), std::vector<int64_t>{4});
  EXPECT_EQ(Ids(Find({.q = "缺陷检测", .kind = ListingKind::kAchievement})),
            std::vector<int64_t>{1});
  EXPECT_TRUE(Find({.q = "缺陷检测", .discipline = "材料科学与工程"}).hits.empty());
  // Province, city and county codes, and a province given by its two digits.
  EXPECT_EQ(Find({.q = "检测 污泥 电池", .region = "440000"}).total, 3u);
  EXPECT_EQ(Find({.q = "检测 污泥 电池", .region = "44"}).total, 3u);
  EXPECT_EQ(Ids(Find({.q = "检测 污泥 电池", .region = "440100"})), std::vector<int64_t>{3});
  EXPECT_EQ(Ids(Find({.q = "检测 污泥 电池", .region = "320100"})), std::vector<int64_t>{2});
}

TEST_F(SearchTest, FacetsAddUp) {
  const SearchResult r = Find({.q = "检测 污泥 电池 control"});
  uint64_t kinds = 0;
  for (const auto& f : r.facets.kind) kinds += f.count;
  EXPECT_EQ(kinds, r.total);
  EXPECT_EQ(r.total, 5u);
  ASSERT_FALSE(r.facets.region.empty());
  EXPECT_EQ(r.facets.region[0].value, "440000");
  EXPECT_EQ(r.facets.region[0].count, 3u);
  ASSERT_EQ(r.facets.category.size(), 1u);
  EXPECT_EQ(r.facets.category[0].count, 5u);
  uint64_t disciplines = 0;
  for (const auto& f : r.facets.discipline) disciplines += f.count;
  EXPECT_EQ(disciplines, 5u);
}

TEST_F(SearchTest, Pagination) {
  const SearchResult all = Find({.q = "检测 污泥 电池 control", .limit = 10});
  ASSERT_EQ(all.hits.size(), 5u);
  const SearchResult page = Find({.q = "检测 污泥 电池 control", .offset = 2, .limit = 2});
  EXPECT_EQ(page.total, 5u);
  ASSERT_EQ(page.hits.size(), 2u);
  EXPECT_EQ(page.hits[0].id, all.hits[2].id);
  EXPECT_TRUE(Find({.q = "检测 污泥 电池 control", .offset = 50}).hits.empty());
  Searcher searcher(index_.get());
  EXPECT_EQ(searcher.Search({.q = "检测", .offset = kMaxOffset + 1}).status().kind(),
            ErrorKind::kBadInput);
}

TEST_F(SearchTest, QueriesWithoutTermsFindNothing) {
  for (const char* q : {"", "   ", "，。！？", "😀🚀🔥", "的了和"}) {
    const SearchResult r = Find({.q = q});
    EXPECT_EQ(r.total, 0u) << q;
    EXPECT_TRUE(r.hits.empty());
  }
  std::string longq;
  for (int i = 0; i < 100; ++i) longq += "神经网络缺陷检测";
  EXPECT_FALSE(Find({.q = longq}).hits.empty());
}

TEST_F(SearchTest, SnippetsAreHighlightedAndEscaped) {
  const SearchResult r = Find({.q = "overshoot"});
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_NE(r.hits[0].snippet.find("&lt;5% <mark>overshoot</mark> &amp; fast"), std::string::npos)
      << r.hits[0].snippet;
  const SearchResult zh = Find({.q = "污泥脱水"});
  ASSERT_FALSE(zh.hits.empty());
  EXPECT_NE(zh.hits[0].snippet.find("<mark>污泥</mark>"), std::string::npos) << zh.hits[0].snippet;
}

TEST_F(SearchTest, VisitorsSeeOnlyTheSummaryOfMembersOnlyListings) {
  Listing l = testing::MakeListing(20, ListingKind::kDemand, "石墨烯散热膜量产工艺",
                                   std::string(130, 'x') + " 保密细节：石墨烯浆料配方", {"石墨烯"});
  l.visibility = Visibility::kMembers;
  ASSERT_TRUE(index_->Upsert(l).ok());
  ASSERT_TRUE(index_->Commit().ok());
  const SearchResult visitor = Find({.q = "石墨烯浆料配方"});
  ASSERT_FALSE(visitor.hits.empty());
  ASSERT_EQ(visitor.hits[0].id, 20);
  EXPECT_EQ(visitor.hits[0].snippet.find("配方"), std::string::npos) << visitor.hits[0].snippet;
  const SearchResult member = Find({.q = "石墨烯浆料配方", .member = true});
  ASSERT_EQ(member.hits.at(0).id, 20);
  EXPECT_NE(member.hits[0].snippet.find("配方"), std::string::npos) << member.hits[0].snippet;
}

TEST_F(SearchTest, EnglishQueryFindsChineseListingThroughTheDictionary) {
  const std::string path = dir_.Sub("cedict.tsv");
  std::ofstream(path) << "traditional\tsimplified\tpinyin\tdefinitions\tclassifiers\n"
                         "污泥\t污泥\twu1 ni2\tsludge / mud\t\n"
                         "脫水\t脱水\ttuo1 shui3\tto dehydrate / dehydration\t\n"
                         "正極\t正极\tzheng4 ji2\tpositive electrode\t\n";
  auto translator = Translator::Load(path);
  ASSERT_TRUE(translator.ok());
  EXPECT_TRUE(Find({.q = "sludge dehydration"}).hits.empty());  // no dictionary, no hit
  const SearchResult r = Find({.q = "sludge dehydration"}, translator->get());
  ASSERT_FALSE(r.hits.empty());
  EXPECT_EQ(r.hits[0].id, 3);
  EXPECT_NE(r.hits[0].snippet.find("<mark>污泥</mark>"), std::string::npos);
  // And the reverse: a Chinese query finds the English listing (glossary: 飞行器 ↔ aircraft).
  const SearchResult zh = Find({.q = "飞行器"}, translator->get());
  ASSERT_FALSE(zh.hits.empty());
  EXPECT_EQ(zh.hits[0].id, 5);
}

TEST_F(SearchTest, ClosedListingIsGone) {
  ASSERT_FALSE(Find({.q = "污泥"}).hits.empty());
  ASSERT_TRUE(index_->Remove(3).ok());
  ASSERT_TRUE(index_->Commit().ok());
  EXPECT_TRUE(Find({.q = "污泥"}).hits.empty());
}

TEST_F(SearchTest, OnlyMembersFindAListingByItsMembersOnlyText) {
  Listing l = testing::MakeListing(21, ListingKind::kDemand, "散热膜量产工艺",
                                   std::string(130, 'x') + " 保密细节：浆料配方", {"散热"});
  l.visibility = Visibility::kMembers;
  ASSERT_TRUE(index_->Upsert(l).ok());
  ASSERT_TRUE(index_->Commit().ok());
  // Words of the hidden details only: a visitor does not find the listing (other listings
  // share characters such as 料), a member finds it first.
  for (int64_t id : Ids(Find({.q = "浆料配方"}))) EXPECT_NE(id, 21);
  const SearchResult member = Find({.q = "浆料配方", .member = true});
  ASSERT_FALSE(member.hits.empty());
  EXPECT_EQ(member.hits[0].id, 21);
  // Its public title finds it for everyone.
  EXPECT_EQ(Ids(Find({.q = "散热膜量产"})).front(), 21);
}

TEST_F(SearchTest, HitsWithOnlyACommonWordOfTheQueryAreWeakAndComeLast) {
  // 系统 is in most listings; only listing 1 has the query's other words.
  const char* others[] = {"智能灌溉控制系统", "城市供水调度系统", "仓储物流管理系统",
                          "电力负荷预测系统", "医院门诊预约系统", "农机作业监测系统"};
  int64_t id = 50;
  for (const char* title : others) {
    ASSERT_TRUE(index_
                    ->Upsert(testing::MakeListing(id++, ListingKind::kAchievement, title,
                                                  std::string(title) + "。"))
                    .ok());
  }
  ASSERT_TRUE(index_->Commit().ok());
  const SearchResult r = Find({.q = "机器视觉 缺陷检测 系统", .limit = 20});
  ASSERT_GE(r.hits.size(), 7u);
  EXPECT_EQ(r.hits[0].id, 1);
  EXPECT_FALSE(r.hits[0].weak);
  size_t good = 0;
  bool weak_seen = false;
  for (const SearchHit& h : r.hits) {
    if (h.id >= 50) {
      EXPECT_TRUE(h.weak) << h.title;
    }
    EXPECT_EQ(h.weak, h.relevance < kMinSearchRelevance) << h.title;
    if (!h.weak) {
      EXPECT_FALSE(weak_seen) << "a good hit after a weak one: " << h.title;
      ++good;
    }
    weak_seen = weak_seen || h.weak;
  }
  EXPECT_EQ(r.good_total, good);
  EXPECT_EQ(r.total, r.hits.size());

  // Without a threshold nothing is weak and every match counts as good.
  Searcher plain(index_.get(), nullptr, {}, {.weak_below = 0});
  auto p = plain.Search({.q = "机器视觉 缺陷检测 系统", .limit = 20});
  ASSERT_TRUE(p.ok());
  for (const SearchHit& h : p->hits) EXPECT_FALSE(h.weak);
  EXPECT_EQ(p->good_total, p->total);
}

// Listings whose title queries the first stage ranks below a decoy (planted_listings.h),
// indexed without their titles, searched with a model trained on other such listings.
class RerankedSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto index = SearchIndex::Open(dir_.Sub("index"));
    ASSERT_TRUE(index.ok());
    index_ = std::move(*index);
    held_out_ = testing::PlantedListings(30, 99);
    for (const Listing& l : held_out_) ASSERT_TRUE(index_->Upsert(WithoutQueryText(l)).ok());
    ASSERT_TRUE(index_->Commit().ok());
    source_ = std::make_unique<RankerSource>(dir_.Sub("no-such-file.json"),
                                             testing::PlantedModel(dir_.Sub("training")));
    ASSERT_NE(source_->Current(), nullptr);
  }

  // The share of the subjects' title queries that find their subject first.
  double FirstShare(const Searcher& searcher) {
    size_t first = 0, subjects = 0;
    for (const Listing& l : held_out_) {
      if (l.keywords.empty()) continue;  // a decoy
      ++subjects;
      auto r = searcher.Search({.q = l.title});
      EXPECT_TRUE(r.ok());
      if (r.ok() && !r->hits.empty() && r->hits[0].id == l.id) ++first;
    }
    return static_cast<double>(first) / static_cast<double>(subjects);
  }

  testing::TempDir dir_;
  std::unique_ptr<SearchIndex> index_;
  std::vector<Listing> held_out_;
  std::unique_ptr<RankerSource> source_;
};

TEST_F(RerankedSearchTest, TheModelPutsThePlantedListingsFirst) {
  const Searcher plain(index_.get());
  const Searcher reranked(index_.get(), nullptr, {}, {}, {.source = source_.get()});
  EXPECT_LT(FirstShare(plain), 0.5);
  EXPECT_GE(FirstShare(reranked), 0.9);
}

TEST_F(RerankedSearchTest, PagesOfAReRankedQueryNeitherRepeatNorSkipAHit) {
  const Searcher reranked(index_.get(), nullptr, {}, {}, {.source = source_.get(), .depth = 5});
  const std::string q = held_out_.front().title;
  auto whole = reranked.Search({.q = q, .limit = 12});
  ASSERT_TRUE(whole.ok());
  ASSERT_GE(whole->hits.size(), 9u);
  std::vector<int64_t> paged;
  for (size_t offset = 0; offset < 9; offset += 3) {
    auto page = reranked.Search({.q = q, .offset = offset, .limit = 3});
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->total, whole->total);
    for (const SearchHit& h : page->hits) paged.push_back(h.id);
  }
  std::vector<int64_t> expected;
  for (size_t i = 0; i < 9; ++i) expected.push_back(whole->hits[i].id);
  EXPECT_EQ(paged, expected);
}

}  // namespace
}  // namespace kc::search
