#include "search/percolate.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "search/fixture.h"
#include "search/index.h"
#include "search/translate.h"

namespace kc::search {
namespace {

class PercolateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto index = SearchIndex::Open(dir_.path());
    ASSERT_TRUE(index.ok()) << index.status().message();
    index_ = std::move(*index);
    for (const Listing& l : testing::SampleListings()) ASSERT_TRUE(index_->Upsert(l).ok());
    ASSERT_TRUE(index_->Commit().ok());
  }

  // Whether listing `id` answers `request`; fails the test on an error.
  bool Matches(const SearchRequest& request, int64_t id, double min_share = 0.5) {
    auto r = ListingMatches(*index_, translator_.get(), request, id, min_share);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() && *r;
  }

  testing::TempDir dir_;
  std::unique_ptr<SearchIndex> index_;
  std::unique_ptr<Translator> translator_ = Translator::GlossaryOnly();
};

// Sample listings (fixture.h): 1 achievement, defect detection with CNNs (440305); 2
// achievement, nickel-rich cathode material (320100); 3 demand, sludge drying (440106); 4
// demand, car part surface defects (440300); 5 achievement, flight controller (110108).

TEST_F(PercolateTest, ListingAboutTheSubjectMatches) {
  EXPECT_TRUE(Matches({.q = "锂离子电池正极材料"}, 2));
  EXPECT_TRUE(Matches({.q = "污泥脱水 干化设备"}, 3));
  EXPECT_TRUE(Matches({.q = "零件表面缺陷检测"}, 4));
  EXPECT_TRUE(Matches({.q = "flight controller"}, 5));
}

TEST_F(PercolateTest, ListingAboutSomethingElseDoesNotMatch) {
  EXPECT_FALSE(Matches({.q = "锂离子电池正极材料"}, 3));
  EXPECT_FALSE(Matches({.q = "锂离子电池正极材料"}, 5));
  EXPECT_FALSE(Matches({.q = "污泥脱水 干化设备"}, 2));
  EXPECT_FALSE(Matches({.q = "flight controller"}, 1));
}

TEST_F(PercolateTest, OneSharedWordIsNotEnough) {
  // Listing 2 has 电池 (battery) but nothing about recycling or grid storage.
  const SearchRequest q{.q = "废旧电池回收 梯次利用 储能电站"};
  EXPECT_FALSE(Matches(q, 2));
  // It is a candidate all the same: it shares some weight with the query.
  EXPECT_TRUE(Matches(q, 2, 0.01));
}

TEST_F(PercolateTest, MinShareIsAThresholdOnTheMatchedWeight) {
  // Half of this query is about listing 2's subject, half about listing 3's.
  const SearchRequest half{.q = "正极材料 污泥脱水"};
  EXPECT_TRUE(Matches(half, 2, 0.2));
  EXPECT_FALSE(Matches(half, 2, 0.8));
  EXPECT_TRUE(Matches(half, 3, 0.2));
  EXPECT_FALSE(Matches(half, 3, 0.8));

  // A query all of whose terms are in the listing matches at any threshold up to 1 ...
  const SearchRequest all{.q = "正极材料"};
  EXPECT_TRUE(Matches(all, 2, 1.0));
  // ... and no threshold makes an unrelated listing match.
  EXPECT_FALSE(Matches(all, 5, 0.0));
}

TEST_F(PercolateTest, KindFilterIsRespected) {
  EXPECT_TRUE(Matches({.q = "表面缺陷检测", .kind = ListingKind::kDemand}, 4));
  EXPECT_FALSE(Matches({.q = "表面缺陷检测", .kind = ListingKind::kAchievement}, 4));
  EXPECT_TRUE(Matches({.q = "表面缺陷检测", .kind = ListingKind::kAchievement}, 1));
  EXPECT_FALSE(Matches({.q = "表面缺陷检测", .kind = ListingKind::kDemand}, 1));
}

TEST_F(PercolateTest, CategoryAndDisciplineFiltersAreRespected) {
  EXPECT_TRUE(Matches({.q = "锂离子电池正极材料", .category = "工学"}, 2));
  EXPECT_FALSE(Matches({.q = "锂离子电池正极材料", .category = "理学"}, 2));
  EXPECT_TRUE(Matches({.q = "锂离子电池正极材料", .discipline = "材料科学与工程"}, 2));
  EXPECT_FALSE(Matches({.q = "锂离子电池正极材料", .discipline = "计算机科学与技术"}, 2));
}

