#include "search/ranker_model_check.h"

#include <gtest/gtest.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "search/ranker.h"
#include "search/ranker_fixture.h"
#include "search/ranker_training.h"

namespace kc::search {
namespace {

using nlohmann::json;

json TrainedModel() {
  static const std::string model = [] {
    Result<std::string> m =
        TrainRanker(testing::PlantedQueries(20, 6, 1), testing::SmallModelOptions());
    return m.ok() ? *m : std::string("{}");
  }();
  return json::parse(model);
}

json& FirstTree(json& model) { return model["learner"]["gradient_booster"]["model"]["trees"][0]; }

// The model with one change is refused by the check and by Ranker::FromBuffer, with `words`
// in the message.
void ExpectRefused(const std::function<void(json&)>& change, const std::string& words) {
  json model = TrainedModel();
  change(model);
  const std::string text = model.dump();
  Result<size_t> checked = CheckRankerModel(text);
  ASSERT_FALSE(checked.ok()) << words;
  EXPECT_EQ(checked.status().code(), "bad_ranker_model");
  EXPECT_NE(checked.status().message().find(words), std::string::npos)
      << checked.status().message();
  Result<Ranker> loaded = Ranker::FromBuffer(text, "changed.json");
  ASSERT_FALSE(loaded.ok()) << words;
  EXPECT_EQ(loaded.status().code(), "bad_ranker_model");
}

TEST(RankerModelCheckTest, ATrainedModelPassesWithItsFeatureCount) {
  Result<size_t> features = CheckRankerModel(TrainedModel().dump());
  ASSERT_TRUE(features.ok()) << features.status().message();
  EXPECT_EQ(*features, 5u);
}

TEST(RankerModelCheckTest, AChildOutsideTheTreeIsRefused) {
  ExpectRefused([](json& m) { FirstTree(m)["left_children"][0] = 999; },
                "node 0's left child 999 is outside the tree's");
  ExpectRefused([](json& m) { FirstTree(m)["right_children"][0] = -5; }, "right child -5");
}

TEST(RankerModelCheckTest, ANodeReachedTwiceIsRefused) {
  // A loop back to the root would never reach a leaf.
  ExpectRefused([](json& m) { FirstTree(m)["right_children"][0] = 0; }, "reached twice");
}

TEST(RankerModelCheckTest, ASplitOnAFeatureTheModelDoesNotHaveIsRefused) {
  ExpectRefused([](json& m) { FirstTree(m)["split_indices"][0] = 7; },
                "node 0 splits on feature 7 of 5");
}

TEST(RankerModelCheckTest, ArraysOfTheWrongLengthAreRefused) {
  ExpectRefused([](json& m) { FirstTree(m)["left_children"].erase(0); }, "left_children has");
  ExpectRefused([](json& m) { FirstTree(m).erase("split_indices"); }, "no array split_indices");
}

TEST(RankerModelCheckTest, OnlyTreeModelsWithTreesAndFeaturesPass) {
  ExpectRefused([](json& m) { m["learner"]["gradient_booster"]["name"] = "gblinear"; },
                "booster is gblinear");
  ExpectRefused([](json& m) { m["learner"]["gradient_booster"]["model"]["trees"] = json::array(); },
                "no trees");
  EXPECT_FALSE(CheckRankerModel("[1, 2]").ok());
  EXPECT_FALSE(CheckRankerModel("{\"learner\": {}}").ok());
}

TEST(RankerModelCheckTest, AParentOutsideTheTreeIsRefused) {
  ExpectRefused([](json& m) { FirstTree(m)["parents"][1] = 2147483647; },
                "node 1's parent 2147483647 is outside");
}

TEST(RankerModelCheckTest, TreesThatDisagreeWithTheirCountsAreRefused) {
  ExpectRefused([](json& m) { m["learner"]["gradient_booster"]["model"]["tree_info"].erase(0); },
                "tree_info");
  ExpectRefused([](json& m) { m["learner"]["gradient_booster"]["model"]["tree_info"][1] = 2; },
                "output other than the first");
  ExpectRefused(
      [](json& m) {
        m["learner"]["gradient_booster"]["model"]["gbtree_model_param"]["num_trees"] = "21";
      },
      "not the number its gbtree_model_param says");
  ExpectRefused([](json& m) { m["learner"]["gradient_booster"]["model"]["trees"][1]["id"] = 0; },
                "tree 1 does not have the id 1");
}

TEST(RankerModelCheckTest, AModelOfSeveralOutputsIsRefused) {
  ExpectRefused([](json& m) { m["learner"]["learner_model_param"]["num_class"] = "3"; },
                "more than one output");
}

TEST(RankerModelCheckTest, DeepNestingIsRefused) {
  ExpectRefused(
      [](json& m) {
        json deep = json::array();
        for (int i = 0; i < 40; ++i) deep = json::array({deep});
        m["learner"]["attributes"]["deep"] = deep;
      },
      "nested deeper");
}

TEST(RankerModelCheckTest, CategoricalSplitsAreRefused) {
  ExpectRefused([](json& m) { FirstTree(m)["split_type"][0] = 1; }, "categorical");
  ExpectRefused([](json& m) { FirstTree(m)["categories_nodes"] = json::array({0}); },
                "categorical");
}

}  // namespace
}  // namespace kc::search
