#include "search/facets.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "search/schema.h"

namespace kc::search {
namespace {

std::vector<std::pair<std::string, uint64_t>> Pairs(const std::vector<FacetCount>& counts) {
  std::vector<std::pair<std::string, uint64_t>> out;
  for (const FacetCount& c : counts) out.emplace_back(c.value, c.count);
  return out;
}

// Counts the facets of every document of an in-memory database holding `values`.
Facets CountAll(const std::vector<std::string>& values) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const std::string& v : values) {
    Xapian::Document doc;
    doc.add_boolean_term("Tall");
    doc.add_value(kFacetsSlot, v);
    db.add_document(doc);
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("Tall"));
  FacetSpy spy;
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 1, db.get_doccount());
  return spy.Counts();
}

TEST(FacetsTest, EachFacetIsCountedMostFrequentFirstWithTiesInByteOrder) {
  const Facets f = CountAll({FacetsValue("demand", "工学", "材料科学", "440000"),
                             FacetsValue("achievement", "工学", "材料科学", "320000"),
                             FacetsValue("achievement", "理学", "化学", "440000"),
                             FacetsValue("achievement", "农学", "", "")});
  using P = std::vector<std::pair<std::string, uint64_t>>;
  EXPECT_EQ(Pairs(f.kind), (P{{"achievement", 3}, {"demand", 1}}));
  EXPECT_EQ(Pairs(f.category), (P{{"工学", 2}, {"农学", 1}, {"理学", 1}}));
  EXPECT_EQ(Pairs(f.discipline), (P{{"材料科学", 2}, {"化学", 1}}));
  EXPECT_EQ(Pairs(f.region), (P{{"440000", 2}, {"320000", 1}}));
}

TEST(FacetsTest, EmptyFieldsAndDocumentsWithoutTheValueAreNotCounted) {
  const Facets f =
      CountAll({FacetsValue("expert", "", "", ""), "", FacetsValue("", "", "", "110000")});
  ASSERT_EQ(f.kind.size(), 1u);
  EXPECT_EQ(f.kind[0].value, "expert");
  EXPECT_TRUE(f.category.empty());
  EXPECT_TRUE(f.discipline.empty());
  ASSERT_EQ(f.region.size(), 1u);
  EXPECT_EQ(f.region[0].value, "110000");
}

TEST(FacetsTest, ASeparatorInsideAFieldDoesNotShiftTheOthers) {
  const Facets f = CountAll({FacetsValue("demand", "工\x1f学", "化学", "440000")});
  ASSERT_EQ(f.category.size(), 1u);
  EXPECT_EQ(f.category[0].value, "工学");
  ASSERT_EQ(f.discipline.size(), 1u);
  EXPECT_EQ(f.discipline[0].value, "化学");
  ASSERT_EQ(f.region.size(), 1u);
  EXPECT_EQ(f.region[0].value, "440000");
}

}  // namespace
}  // namespace kc::search
