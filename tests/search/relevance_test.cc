#include "search/relevance.h"

#include <gtest/gtest.h>

#include "search/fixture.h"
#include "search/index.h"
#include "search/search.h"

namespace kc::search {
namespace {

TEST(RelevanceTest, RareTermsWeighMoreThanCommonOnes) {
  EXPECT_GT(Bm25Idf(1000, 1), Bm25Idf(1000, 10));
  EXPECT_GT(Bm25Idf(1000, 10), Bm25Idf(1000, 400));
  // A term in most documents keeps a small positive weight, as in Xapian's BM25.
  EXPECT_GT(Bm25Idf(1000, 900), 0);
  EXPECT_LT(Bm25Idf(1000, 900), Bm25Idf(1000, 400));
}

TEST(RelevanceTest, IsTheWeightOverTheReferenceWithinZeroAndOne) {
  EXPECT_DOUBLE_EQ(Relevance(3, 12), 0.25);
  EXPECT_DOUBLE_EQ(Relevance(30, 12), 1.0);
  EXPECT_DOUBLE_EQ(Relevance(3, 0), 0.0);
  EXPECT_STREQ(RelevanceLevel(0.9), "strong");
  EXPECT_STREQ(RelevanceLevel(kMediumRelevance), "medium");
  EXPECT_STREQ(RelevanceLevel(kMediumRelevance - 0.01), "weak");
}

TEST(RelevanceTest, ADocumentWithTheWholeQueryIsNearOneAndOneWithACommonWordLow) {
  testing::TempDir dir;
  auto index = SearchIndex::Open(dir.path());
  ASSERT_TRUE(index.ok());
  // Every listing says 系统; one is about machine vision and defect detection as well.
  using testing::MakeListing;
  ASSERT_TRUE((*index)
                  ->Upsert(MakeListing(1, ListingKind::kAchievement, "机器视觉缺陷检测系统",
                                       "机器视觉缺陷检测系统。"))
                  .ok());
  const char* others[] = {"智能灌溉控制系统", "城市供水调度系统", "仓储物流管理系统",
                          "电力负荷预测系统", "医院门诊预约系统", "农机作业监测系统"};
  int64_t id = 2;
  for (const char* title : others) {
    ASSERT_TRUE(
        (*index)
            ->Upsert(MakeListing(id++, ListingKind::kAchievement, title, std::string(title) + "。"))
            .ok());
  }
  ASSERT_TRUE((*index)->Commit().ok());
  Searcher searcher(index->get());
  auto r = searcher.Search({.q = "机器视觉 缺陷检测 系统"});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->hits.size(), 7u);
  EXPECT_EQ(r->hits[0].id, 1);
  EXPECT_GT(r->hits[0].relevance, 0.6);
  for (size_t i = 1; i < r->hits.size(); ++i) {
    EXPECT_LT(r->hits[i].relevance, 0.1) << r->hits[i].title;
  }
}

}  // namespace
}  // namespace kc::search
