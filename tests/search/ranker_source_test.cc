#include "search/ranker_source.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/resources.h"
#include "search/fixture.h"
#include "search/rank_features.h"
#include "search/ranker_fixture.h"
#include "search/ranker_training.h"

namespace kc::search {
namespace {

using testing::TempDir;

// A model over `features` features trained on noise with one telling feature; `rounds` makes
// models that differ.
std::string TrainedModel(size_t features, int rounds) {
  std::mt19937 rng(3);
  std::uniform_real_distribution<float> noise(0, 1);
  RankerTrainingSet set;
  for (int q = 0; q < 20; ++q) {
    RankerQuery query;
    for (int c = 0; c < 8; ++c) {
      std::vector<float> row(features);
      for (float& v : row) v = noise(rng);
      row[0] = c == q % 8 ? 1.0f + noise(rng) : noise(rng);
      query.rows.push_back(std::move(row));
      query.grades.push_back(c == q % 8 ? 1 : 0);
    }
    set.queries.push_back(std::move(query));
  }
  auto model = TrainRanker(set, {.rounds = rounds, .max_depth = 2, .eta = 0.3});
  EXPECT_TRUE(model.ok()) << model.status().message();
  return model.ok() ? *model : "";
}

void Write(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
  // Two writes within the file system's time resolution must still look like a change.
  static int bump = 0;
  std::filesystem::last_write_time(
      path, std::filesystem::file_time_type::clock::now() + std::chrono::seconds(++bump));
}

struct Logged {
  std::vector<std::pair<bool, std::string>> lines;
  RankerSource::Log Sink() {
    return [this](bool warning, const std::string& line) { lines.emplace_back(warning, line); };
  }
};

constexpr std::chrono::milliseconds kAlways{0};

TEST(RankerSourceTest, WithoutAFileTheBuiltInModelServesAndTheLogSaysSo) {
  TempDir dir;
  Logged log;
  const std::string builtin = TrainedModel(kRankFeatureCount, 5);
  RankerSource source(dir.Sub("ranker.json"), builtin, log.Sink(), kAlways);
  ASSERT_NE(source.Current(), nullptr);
  const auto state = source.Describe();
  EXPECT_EQ(state.origin, RankerOrigin::kBuiltIn);
  EXPECT_EQ(RankerOriginName(state.origin), "built-in");
  EXPECT_TRUE(state.name.starts_with("built-in@")) << state.name;
  EXPECT_TRUE(state.error.empty());
  ASSERT_EQ(log.lines.size(), 1u);
  EXPECT_FALSE(log.lines[0].first);
  EXPECT_NE(log.lines[0].second.find("no model file at " + dir.Sub("ranker.json")),
            std::string::npos)
      << log.lines[0].second;
}

TEST(RankerSourceTest, ACorruptFileLeavesTheBuiltInModelServingWithAWarningThatSaysWhy) {
  TempDir dir;
  const std::string path = dir.Sub("ranker.json");
  Write(path, R"({"learner": {"gradient_booster": )");
  Logged log;
  RankerSource source(path, TrainedModel(kRankFeatureCount, 5), log.Sink(), kAlways);
  ASSERT_NE(source.Current(), nullptr);
  const auto state = source.Describe();
  EXPECT_EQ(state.origin, RankerOrigin::kBuiltIn);
  EXPECT_TRUE(state.error.starts_with("bad_ranker_model: ")) << state.error;
  ASSERT_EQ(log.lines.size(), 1u);
  EXPECT_TRUE(log.lines[0].first);
  EXPECT_NE(log.lines[0].second.find("cannot use " + path), std::string::npos);
  EXPECT_NE(log.lines[0].second.find("the built-in model built-in@"), std::string::npos);
  // Looking again at an unchanged file neither reloads nor logs again.
  source.Current();
  EXPECT_EQ(log.lines.size(), 1u);
}

TEST(RankerSourceTest, AGoodFileIsUsedAndAChangeIsPickedUpWithoutARestart) {
  TempDir dir;
  const std::string path = dir.Sub("ranker.json");
  Write(path, TrainedModel(kRankFeatureCount, 4));
  Logged log;
  RankerSource source(path, TrainedModel(kRankFeatureCount, 5), log.Sink(), kAlways);
  const auto first = source.Describe();
  EXPECT_EQ(first.origin, RankerOrigin::kFile);
  EXPECT_TRUE(first.name.starts_with("ranker.json@")) << first.name;
  std::shared_ptr<const Ranker> held = source.Current();

  Write(path, TrainedModel(kRankFeatureCount, 6));
  const auto second = source.Describe();
  EXPECT_EQ(second.origin, RankerOrigin::kFile);
  EXPECT_NE(second.name, first.name);
  EXPECT_EQ(held->name(), first.name);  // a caller's model outlives the reload

  Write(path, "garbage");
  EXPECT_EQ(source.Describe().origin, RankerOrigin::kBuiltIn);
  EXPECT_FALSE(source.Describe().error.empty());

  std::filesystem::remove(path);
  const auto gone = source.Describe();
  EXPECT_EQ(gone.origin, RankerOrigin::kBuiltIn);
  EXPECT_TRUE(gone.error.empty());
  EXPECT_EQ(log.lines.size(), 4u);
}

TEST(RankerSourceTest, AFileIsNotLookedAtAgainBeforeTheRecheckInterval) {
  TempDir dir;
  const std::string path = dir.Sub("ranker.json");
  RankerSource source(path, TrainedModel(kRankFeatureCount, 5), nullptr, std::chrono::hours(1));
  Write(path, TrainedModel(kRankFeatureCount, 4));
  EXPECT_EQ(source.Describe().origin, RankerOrigin::kBuiltIn);
}

TEST(RankerSourceTest, AModelOfAnotherFeatureCountIsRefused) {
  TempDir dir;
  const std::string path = dir.Sub("ranker.json");
  Write(path, TrainedModel(testing::kRankerFeatures, 4));
  Logged log;
  RankerSource source(path, TrainedModel(testing::kRankerFeatures, 5), log.Sink(), kAlways);
  const auto state = source.Describe();
  EXPECT_EQ(source.Current(), nullptr);
  EXPECT_EQ(state.origin, RankerOrigin::kNone);
  EXPECT_TRUE(state.error.starts_with("feature_count_mismatch: ")) << state.error;
  ASSERT_EQ(log.lines.size(), 2u);  // the built-in model, then the file
  EXPECT_NE(log.lines[0].second.find("built-in model is unusable"), std::string::npos);
  EXPECT_NE(log.lines[1].second.find("no re-ranking"), std::string::npos);
}

TEST(RankerSourceTest, NoBuiltInModelAndNoFileMeansNoReRanking) {
  TempDir dir;
  RankerSource source(dir.Sub("ranker.json"), "", nullptr, kAlways);
  EXPECT_EQ(source.Current(), nullptr);
  EXPECT_EQ(source.Describe().origin, RankerOrigin::kNone);
  EXPECT_EQ(RankerOriginName(RankerOrigin::kNone), "none");
}

// The model compiled into the binary (data/ranker/builtin.json, scripts/train-builtin-ranker.sh)
// must fit this build's features: retrain it when they change.
TEST(RankerSourceTest, TheBinarysBuiltInModelLoadsAndFitsTheFeatures) {
  const auto builtin = Resource("data/ranker/builtin.json");
  ASSERT_TRUE(builtin.has_value());
  TempDir dir;
  RankerSource source(dir.Sub("ranker.json"), *builtin, nullptr, kAlways);
  ASSERT_NE(source.Current(), nullptr);
  EXPECT_EQ(source.Current()->feature_count(), kRankFeatureCount);
  EXPECT_EQ(source.Describe().origin, RankerOrigin::kBuiltIn);
}

}  // namespace
}  // namespace kc::search
