#include "search/rank_features.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "search/fixture.h"
#include "search/index.h"
#include "search/rerank.h"

namespace kc::search {
namespace {

using testing::MakeListing;
using testing::TempDir;

// Three achievements that hold the words of 锂电池正极材料 in different places: in the title
// (1), in the body, in order (2), and in the body, apart (3); and one that shares a character
// only (4).
class RankFeaturesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto index = SearchIndex::Open(dir_.Sub("index"));
    ASSERT_TRUE(index.ok());
    index_ = std::move(*index);
    const ListingKind a = ListingKind::kAchievement;
    ASSERT_TRUE(index_
                    ->Upsert(MakeListing(1, a, "锂电池正极材料", "本项目研究储能系统的寿命。",
                                         {"储能", "锂电池"}))
                    .ok());
    ASSERT_TRUE(
        index_->Upsert(MakeListing(2, a, "固态电解质研究", "提出一种锂电池正极材料的制备方法。"))
            .ok());
    ASSERT_TRUE(
        index_->Upsert(MakeListing(3, a, "回收工艺", "材料学院研究正极，另有锂电池回收。")).ok());
    ASSERT_TRUE(
        index_->Upsert(MakeListing(4, a, "风力发电机组", "一种大型风力发电机组的叶片。")).ok());
    ASSERT_TRUE(index_->Commit().ok());
  }

  // The features of each candidate of q, by listing id.
  std::map<int64_t, std::map<std::string_view, float>> FeaturesFor(const std::string& q) {
    auto reader = index_->AcquireReader();
    EXPECT_TRUE(reader.ok());
    auto stage =
        RunFirstStage(**reader, nullptr, QueryOptions{}, RankingOptions{}, q, Filters{}, 10);
    EXPECT_TRUE(stage.ok());
    const auto rows = ComputeRankFeatures(**reader, stage->query, stage->candidates);
    EXPECT_EQ(rows.size(), stage->candidates.size());
    std::map<int64_t, std::map<std::string_view, float>> out;
    for (size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(rows[i].size(), kRankFeatureCount);
      for (const auto& [name, value] : NamedRankFeatures(rows[i])) {
        out[stage->candidates[i].stored.id][name] = value;
      }
    }
    return out;
  }

  TempDir dir_;
  std::unique_ptr<SearchIndex> index_;
};

TEST(RankFeatureNamesTest, EveryFeatureHasItsOwnName) {
  std::set<std::string_view> names(kRankFeatureNames.begin(), kRankFeatureNames.end());
  EXPECT_EQ(names.size(), kRankFeatureCount);
  EXPECT_EQ(names.count(""), 0u);
  EXPECT_EQ(kRankFeatureNames[kBm25BigramBody], "bm25_bigram_body");
  EXPECT_EQ(kRankFeatureNames[kFirstStageRank], "first_stage_rank");
  EXPECT_EQ(kRankFeatureNames[kQueryWords], "query_words");
}

TEST_F(RankFeaturesTest, TellsTitleKeywordsAndBodyApart) {
  auto f = FeaturesFor("锂电池正极材料");
  // Listing 4 shares a character (电) only.
  EXPECT_EQ(f[4]["bm25_word_body"], 0);
  EXPECT_GT(f[4]["bm25_char_body"], 0);
  EXPECT_GT(f[1]["bm25_word_title"], 0);
  EXPECT_GT(f[1]["bm25_word_keywords"], 0);  // 锂电池
  EXPECT_EQ(f[1]["bm25_word_body"], 0);
  EXPECT_EQ(f[1]["terms_title"], 1);
  EXPECT_EQ(f[1]["weight_title"], 1);
  EXPECT_EQ(f[2]["bm25_word_title"], 0);
  EXPECT_EQ(f[2]["bm25_word_keywords"], 0);
  EXPECT_GT(f[2]["bm25_word_body"], 0);
  EXPECT_GT(f[2]["bm25_bigram_body"], 0);
  EXPECT_GT(f[2]["bm25_char_body"], 0);
  EXPECT_LT(f[2]["terms_title"], 0.1);  // the character 电 of its title
  EXPECT_EQ(f[2]["terms_body"], 1);
  EXPECT_EQ(f[2]["terms_any"], 1);
  EXPECT_FLOAT_EQ(f[2]["weight_any"], 1);
  // Nothing came from translations.
  EXPECT_EQ(f[1]["translation_share"], 0);
  EXPECT_EQ(f[2]["bm25_translation_body"], 0);
}

