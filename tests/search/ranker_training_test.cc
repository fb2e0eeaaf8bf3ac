#include "search/ranker_training.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "search/ranker.h"
#include "search/ranker_fixture.h"

namespace kc::search {
namespace {

using testing::PlantedQueries;
using testing::RelevantPlace;
using testing::SmallModelOptions;

TEST(RankerTrainingTest, ALearnedModelPutsThePlantedRelevantCandidateFirstOnHeldOutQueries) {
  Result<std::string> model = TrainRanker(PlantedQueries(40, 10, 1), SmallModelOptions());
  ASSERT_TRUE(model.ok()) << model.status().message();
  Result<Ranker> ranker = Ranker::FromBuffer(*model);
  ASSERT_TRUE(ranker.ok()) << ranker.status().message();

  // Other queries than the training ones (another seed).
  const RankerTrainingSet held_out = PlantedQueries(200, 10, 2);
  size_t first = 0;
  for (const RankerQuery& query : held_out.queries) {
    Result<std::vector<float>> scores = ranker->Score(query.rows);
    ASSERT_TRUE(scores.ok()) << scores.status().message();
    const size_t best = std::max_element(scores->begin(), scores->end()) - scores->begin();
    if (best == RelevantPlace(query)) ++first;
  }
  EXPECT_GE(first, 180u) << "the relevant candidate came first for " << first << " of 200";
}

TEST(RankerTrainingTest, TrainsLambdaMartWithTheOptionsGiven) {
  Result<std::string> model = TrainRanker(PlantedQueries(10, 5, 1), SmallModelOptions());
  ASSERT_TRUE(model.ok()) << model.status().message();
  const nlohmann::json json = nlohmann::json::parse(*model);
  EXPECT_EQ(json["learner"]["objective"]["name"], "rank:ndcg");
  EXPECT_EQ(json["learner"]["learner_model_param"]["num_feature"], "5");
  EXPECT_EQ(json["learner"]["gradient_booster"]["model"]["trees"].size(), 20u);
}

TEST(RankerTrainingTest, TheSameInputGivesTheSameModelByteForByte) {
  const RankerTrainingSet set = PlantedQueries(20, 8, 3);
  Result<std::string> a = TrainRanker(set, SmallModelOptions());
  Result<std::string> b = TrainRanker(set, SmallModelOptions());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
}

TEST(RankerTrainingTest, ABadTrainingSetIsRefusedWithTheReason) {
  auto refused = [](const RankerTrainingSet& set, const std::string& words) {
    Result<std::string> r = TrainRanker(set, SmallModelOptions());
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().kind(), ErrorKind::kInvalid);
    EXPECT_EQ(r.status().code(), "bad_training_set");
    EXPECT_NE(r.status().message().find(words), std::string::npos) << r.status().message();
  };
  refused(RankerTrainingSet{}, "no query");

  RankerTrainingSet empty_query = PlantedQueries(3, 4, 1);
  empty_query.queries[1] = RankerQuery{};
  refused(empty_query, "query 1 has no candidate");

  RankerTrainingSet few_grades = PlantedQueries(3, 4, 1);
  few_grades.queries[2].grades.pop_back();
  refused(few_grades, "3 grades for 4 candidates");

  RankerTrainingSet ragged = PlantedQueries(3, 4, 1);
  ragged.queries[1].rows[2].push_back(0.5f);
  refused(ragged, "query 1, candidate 2 has 6 features, not 5");

  RankerTrainingSet half_grade = PlantedQueries(3, 4, 1);
  half_grade.queries[0].grades[0] = 0.5f;
  refused(half_grade, "whole number");

  RankerTrainingSet big_grade = PlantedQueries(3, 4, 1);
  big_grade.queries[0].grades[0] = 32;
  refused(big_grade, "whole number");

  RankerTrainingSet infinite = PlantedQueries(3, 4, 1);
  infinite.queries[0].rows[0][0] = std::numeric_limits<float>::infinity();
  refused(infinite, "infinite");
}

TEST(RankerTrainingTest, AMissingValueIsAllowed) {
  RankerTrainingSet set = PlantedQueries(10, 5, 1);
  set.queries[0].rows[0][0] = std::nanf("");
  EXPECT_TRUE(TrainRanker(set, SmallModelOptions()).ok());
}

TEST(RankerTrainingTest, BadOptionsAreRefused) {
  const RankerTrainingSet set = PlantedQueries(3, 4, 1);
  for (auto change : {+[](RankerTrainingOptions* o) { o->rounds = 0; },
                      +[](RankerTrainingOptions* o) { o->max_depth = 0; },
                      +[](RankerTrainingOptions* o) { o->eta = 0; },
                      +[](RankerTrainingOptions* o) { o->eta = 1.5; }}) {
    RankerTrainingOptions options = SmallModelOptions();
    change(&options);
    Result<std::string> r = TrainRanker(set, options);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), "bad_training_options");
  }
}

}  // namespace
}  // namespace kc::search
