#include "search/rank_training_data.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "search/fixture.h"
#include "search/ranker.h"
#include "search/rerank.h"

namespace kc::search {
namespace {

using testing::MakeListing;
using testing::TempDir;

const char* const kWords[] = {"材料", "电池", "算法", "模型", "网络", "控制", "系统", "检测",
                              "图像", "信号", "数据", "结构", "工艺", "设备", "能源", "环境",
                              "土壤", "水质", "蛋白", "基因", "细胞", "药物", "温度", "压力",
                              "电机", "光学", "激光", "芯片", "桥梁", "隧道", "农业", "作物",
                              "肥料", "病虫", "塑料", "纤维", "涂层", "焊接", "轴承", "齿轮"};
const char* const kFiller[] = {"本项目", "研究", "提出", "一种", "新的", "方法", "通过", "实验",
                               "验证",   "结果", "表明", "显著", "提高", "效率", "降低", "成本"};

// Listings made by the test: listing 2i (a subject) has a title of three words, those words as
// keywords, and a body that says the three in a row once, after an opening of filler;
// listing 2i + 1 (its decoy) says the first two and the last two twice each, never all three
// in a row. Indexed without title and keywords, the subject's title query finds both, the
// decoy with the higher BM25 weight; the subject is the one it must rank first.
std::vector<Listing> PlantedListings(size_t subjects, uint32_t seed) {
  std::mt19937 rng(seed);
  auto word = [&] { return std::string(kWords[rng() % std::size(kWords)]); };
  auto filler = [&](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += kFiller[rng() % std::size(kFiller)];
    return s;
  };
  std::vector<Listing> listings;
  for (size_t i = 0; i < subjects; ++i) {
    std::vector<std::string> title;
    while (title.size() < 3) {
      std::string w = word();
      if (std::find(title.begin(), title.end(), w) == title.end()) title.push_back(w);
    }
    const std::string joined = title[0] + title[1] + title[2];
    const int64_t id = static_cast<int64_t>(2 * i + 1);
    listings.push_back(MakeListing(id, ListingKind::kAchievement, joined,
                                   filler(8) + "。" + filler(2) + joined + "的" + filler(3) + "。",
                                   title));
    std::string decoy = filler(8) + "。";
    for (int round = 0; round < 2; ++round) {
      decoy += filler(2) + title[0] + title[1] + "，" + filler(2) + title[1] + title[2] + "。";
    }
    listings.push_back(
        MakeListing(id + 1, ListingKind::kAchievement, word() + word() + filler(1), decoy));
  }
  return listings;
}

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
  const std::vector<Listing> train = PlantedListings(60, 7);
  auto model = TrainRankerOnListings(train, dir.Sub("training"), nullptr, {},
                                     {.rounds = 30, .max_depth = 4, .eta = 0.3});
  ASSERT_TRUE(model.ok()) << model.status().message();
  auto ranker = Ranker::FromBuffer(*model, "trained");
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
