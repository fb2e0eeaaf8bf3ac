#include "search/rank_training_data.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "search/fixture.h"
#include "search/planted_listings.h"
#include "search/ranker.h"
#include "search/rerank.h"

namespace kc::search {
namespace {

using testing::MakeListing;
using testing::TempDir;

using testing::PlantedListings;

// The share of the held-out listings' title queries whose listing comes first.
double FirstShare(const SearchIndex& index, const Ranker* ranker,
                  const std::vector<Listing>& held_out) {
  auto reader = index.AcquireReader();
  EXPECT_TRUE(reader.ok());
  size_t first = 0, n = 0;
  for (const Listing& l : held_out) {
    if (l.keywords.empty()) continue;  // a decoy
    ++n;
    auto stage =
        RunFirstStage(**reader, nullptr, QueryOptions{}, RankingOptions{}, l.title, Filters{}, 50);
    EXPECT_TRUE(stage.ok());
    std::vector<RankCandidate> ranked = stage->candidates;
    if (ranker != nullptr) {
      auto reranked = Rerank(**reader, *ranker, std::move(*stage), 50);
      EXPECT_TRUE(reranked.ok());
      ranked = std::move(*reranked);
    }
    if (!ranked.empty() && ranked.front().stored.id == l.id) ++first;
  }
  return n == 0 ? 0 : static_cast<double>(first) / n;
}

TEST(RankTrainingDataTest, QueriesAreTitlesAndKeywords) {
  std::vector<Listing> listings = {
      MakeListing(1, ListingKind::kAchievement, "标题一", "正文", {"甲", "乙"}),
      MakeListing(2, ListingKind::kDemand, "标题二", "正文"),
      MakeListing(3, ListingKind::kExpert, "张伟", "简介", {"机器人"})};
  const auto queries = RankTrainingQueriesOf(listings);
  ASSERT_EQ(queries.size(), 4u);
  EXPECT_EQ(queries[0].text, "标题一");
  EXPECT_EQ(queries[1].text, "甲 乙");
  EXPECT_EQ(queries[1].relevant_id, 1);
  EXPECT_EQ(queries[2].text, "标题二");
  EXPECT_EQ(queries[3].text, "机器人");  // an expert's name is no query
  EXPECT_EQ(queries[3].relevant_id, 3);
}

TEST(RankTrainingDataTest, DictionaryEnglishTranslatesWordByWordAndKeepsLatinWords) {
  auto translator = Translator::GlossaryOnly();
  translator->AddPair("neural network", "神经网络");
  translator->AddPair("defect", "缺陷");
  translator->AddPair("detection", "检测");
  EXPECT_EQ(DictionaryEnglish("神经网络缺陷检测 CNN 2023", *translator),
            "neural network defect detection cnn 2023");
  // Fewer than half of the Chinese words known: nothing.
  EXPECT_EQ(DictionaryEnglish("蛏子养殖滩涂检测", *translator), "");
  // No Chinese word: nothing to translate.
  EXPECT_EQ(DictionaryEnglish("neural network", *translator), "");
}

TEST(RankTrainingDataTest, TheListingIsIndexedWithoutItsQueries) {
  const Listing l = WithoutQueryText(
      MakeListing(1, ListingKind::kAchievement, "锂电池",
                  "一二三四五六七八九十一二三四五六七八九十一二三四五六", {"储能"}));
  EXPECT_EQ(l.title, "一二三四五六七八九十一二三四五六七八九十一二三四");
  EXPECT_TRUE(l.keywords.empty());
}

TEST(RankTrainingDataTest, CollectsGradedCandidatesOfTheQueriesThatFoundTheirListing) {
  TempDir dir;
  auto index = SearchIndex::Open(dir.Sub("index"));
  ASSERT_TRUE(index.ok());
  const std::vector<Listing> listings = PlantedListings(10, 1);
  for (const Listing& l : listings) ASSERT_TRUE((*index)->Upsert(WithoutQueryText(l)).ok());
  ASSERT_TRUE((*index)->Commit().ok());
  std::vector<RankTrainingQuery> queries = RankTrainingQueriesOf(listings);
  queries.push_back({"风力发电", 1});  // finds nothing
  RankTrainingDataSummary summary;
  auto set = CollectRankTrainingSet(**index, nullptr, queries, {.candidates = 5}, &summary);
  ASSERT_TRUE(set.ok()) << set.status().message();
  EXPECT_EQ(summary.queries, queries.size());
  EXPECT_EQ(summary.kept, set->queries.size());
  EXPECT_GE(summary.kept, 15u);  // of the 20 title and keyword queries
  for (const RankerQuery& q : set->queries) {
    ASSERT_LE(q.rows.size(), 5u);
    ASSERT_EQ(q.rows.size(), q.grades.size());
    EXPECT_EQ(std::count(q.grades.begin(), q.grades.end(), 1.0f), 1);
    for (const auto& row : q.rows) EXPECT_EQ(row.size(), kRankFeatureCount);
  }
}

TEST(RankTrainingDataTest, ATrainedModelRanksTheHeldOutListingsFirst) {
  TempDir dir;
  auto ranker = Ranker::FromBuffer(testing::PlantedModel(dir.Sub("training")), "trained");
  ASSERT_TRUE(ranker.ok()) << ranker.status().message();
  EXPECT_EQ(ranker->feature_count(), kRankFeatureCount);

  // Other listings, never trained on, indexed as training indexes them.
  std::vector<Listing> held_out = PlantedListings(30, 99);
  for (Listing& l : held_out) l.id += 1000;
  auto index = SearchIndex::Open(dir.Sub("held-out"));
  ASSERT_TRUE(index.ok());
  for (const Listing& l : held_out) ASSERT_TRUE((*index)->Upsert(WithoutQueryText(l)).ok());
  ASSERT_TRUE((*index)->Commit().ok());
  const double first_stage = FirstShare(**index, nullptr, held_out);
  const double reranked = FirstShare(**index, &*ranker, held_out);
  std::printf("held-out title queries with their listing first: first stage %.3f, re-ranked %.3f\n",
              first_stage, reranked);
  EXPECT_LT(first_stage, 0.5);  // the decoys win the first stage
  EXPECT_GE(reranked, 0.9);
}

TEST(RankTrainingDataTest, NoQueryThatFindsItsListingIsAnError) {
  TempDir dir;
  std::vector<Listing> listings = {
      MakeListing(1, ListingKind::kAchievement, "风力发电", "一种材料。")};
  auto model = TrainRankerOnListings(listings, dir.Sub("training"), nullptr, {}, {});
  EXPECT_EQ(model.status().code(), "no_training_queries");
}

}  // namespace
}  // namespace kc::search
