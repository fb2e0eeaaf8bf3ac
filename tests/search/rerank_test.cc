#include "search/rerank.h"

#include <gtest/gtest.h>

#include "search/fixture.h"
#include "search/planted_listings.h"
#include "search/rank_training_data.h"

namespace kc::search {
namespace {

TextQuery WithSequence(std::vector<std::string> sequence) {
  TextQuery q;
  q.sequence = std::move(sequence);
  return q;
}

TEST(RerankTest, AppliesToQueriesMostlyInChinese) {
  EXPECT_TRUE(RerankApplies(WithSequence({"W神经网络", "W缺陷", "W检测"})));
  EXPECT_TRUE(RerankApplies(WithSequence({"W神经网络", "W检测", "Zcnn"})));
  EXPECT_FALSE(RerankApplies(WithSequence({"Zneural", "Znetwork", "W检测"})));
  EXPECT_FALSE(RerankApplies(WithSequence({"W神经网络", "Zcnn"})));  // half is not most
  EXPECT_FALSE(RerankApplies(WithSequence({"W2023", "W5"})));       // numbers are not Chinese
  EXPECT_FALSE(RerankApplies(WithSequence({})));
}

TEST(RerankTest, ReordersTheFirstDepthCandidatesAndKeepsTheRest) {
  testing::TempDir dir;
  auto ranker = Ranker::FromBuffer(testing::PlantedModel(dir.Sub("training")));
  ASSERT_TRUE(ranker.ok());
  auto index = SearchIndex::Open(dir.Sub("index"));
  ASSERT_TRUE(index.ok());
  for (const Listing& l : testing::PlantedListings(10, 99)) {
    ASSERT_TRUE((*index)->Upsert(WithoutQueryText(l)).ok());
  }
  ASSERT_TRUE((*index)->Commit().ok());
  auto reader = (*index)->AcquireReader();
  ASSERT_TRUE(reader.ok());
  // A subject whose decoy the first stage ranks first, the subject second.
  size_t tried = 0;
  for (const Listing& subject : testing::PlantedListings(10, 99)) {
    if (subject.keywords.empty()) continue;  // a decoy
    auto stage = RunFirstStage(**reader, nullptr, {}, {}, subject.title, Filters{}, 50);
    ASSERT_TRUE(stage.ok());
    const std::vector<RankCandidate> first = stage->candidates;
    if (first.size() < 3 || first[0].stored.id != subject.id + 1 ||
        first[1].stored.id != subject.id) {
      continue;
    }
    ++tried;
    auto ranked = Rerank(**reader, *ranker, *stage, 2);
    ASSERT_TRUE(ranked.ok());
    ASSERT_EQ(ranked->size(), first.size());
    // The subject beats its decoy within the depth of 2 …
    EXPECT_EQ((*ranked)[0].stored.id, subject.id);
    EXPECT_EQ((*ranked)[1].stored.id, subject.id + 1);
    // … and what lies beyond it keeps the first stage's order.
    for (size_t i = 2; i < first.size(); ++i) EXPECT_EQ((*ranked)[i].docid, first[i].docid);
  }
  EXPECT_GT(tried, 0u) << "no subject whose decoy the first stage ranks first";
}

}  // namespace
}  // namespace kc::search