TEST_F(PercolateTest, RegionFilterTakesACodeAtAnyLevel) {
  const std::string q = "表面缺陷检测";
  // Listing 1 is in 440305 (Nanshan, Shenzhen), listing 4 in 440300 (Shenzhen).
  for (const std::string region : {"44", "440000", "4403", "440300"}) {
    EXPECT_TRUE(Matches({.q = q, .region = region}, 1)) << region;
    EXPECT_TRUE(Matches({.q = q, .region = region}, 4)) << region;
  }
  EXPECT_TRUE(Matches({.q = q, .region = "440305"}, 1));
  EXPECT_FALSE(Matches({.q = q, .region = "440305"}, 4));
  for (const std::string region : {"32", "320000", "4401", "440100"}) {
    EXPECT_FALSE(Matches({.q = q, .region = region}, 1)) << region;
    EXPECT_FALSE(Matches({.q = q, .region = region}, 4)) << region;
  }
}

TEST_F(PercolateTest, ListingsNotInTheIndexNeverMatch) {
  const SearchRequest q{.q = "锂离子电池正极材料"};
  EXPECT_FALSE(Matches(q, 999));
  EXPECT_FALSE(Matches(q, 0));
  EXPECT_FALSE(Matches(q, -2));
  EXPECT_FALSE(Matches(q, int64_t{1} << 33));

  // Removed, and committed: gone. A change not yet committed is not seen.
  ASSERT_TRUE(index_->Remove(2).ok());
  EXPECT_TRUE(Matches(q, 2));
  ASSERT_TRUE(index_->Commit().ok());
  EXPECT_FALSE(Matches(q, 2));

  Listing again = testing::SampleListings()[1];
  again.id = 77;
  ASSERT_TRUE(index_->Upsert(again).ok());
  EXPECT_FALSE(Matches(q, 77));
  ASSERT_TRUE(index_->Commit().ok());
  EXPECT_TRUE(Matches(q, 77));
}

TEST_F(PercolateTest, AQueryWithoutTermsMatchesNothing) {
  EXPECT_FALSE(Matches({.q = ""}, 2, 0.0));
  EXPECT_FALSE(Matches({.q = "，。！"}, 2, 0.0));
}

TEST_F(PercolateTest, WorksWithoutATranslator) {
  auto yes = ListingMatches(*index_, nullptr, {.q = "锂离子电池正极材料"}, 2);
  ASSERT_TRUE(yes.ok()) << yes.status().message();
  EXPECT_TRUE(*yes);
  auto no = ListingMatches(*index_, nullptr, {.q = "锂离子电池正极材料"}, 3);
  ASSERT_TRUE(no.ok()) << no.status().message();
  EXPECT_FALSE(*no);
}

TEST_F(PercolateTest, MembersOnlyTextAlertsMembersOnly) {
  Listing l = testing::MakeListing(50, ListingKind::kDemand, "一项合作需求",
                                   std::string(130, 'x') + " 钙钛矿太阳能电池封装工艺");
  l.visibility = Visibility::kMembers;
  ASSERT_TRUE(index_->Upsert(l).ok());
  ASSERT_TRUE(index_->Commit().ok());
  EXPECT_FALSE(Matches({.q = "钙钛矿电池封装"}, 50));
  EXPECT_TRUE(Matches({.q = "钙钛矿电池封装", .member = true}, 50));
}

TEST_F(PercolateTest, AnEnglishSavedSearchAlertsOnAChineseListingAboutItsSubject) {
  // Listing 2 (Chinese): 高镍三元锂离子电池正极材料. The glossary translates the phrase.
  EXPECT_TRUE(Matches({.q = "lithium ion battery"}, 2));
  // Fewer than half of the query's words have a translation that the listing holds.
  EXPECT_FALSE(Matches({.q = "lithium ion battery recycling plant logistics software"}, 2));
  // A subject the listing is not about.
  EXPECT_FALSE(Matches({.q = "sludge"}, 2));
  EXPECT_TRUE(Matches({.q = "sludge"}, 3));
}

