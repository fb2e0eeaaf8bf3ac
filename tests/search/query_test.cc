#include "search/query.h"

#include <gtest/gtest.h>

#include <cmath>

#include "search/fixture.h"
#include "search/index.h"

namespace kc::search {
namespace {

class QueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto index = SearchIndex::Open(dir_.path());
    ASSERT_TRUE(index.ok());
    index_ = std::move(*index);
    for (const Listing& l : testing::SampleListings()) ASSERT_TRUE(index_->Upsert(l).ok());
    ASSERT_TRUE(index_->Commit().ok());
    auto reader = index_->AcquireReader();
    ASSERT_TRUE(reader.ok());
    reader_ = std::move(*reader);
  }
  testing::TempDir dir_;
  std::unique_ptr<SearchIndex> index_;
  SearchIndex::Reader reader_;
};

TEST_F(QueryTest, WordsBigramsAndStems) {
  const TextQuery q = BuildTextQuery("神经网络 controllers", *reader_, nullptr, QueryOptions());
  EXPECT_TRUE(q.terms.count("W神经网络"));
  EXPECT_TRUE(q.terms.count("B神经"));
  EXPECT_TRUE(q.terms.count("B网络"));
  EXPECT_TRUE(q.terms.count("Zcontrol"));
  EXPECT_FALSE(q.terms.count("Wcontrollers"));
  EXPECT_TRUE(q.terms.count("U神"));
  // Characters count less than words within a keyword.
  EXPECT_LT(q.terms.at("U神"), q.terms.at("W神经网络"));
  EXPECT_FALSE(q.empty());
}

TEST_F(QueryTest, EachKeywordIsScaledByItsNumberOfTerms) {
  QueryOptions o;
  o.bigram_weight = 1.0;
  o.char_weight = 0;
  const TextQuery q = BuildTextQuery("电池 锂离子电池正极材料", *reader_, nullptr, o);
  // 电池 is one word and one bigram: scale (4/2)^0.5; the long keyword has more terms and a
  // smaller scale, so its bigram 正极 weighs less than 电池's.
  EXPECT_NEAR(q.terms.at("W电池"), std::sqrt(2.0), 1e-9);
  EXPECT_LT(q.terms.at("B正极"), q.terms.at("W电池"));
}

TEST_F(QueryTest, FrequentTermsAreDropped) {
  QueryOptions o;
  o.min_docs_for_share = 1;
  o.max_term_share = 0.5;  // 工学-like terms in more than half of the five listings
  TermWeights terms{{"Kachievement", 1.0}, {"W污泥", 1.0}};
  DropFrequentTerms(*reader_, o, &terms);
  EXPECT_EQ(terms.size(), 1u);
  EXPECT_TRUE(terms.count("W污泥"));
  // If every term is frequent, all are kept.
  TermWeights only_frequent{{"Kachievement", 1.0}};
  DropFrequentTerms(*reader_, o, &only_frequent);
  EXPECT_EQ(only_frequent.size(), 1u);
}

TEST_F(QueryTest, PunctuationAndEmojiGiveNoTerms) {
  EXPECT_TRUE(BuildTextQuery("，。！？…😀🚀", *reader_, nullptr, QueryOptions()).empty());
  EXPECT_TRUE(BuildTextQuery("", *reader_, nullptr, QueryOptions()).empty());
  EXPECT_TRUE(BuildTextQuery("的 了 the of", *reader_, nullptr, QueryOptions()).empty());
}

TEST_F(QueryTest, TranslationsAreAddedWithLowerWeight) {
  auto translator = Translator::GlossaryOnly();
  const TextQuery q = BuildTextQuery("sludge", *reader_, translator.get(), QueryOptions());
  ASSERT_TRUE(q.terms.count("W污泥"));
  EXPECT_LT(q.terms.at("W污泥"), q.terms.at("Zsludg"));
  ASSERT_EQ(q.translations.size(), 1u);
  EXPECT_EQ(q.translations[0].targets.front(), "污泥");
}

TEST(FilterQueryTest, FiltersAreBooleanTerms) {
  EXPECT_FALSE(FilterQuery(Filters{}).has_value());
  const auto f = FilterQuery(Filters{ListingKind::kDemand, "工学", "", "44"});
  ASSERT_TRUE(f.has_value());
  const std::string d = f->get_description();
  EXPECT_NE(d.find("Kdemand"), std::string::npos);
  EXPECT_NE(d.find("XC工学"), std::string::npos);
  EXPECT_NE(d.find("XR440000"), std::string::npos);
}

}  // namespace
}  // namespace kc::search
