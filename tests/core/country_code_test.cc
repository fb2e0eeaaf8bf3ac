#include "core/country_code.h"

#include <gtest/gtest.h>

#include <string>

namespace kc {
namespace {

TEST(CountryCodeTest, ExactlyTwoHundredFortyNineCodesAreAssigned) {
  int assigned = 0;
  for (char a = 'A'; a <= 'Z'; ++a) {
    for (char b = 'A'; b <= 'Z'; ++b) assigned += IsCountryCode(std::string{a, b}) ? 1 : 0;
  }
  EXPECT_EQ(assigned, 249);
}

TEST(CountryCodeTest, KnowsCountriesAndTerritories) {
  for (const char* code :
       {"CN", "HK", "MO", "TW", "US", "DE", "GB", "JP", "AD", "ZW", "SS", "BQ", "AQ", "BV"}) {
    EXPECT_TRUE(IsCountryCode(code)) << code;
    EXPECT_TRUE(ValidateCountryCode(code).ok()) << code;
  }
}

TEST(CountryCodeTest, RejectsUnassignedLowerCaseAndMalformed) {
  // XK (Kosovo) and EU are user-assigned or reserved, not assigned; UK is reserved for GB.
  for (const char* code : {"XK", "EU", "UK", "ZZ", "cn", "Cn", "", "C", "CHN", " CN"}) {
    EXPECT_FALSE(IsCountryCode(code)) << code;
    Status s = ValidateCountryCode(code);
    ASSERT_FALSE(s.ok()) << code;
    EXPECT_EQ(s.kind(), ErrorKind::kInvalid);
    EXPECT_EQ(s.code(), "invalid_country");
    EXPECT_EQ(s.field(), "country");
  }
  EXPECT_EQ(ValidateCountryCode("ZZ", "org.country").field(), "org.country");
  // A long value is not repeated in the message.
  EXPECT_LT(ValidateCountryCode(std::string(1 << 20, 'Z')).message().size(), 100u);
}

}  // namespace
}  // namespace kc
