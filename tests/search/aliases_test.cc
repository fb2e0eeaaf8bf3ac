#include "search/aliases.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "search/fixture.h"
#include "text/normalize.h"

namespace kc::search {
namespace {

bool HasPair(const std::vector<std::pair<std::string, std::string>>& pairs, const std::string& a,
             const std::string& b) {
  return std::find(pairs.begin(), pairs.end(), std::make_pair(a, b)) != pairs.end();
}

TEST(AliasesTest, ChineseTermWithAbbreviationOrFormula) {
  const auto pairs = FindAliases(text::Normalize(
      "采用碾压混凝土（RCC）筑坝，掺入铝酸锶(SrAl2O4)，并用修正Rodrigues参数(Modified Rodrigues "
      "Parameters, MRP)建模。"));
  EXPECT_TRUE(HasPair(pairs, "碾压混凝土", "rcc"));
  EXPECT_TRUE(HasPair(pairs, "rcc", "碾压混凝土"));
  EXPECT_TRUE(HasPair(pairs, "铝酸锶", "sral2o4"));
  EXPECT_TRUE(HasPair(pairs, "参数", "mrp"));
  EXPECT_TRUE(HasPair(pairs, "参数", "modified rodrigues parameters"));
}

TEST(AliasesTest, FormulaWithChineseName) {
  const auto pairs = FindAliases(text::Normalize("发光材料SrAl2O4(铝酸锶)的余辉"));
  EXPECT_TRUE(HasPair(pairs, "sral2o4", "铝酸锶"));
}

TEST(AliasesTest, NoiseIsIgnored) {
  EXPECT_TRUE(FindAliases(text::Normalize("结果(p<0.05)显著，见图(1)。")).empty());
  EXPECT_TRUE(FindAliases("(unclosed").empty());
}

TEST(AliasesTest, LookupCountsAttestingDocuments) {
  testing::TempDir dir;
  Xapian::WritableDatabase db(dir.path(), Xapian::DB_CREATE_OR_OPEN);
  for (int i = 0; i < 3; ++i) {
    Xapian::Document doc;
    doc.add_boolean_term(AliasTerm("碾压混凝土", "rcc"));
    if (i == 0) doc.add_boolean_term(AliasTerm("碾压混凝土", "rcd"));
    db.add_document(doc);
  }
  db.commit();
  EXPECT_EQ(LookupAliases(db, "碾压混凝土", 5), (std::vector<std::string>{"rcc", "rcd"}));
  EXPECT_EQ(LookupAliases(db, "碾压混凝土", 1), (std::vector<std::string>{"rcc"}));
  EXPECT_TRUE(LookupAliases(db, "碾压", 5).empty());  // whole names only
}

}  // namespace
}  // namespace kc::search