TEST_F(RankFeaturesTest, ProximityNeedsTheWordsTogether) {
  auto f = FeaturesFor("锂电池正极材料");
  const float words = f[1]["query_words"];
  ASSERT_GE(words, 2);
  EXPECT_EQ(f[1]["longest_run"], words);
  EXPECT_EQ(f[2]["longest_run"], words);
  EXPECT_EQ(f[2]["longest_run_share"], 1);
  // Listing 3 has every word, none beside the next (so not the bigrams across them).
  EXPECT_GT(f[3]["bm25_word_body"], 0);
  EXPECT_LT(f[3]["terms_any"], f[2]["terms_any"]);
  EXPECT_EQ(f[3]["longest_run"], 1);
}

// Analysed fields are remembered by their text: asking again gives the same features, and a
// listing indexed again with another title gets the new title's.
TEST_F(RankFeaturesTest, RememberedFieldsGiveTheSameFeaturesAndFollowAChangedTitle) {
  const auto first = FeaturesFor("锂电池 正极");
  EXPECT_EQ(FeaturesFor("锂电池 正极"), first);
  ASSERT_TRUE(index_
                  ->Upsert(MakeListing(1, ListingKind::kAchievement, "锂电池正极材料回收再利用工艺",
                                       "本项目研究储能系统的寿命。", {"储能", "锂电池"}))
                  .ok());
  ASSERT_TRUE(index_->Commit().ok());
  const auto second = FeaturesFor("锂电池 正极");
  EXPECT_GT(second.at(1).at("title_length"), first.at(1).at("title_length"));
}

TEST_F(RankFeaturesTest, KeywordsLengthsAndTheFirstStage) {
  auto f = FeaturesFor("储能 锂电池");
  EXPECT_EQ(f[1]["keyword_overlap"], 1);  // both keywords are query words
  EXPECT_EQ(f[2]["keyword_overlap"], 0);  // no keywords
  EXPECT_GT(f[1]["title_length"], 0);
  EXPECT_GT(f[2]["body_length"], 0);
  EXPECT_EQ(f[1]["first_stage_rank"], 1);  // the only one with both
  EXPECT_EQ(f[1]["first_stage_ratio"], 1);
  EXPECT_GT(f[1]["first_stage_score"], f[2]["first_stage_score"]);
  EXPECT_GT(f[1]["relevance"], 0);
  EXPECT_EQ(f[2]["query_words"], 2);
  EXPECT_GT(f[2]["first_stage_rank"], 1);
}

TEST_F(RankFeaturesTest, TranslatedTermsFormTheirOwnSet) {
  auto translator = Translator::GlossaryOnly();
  auto reader = index_->AcquireReader();
  ASSERT_TRUE(reader.ok());
  // An English query for Chinese text: whatever it finds, it finds through translations.
  auto stage = RunFirstStage(**reader, translator.get(), QueryOptions{}, RankingOptions{},
                             "lithium battery cathode material", Filters{}, 10);
  ASSERT_TRUE(stage.ok());
  const auto rows = ComputeRankFeatures(**reader, stage->query, stage->candidates);
  ASSERT_FALSE(rows.empty());
  for (const auto& row : rows) {
    EXPECT_EQ(row[kTermsAny], 0);
    EXPECT_EQ(row[kTranslationShare], 1);
    EXPECT_GT(
        row[kBm25TranslationTitle] + row[kBm25TranslationKeywords] + row[kBm25TranslationBody], 0);
  }
}

}  // namespace
}  // namespace kc::search