TEST_F(PercolateTest, AChineseSavedSearchAlertsOnAnEnglishListingAboutItsSubject) {
  Listing l = testing::MakeListing(60, ListingKind::kAchievement, "Sludge drying equipment",
                                   "A low-temperature belt dryer for sewage sludge.");
  ASSERT_TRUE(index_->Upsert(l).ok());
  ASSERT_TRUE(index_->Commit().ok());
  EXPECT_TRUE(Matches({.q = "污泥"}, 60));
  EXPECT_FALSE(Matches({.q = "锂离子电池"}, 60));
}

// A batch answers each saved search with exactly the listings that ListingMatches accepts one
// at a time.
TEST_F(PercolateTest, ABatchAgreesWithListingsTestedOneAtATime) {
  auto batch = PercolationBatch::Create(*index_, {5, 1, 2, 3, 4, 999, 2});
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  EXPECT_EQ((*batch)->size(), 5u) << "an id not indexed is left out, a repeated one counted once";
  const std::vector<SearchRequest> requests = {
      {.q = "锂离子电池正极材料"},     {.q = "表面缺陷检测"},
      {.q = "表面缺陷检测", .kind = ListingKind::kDemand},
      {.q = "sludge"},                 {.q = "flight controller"},
      {.q = "正极材料 污泥脱水"},      {.q = "废旧电池回收 梯次利用 储能电站"},
      {.q = ""}};
  for (const SearchRequest& r : requests) {
    auto ids = (*batch)->Matches(translator_.get(), r);
    ASSERT_TRUE(ids.ok()) << ids.status().message();
    std::vector<int64_t> one_by_one;
    for (int64_t id = 1; id <= 5; ++id) {
      if (Matches(r, id)) one_by_one.push_back(id);
    }
    EXPECT_EQ(*ids, one_by_one) << r.q;
  }
  auto surface = (*batch)->Matches(translator_.get(), {.q = "表面缺陷检测"});
  ASSERT_TRUE(surface.ok());
  EXPECT_EQ(*surface, (std::vector<int64_t>{1, 4}));
}

TEST_F(PercolateTest, APreparedSavedSearchAnswersEveryBatchAsTheRequestItself) {
  const std::vector<SearchRequest> requests = {
      {.q = "表面缺陷检测"},
      {.q = "表面缺陷检测", .kind = ListingKind::kDemand},
      {.q = "flight controller"},
      {.q = "正极材料", .region = "32"},
      {.q = ""}};
  std::vector<PreparedPercolation> prepared;
  for (const SearchRequest& r : requests) {
    auto p = PreparedPercolation::Prepare(*index_, translator_.get(), r);
    ASSERT_TRUE(p.ok()) << p.status().message();
    EXPECT_EQ(p->doc_count(), 5u);
    prepared.push_back(*p);
  }
  // Two batches, each tested with the queries prepared once before either existed.
  for (const std::vector<int64_t>& ids : {std::vector<int64_t>{1, 2, 3}, {4, 5}}) {
    auto batch = PercolationBatch::Create(*index_, ids);
    ASSERT_TRUE(batch.ok()) << batch.status().message();
    EXPECT_EQ((*batch)->index_size(), 5u);
    for (size_t i = 0; i < requests.size(); ++i) {
      auto direct = (*batch)->Matches(translator_.get(), requests[i]);
      auto from_prepared = (*batch)->Matches(prepared[i]);
      ASSERT_TRUE(direct.ok() && from_prepared.ok());
      EXPECT_EQ(*from_prepared, *direct) << requests[i].q;
    }
  }
  auto batch = PercolationBatch::Create(*index_, {1, 2, 3, 4, 5});
  ASSERT_TRUE(batch.ok());
  auto demands = (*batch)->Matches(prepared[1]);
  ASSERT_TRUE(demands.ok());
  EXPECT_EQ(*demands, (std::vector<int64_t>{4})) << "the kind filter is part of what is prepared";
}

TEST_F(PercolateTest, AnEmptyBatchAnswersNothing) {
  auto batch = PercolationBatch::Create(*index_, {});
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  auto ids = (*batch)->Matches(translator_.get(), {.q = "锂离子电池正极材料"});
  ASSERT_TRUE(ids.ok());
  EXPECT_TRUE(ids->empty());
}

}  // namespace
}  // namespace kc::search
