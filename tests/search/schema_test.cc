#include "search/schema.h"

#include <gtest/gtest.h>

namespace kc::search {
namespace {

TEST(SchemaTest, RegionLevelsFromCountyToProvince) {
  EXPECT_EQ(RegionLevels("440305"), (std::vector<std::string>{"440305", "440300", "440000"}));
  EXPECT_EQ(RegionLevels("440300"), (std::vector<std::string>{"440300", "440000"}));
  EXPECT_EQ(RegionLevels("110000"), (std::vector<std::string>{"110000"}));
  EXPECT_TRUE(RegionLevels("").empty());
  EXPECT_TRUE(RegionLevels("44030").empty());
  EXPECT_TRUE(RegionLevels("44030x").empty());
}

TEST(SchemaTest, ProvinceOf) {
  EXPECT_EQ(ProvinceOf("320105"), "320000");
  EXPECT_EQ(ProvinceOf("abc"), "");
}

TEST(SchemaTest, PersonKeyFoldsScriptWidthAndSpaces) {
  EXPECT_EQ(PersonKey("張 偉"), "张伟");
  EXPECT_EQ(PersonKey("张伟"), "张伟");
  EXPECT_EQ(PersonKey("Ｌｉ Ｍｉｎｇ"), "liming");
}

TEST(SchemaTest, TermIsPrefixAndValue) { EXPECT_EQ(Term(kCategoryPrefix, "工学"), "XC工学"); }

}  // namespace
}  // namespace kc::search
