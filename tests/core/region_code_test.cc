#include "core/region_code.h"

#include <gtest/gtest.h>

#include <string>

namespace kc {
namespace {

TEST(RegionCodeTest, AcceptsProvinceCityAndCountyCodes) {
  for (const char* code :
       {"110000", "440300", "440305", "650000", "710000", "810000", "820000", "150102", "540100"}) {
    EXPECT_TRUE(ValidateRegionCode(code).ok()) << code;
  }
}

TEST(RegionCodeTest, AllThirtyFourProvincesAreKnown) {
  int known = 0;
  for (int p = 10; p < 100; ++p) {
    std::string code = std::to_string(p) + "0000";
    if (ValidateRegionCode(code).ok()) {
      ++known;
      EXPECT_TRUE(ProvinceName(code).has_value()) << code;
      EXPECT_FALSE(ProvinceNameEn(code).empty()) << code;
    }
  }
  EXPECT_EQ(known, 34);
}

TEST(RegionCodeTest, RejectsMalformedCodes) {
  for (const char* code :
       {"990000", "11000", "1100a0", "", "1100000", "160000", "000000", " 11000", "720000"}) {
    Status s = ValidateRegionCode(code);
    ASSERT_FALSE(s.ok()) << code;
    EXPECT_EQ(s.kind(), ErrorKind::kInvalid);
    EXPECT_EQ(s.code(), "invalid_region");
    EXPECT_EQ(s.field(), "region");
  }
  EXPECT_EQ(ValidateRegionCode("990000", "org.region").field(), "org.region");
}

TEST(RegionCodeTest, NamesProvinces) {
  EXPECT_EQ(ProvinceName("110000"), "北京市");
  EXPECT_EQ(ProvinceName("440305"), "广东省");
  EXPECT_EQ(ProvinceName("650100"), "新疆维吾尔自治区");
  EXPECT_EQ(ProvinceName("820000"), "澳门特别行政区");
  EXPECT_EQ(ProvinceNameEn("110000"), "Beijing");
  EXPECT_EQ(ProvinceNameEn("440305"), "Guangdong");
  EXPECT_EQ(ProvinceNameEn("610000"), "Shaanxi");
  EXPECT_EQ(ProvinceNameEn("140000"), "Shanxi");
  EXPECT_FALSE(ProvinceName("990000").has_value());
  EXPECT_FALSE(ProvinceName("1").has_value());
  EXPECT_TRUE(ProvinceNameEn("990000").empty());
}

}  // namespace
}  // namespace kc
