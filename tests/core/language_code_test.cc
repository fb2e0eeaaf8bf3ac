#include "core/language_code.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace kc {
namespace {

TEST(LanguageCodeTest, TheListHasNoDuplicatesAndOnlyTwoLowerCaseLetters) {
  std::set<std::string_view> seen;
  for (auto code : LanguageCodes()) {
    EXPECT_TRUE(seen.insert(code).second) << code;
    ASSERT_EQ(code.size(), 2u) << code;
    EXPECT_TRUE(code[0] >= 'a' && code[0] <= 'z' && code[1] >= 'a' && code[1] <= 'z') << code;
    EXPECT_TRUE(IsLanguageCode(code)) << code;
  }
  EXPECT_GE(seen.size(), 20u);
  // Chinese and English come first: the forms offer them first.
  EXPECT_EQ(LanguageCodes()[0], "zh");
  EXPECT_EQ(LanguageCodes()[1], "en");
}

TEST(LanguageCodeTest, RejectsUpperCaseThreeLetterCodesNamesAndEmpty) {
  for (const char* bad :
       {"EN", "En", "eng", "zho", "english", "中文", "", "e", " en", "en-GB", "xx"}) {
    EXPECT_FALSE(IsLanguageCode(bad)) << bad;
    Status s = ValidateLanguageCode(bad);
    ASSERT_FALSE(s.ok()) << bad;
    EXPECT_EQ(s.kind(), ErrorKind::kInvalid);
    EXPECT_EQ(s.code(), "unknown_language");
    EXPECT_EQ(s.field(), "languages");
  }
  EXPECT_EQ(ValidateLanguageCode("xx", "languages[2]").field(), "languages[2]");
  EXPECT_TRUE(ValidateLanguageCode("de").ok());
}

}  // namespace
}  // namespace kc
