#include "search/ranker.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <thread>

#include "search/fixture.h"
#include "search/ranker_fixture.h"
#include "search/ranker_training.h"

namespace kc::search {
namespace {

using testing::PlantedQueries;
using testing::SmallModelOptions;
using testing::TempDir;

// One model for every test of this file (training takes a moment).
const std::string& Model() {
  static const std::string model = [] {
    Result<std::string> m = TrainRanker(PlantedQueries(40, 10, 1), SmallModelOptions());
    return m.ok() ? *m : std::string();
  }();
  return model;
}

void WriteFile(const std::string& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary).write(bytes.data(), bytes.size());
}

// The load fails as a corrupt model, with the label and a reason in the message.
void ExpectCorrupt(std::string_view bytes, const std::string& why) {
  Result<Ranker> r = Ranker::FromBuffer(bytes, "broken.json");
  ASSERT_FALSE(r.ok()) << why;
  EXPECT_EQ(r.status().kind(), ErrorKind::kInvalid) << why;
  EXPECT_EQ(r.status().code(), "bad_ranker_model") << why;
  EXPECT_NE(r.status().message().find("the ranker model broken.json is unusable: "),
            std::string::npos)
      << why << ": " << r.status().message();
  EXPECT_GT(r.status().message().size(),
            std::string("the ranker model broken.json is unusable: ").size())
      << why;
}

TEST(RankerTest, ScoresOneValuePerCandidate) {
  ASSERT_FALSE(Model().empty());
  Result<Ranker> ranker = Ranker::FromBuffer(Model(), "built-in");
  ASSERT_TRUE(ranker.ok()) << ranker.status().message();
  EXPECT_EQ(ranker->feature_count(), 5u);
  const RankerTrainingSet queries = PlantedQueries(1, 7, 9);
  Result<std::vector<float>> scores = ranker->Score(queries.queries[0].rows);
  ASSERT_TRUE(scores.ok()) << scores.status().message();
  EXPECT_EQ(scores->size(), 7u);
  Result<std::vector<float>> none = ranker->Score({});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(RankerTest, IsNamedByItsFileAndAHashOfItsBytes) {
  Result<Ranker> a = Ranker::FromBuffer(Model(), "built-in");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->name().rfind("built-in@", 0), 0u) << a->name();
  EXPECT_EQ(a->name().size(), std::string("built-in@").size() + 8);
  Result<std::string> other = TrainRanker(PlantedQueries(40, 10, 1), RankerTrainingOptions{});
  ASSERT_TRUE(other.ok());
  Result<Ranker> b = Ranker::FromBuffer(*other, "built-in");
  ASSERT_TRUE(b.ok());
  EXPECT_NE(a->name(), b->name());
}

TEST(RankerTest, AModelSavedToAFileScoresAsTheOneInMemory) {
  TempDir dir;
  const std::string path = dir.path() + "/ranker.json";
  WriteFile(path, Model());
  Result<Ranker> from_file = Ranker::Load(path);
  ASSERT_TRUE(from_file.ok()) << from_file.status().message();
  Result<Ranker> from_memory = Ranker::FromBuffer(Model());
  ASSERT_TRUE(from_memory.ok());
  EXPECT_EQ(from_file->name().rfind("ranker.json@", 0), 0u) << from_file->name();
  for (const RankerQuery& query : PlantedQueries(20, 10, 5).queries) {
    Result<std::vector<float>> a = from_file->Score(query.rows);
    Result<std::vector<float>> b = from_memory->Score(query.rows);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(*a, *b);
  }
}

TEST(RankerTest, AMissingFileIsUnavailableAndNamed) {
  TempDir dir;
  Result<Ranker> r = Ranker::Load(dir.path() + "/no-such-model.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().kind(), ErrorKind::kUnavailable);
  EXPECT_EQ(r.status().code(), "ranker_model_unavailable");
  EXPECT_NE(r.status().message().find("no-such-model.json"), std::string::npos);
  EXPECT_NE(r.status().message().find("No such file"), std::string::npos) << r.status().message();
}

TEST(RankerTest, ACorruptFileIsRefusedWithItsName) {
  TempDir dir;
  const std::string path = dir.path() + "/ranker.json";
  WriteFile(path, Model().substr(0, Model().size() / 2));
  Result<Ranker> r = Ranker::Load(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), "bad_ranker_model");
  EXPECT_NE(r.status().message().find("ranker.json"), std::string::npos) << r.status().message();
}

TEST(RankerTest, TruncatedModelsAreRefused) {
  const std::string& model = Model();
  ASSERT_FALSE(model.empty());
  ExpectCorrupt("", "empty");
  for (size_t length : {size_t{1}, size_t{2}, size_t{10}, size_t{100}, model.size() / 3,
                        model.size() / 2, model.size() - 2, model.size() - 1}) {
    ExpectCorrupt(std::string_view(model).substr(0, length),
                  "the first " + std::to_string(length) + " bytes");
  }
}

TEST(RankerTest, RandomBytesAreRefused) {
  std::mt19937 rng(11);
  for (int i = 0; i < 50; ++i) {
    std::string bytes(1 + rng() % 4096, '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    ExpectCorrupt(bytes, "random bytes #" + std::to_string(i));
    // XGBoost parses what begins with '{' as JSON or UBJSON.
    bytes[0] = '{';
    ExpectCorrupt(bytes, "random bytes after '{' #" + std::to_string(i));
  }
}

TEST(RankerTest, AModelThatIsNotAnXGBoostModelIsRefused) {
  ExpectCorrupt("{}", "an empty object");
  ExpectCorrupt(R"({"learner": 3})", "a learner of the wrong type");
  ExpectCorrupt("not a model at all", "text");
  ExpectCorrupt(std::string_view("{L\0\0\0\0\0\0\0\x07learner{}}", 20), "UBJSON");
  Result<Ranker> ubjson =
      Ranker::FromBuffer(std::string_view("{L\0\0\0\0\0\0\0\x07learner{}}", 20));
  EXPECT_NE(ubjson.status().message().find("UBJSON"), std::string::npos);
}

TEST(RankerTest, ARowWithAnotherFeatureCountIsAnError) {
  Result<Ranker> ranker = Ranker::FromBuffer(Model());
  ASSERT_TRUE(ranker.ok());
  std::vector<std::vector<float>> rows = PlantedQueries(1, 3, 4).queries[0].rows;
  rows[1].pop_back();
  Result<std::vector<float>> scores = ranker->Score(rows);
  ASSERT_FALSE(scores.ok());
  EXPECT_EQ(scores.status().kind(), ErrorKind::kInvalid);
  EXPECT_EQ(scores.status().code(), "feature_count_mismatch");
  EXPECT_NE(scores.status().message().find("candidate 1 has 4 features"), std::string::npos)
      << scores.status().message();
  rows[1].resize(6, 0.5f);
  EXPECT_FALSE(ranker->Score(rows).ok());
}

TEST(RankerTest, ScoresFromSeveralThreadsAtOnceAreTheSameAsFromOne) {
  Result<Ranker> ranker = Ranker::FromBuffer(Model());
  ASSERT_TRUE(ranker.ok());
  const RankerTrainingSet set = PlantedQueries(8, 50, 6);
  std::vector<std::vector<float>> expected;
  for (const RankerQuery& q : set.queries) expected.push_back(*ranker->Score(q.rows));

  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        const size_t q = (t + round) % set.queries.size();
        Result<std::vector<float>> scores = ranker->Score(set.queries[q].rows);
        if (!scores.ok() || *scores != expected[q]) ++mismatches[t];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(RankerTest, AMovedRankerScoresAndTheEmptyOneFailsCleanly) {
  Result<Ranker> loaded = Ranker::FromBuffer(Model());
  ASSERT_TRUE(loaded.ok());
  Ranker ranker = std::move(loaded).value();
  const std::vector<std::vector<float>> rows = PlantedQueries(1, 3, 4).queries[0].rows;
  EXPECT_TRUE(ranker.Score(rows).ok());
  Ranker other = std::move(ranker);
  EXPECT_TRUE(other.Score(rows).ok());
  EXPECT_FALSE(ranker.Score(rows).ok());  // NOLINT(bugprone-use-after-move): on purpose
}

}  // namespace
}  // namespace kc::search
