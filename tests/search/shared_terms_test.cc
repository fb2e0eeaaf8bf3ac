#include "search/shared_terms.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/utf8.h"
#include "search/fixture.h"
#include "search/schema.h"

namespace kc::search {
namespace {

using testing::MakeListing;

// The index terms of a text as a candidate would hold them: words and bigrams.
std::unordered_set<std::string> TermsOf(const std::string& s) {
  std::unordered_set<std::string> out;
  const text::Terms t = text::Analyze(s);
  for (const std::string& w : t.words) out.insert(SharedTerms::IndexTermOf(text::TermKey(w)));
  for (const std::string& b : t.bigrams) out.insert(Term(kBigramPrefix, b));
  return out;
}

SharedTerms Of(const Listing& source) {
  const ListingTerms analysed = AnalyzeListing(source);
  text::TermStats stats;  // no corpus: every word weighs by its length and place
  text::Terms head = analysed.title;
  head.words.insert(head.words.end(), analysed.keywords.words.begin(),
                    analysed.keywords.words.end());
  return SharedTerms(source, analysed, text::KeyTerms(head, analysed.body, stats, 24));
}

TEST(SharedTermsTest, AKeywordIsNamedWholeNeverItsFragments) {
  // The segmenter splits 机器视觉 into 机器 + 视觉.
  ASSERT_EQ(text::Analyze("机器视觉").words, (std::vector<std::string>{"机器", "视觉"}));
  const Listing demand = MakeListing(1, ListingKind::kDemand, "零件表面检测",
                                     "用机器视觉检测零件表面。", {"机器视觉", "表面检测"});
  const std::vector<std::string> shared =
      Of(demand).Shared(TermsOf("本成果是一种机器视觉检测系统"));
  ASSERT_FALSE(shared.empty());
  EXPECT_EQ(shared.front(), "机器视觉");
  for (const std::string& t : shared) {
    EXPECT_NE(t, "机器");
    EXPECT_NE(t, "视觉");
    EXPECT_GT(Utf8Length(t), 1u) << t;
  }
}

TEST(SharedTermsTest, AdjacentKeyTermsAreJoinedWhenTheCandidateHasThemTogether) {
  const Listing demand = MakeListing(1, ListingKind::kDemand, "机器视觉", "需要机器视觉方案。", {});
  // Together in the candidate: named whole.
  EXPECT_EQ(Of(demand).Shared(TermsOf("机器视觉定位")), (std::vector<std::string>{"机器视觉"}));
  // Apart (no 器视 across them): each word on its own.
  const std::vector<std::string> apart = Of(demand).Shared(TermsOf("机器人的视觉"));
  EXPECT_EQ(std::count(apart.begin(), apart.end(), "机器视觉"), 0);
}

TEST(SharedTermsTest, SingleCharactersAndNumbersAreNeverNamed) {
  const Listing demand = MakeListing(1, ListingKind::kDemand, "锶 2024", "锶 2024", {});
  EXPECT_TRUE(Of(demand).Shared(TermsOf("锶 2024")).empty());
}

TEST(SharedTermsTest, AKeywordTheCandidateLacksIsNotNamed) {
  const Listing demand =
      MakeListing(1, ListingKind::kDemand, "检测", "检测。", {"机器视觉", "缺陷检测"});
  const std::vector<std::string> shared = Of(demand).Shared(TermsOf("视觉导航机器"));
  EXPECT_EQ(std::count(shared.begin(), shared.end(), "机器视觉"), 0);
  EXPECT_EQ(std::count(shared.begin(), shared.end(), "缺陷检测"), 0);
}

}  // namespace
}  // namespace kc::search
