#include "search/feedback.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "search/fixture.h"
#include "search/index.h"
#include "search/search.h"

namespace kc::search {
namespace {

// Six English abstracts: two about wing flutter, one about the same phenomenon that never
// says wing or flutter, and three about other things.
class FeedbackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto index = SearchIndex::Open(dir_.path());
    ASSERT_TRUE(index.ok());
    index_ = std::move(*index);
    const std::pair<const char*, const char*> docs[] = {
        {"Flutter of a swept wing", "swept wing flutter with aeroelastic divergence and torsion"},
        {"Wing flutter model tests", "wing flutter of an aeroelastic torsion model"},
        {"Divergence of plates", "aeroelastic divergence and torsion of thin plates"},
        {"Heat transfer", "heat transfer in a turbulent boundary layer"},
        {"Supersonic nozzles", "supersonic flow in a convergent nozzle"},
        {"Hypersonic heating", "stagnation point heating at hypersonic speed"},
    };
    int64_t id = 1;
    for (const auto& [title, body] : docs) {
      ASSERT_TRUE(
          index_->Upsert(testing::MakeListing(id++, ListingKind::kAchievement, title, body)).ok());
    }
    ASSERT_TRUE(index_->Commit().ok());
  }

  std::vector<int64_t> Ids(const std::string& q, FeedbackOptions feedback,
                           const Translator* translator = nullptr) {
    RankingOptions ranking;
    ranking.feedback = feedback;
    Searcher searcher(index_.get(), translator, QueryOptions(), ranking);
    auto result = searcher.Search({.q = q});
    EXPECT_TRUE(result.ok()) << result.status().message();
    std::vector<int64_t> ids;
    if (result.ok()) {
      for (const auto& h : result->hits) ids.push_back(h.id);
    }
    return ids;
  }

  static bool Has(const std::vector<int64_t>& ids, int64_t id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }

  testing::TempDir dir_;
  std::unique_ptr<SearchIndex> index_;
};

TEST_F(FeedbackTest, TheBestHitsWordsFindADocumentWithoutTheQuerysWords) {
  FeedbackOptions off;
  off.docs = 0;
  const std::vector<int64_t> before = Ids("wing flutter", off);
  EXPECT_FALSE(Has(before, 3));
  const std::vector<int64_t> after = Ids("wing flutter", FeedbackOptions());
  ASSERT_GE(after.size(), 3u);
  EXPECT_TRUE(Has({after[0], after[1]}, 1) && Has({after[0], after[1]}, 2));  // still first
  EXPECT_EQ(after[2], 3);
  EXPECT_FALSE(Has(after, 5));  // nothing in common with the best hits
}

TEST_F(FeedbackTest, TermsAreNewStemsWeighedBelowTheQuerysOwn) {
  auto reader = index_->AcquireReader();
  ASSERT_TRUE(reader.ok());
  const TextQuery q = BuildTextQuery("wing flutter", **reader, nullptr, QueryOptions());
  ASSERT_TRUE(FeedbackApplies(q));
  Xapian::Enquire enquire(**reader);
  enquire.set_query(q.ToXapian());
  const Xapian::MSet first = enquire.get_mset(0, 2);
  FeedbackOptions o;
  o.terms = 3;
  const TermWeights terms = FeedbackTerms(**reader, first, q, o);
  ASSERT_EQ(terms.size(), 3u);
  double heaviest = 0;
  for (const auto& [term, w] : q.own) heaviest = std::max(heaviest, w);
  double best = 0;
  for (const auto& [term, w] : terms) {
    EXPECT_EQ(term[0], 'Z') << term;
    EXPECT_EQ(q.terms.count(term), 0u) << term;
    EXPECT_LE(w, o.weight * heaviest + 1e-12);
    best = std::max(best, w);
  }
  EXPECT_DOUBLE_EQ(best, o.weight * heaviest);
  EXPECT_TRUE(FeedbackTerms(**reader, Xapian::MSet(), q, o).empty());
}

TEST_F(FeedbackTest, AppliesToEnglishQueriesOnly) {
  auto reader = index_->AcquireReader();
  ASSERT_TRUE(reader.ok());
  EXPECT_TRUE(FeedbackApplies(BuildTextQuery("flutter 1957", **reader, nullptr, QueryOptions())));
  EXPECT_FALSE(FeedbackApplies(BuildTextQuery("颤振 flutter", **reader, nullptr, QueryOptions())));
  EXPECT_FALSE(FeedbackApplies(BuildTextQuery("", **reader, nullptr, QueryOptions())));
  // A query foreign to the index: none of its words is in a document, and some translate.
  auto translator = Translator::GlossaryOnly();
  translator->AddPair("sludge", "污泥");
  const TextQuery foreign =
      BuildTextQuery("sludge dewatering plants", **reader, translator.get(), QueryOptions());
  EXPECT_TRUE(foreign.foreign);
  EXPECT_FALSE(FeedbackApplies(foreign));
}

}  // namespace
}  // namespace kc::search
