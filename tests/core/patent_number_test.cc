#include "core/patent_number.h"

#include <gtest/gtest.h>

#include <string>

namespace kc {
namespace {

// An independent check: the weighted sum written out by hand for each example.
TEST(PatentNumberTest, CheckCharMatchesHandComputation) {
  // 2*2+3*0+4*2+5*0+6*1+7*0+8*1+9*2+2*3+3*4+4*5+5*6 = 112; 112 mod 11 = 2.
  EXPECT_EQ(PatentCheckChar("202010123456"), '2');
  // 2*2+3*0+4*0+5*4+6*1+7*0+8*0+9*1+2*8+3*4+4*7+5*7 = 130; 130 mod 11 = 9.
  EXPECT_EQ(PatentCheckChar("200410018477"), '9');
  // 2*9+3*8+4*1+5*2+6*3+7*4+8*5+9*6 = 196; 196 mod 11 = 9.
  EXPECT_EQ(PatentCheckChar("98123456"), '9');
  // 2*2+3*0+4*0+5*3+6*1+7*0+8*0+9*0+2*0+3*0+4*0+5*1 = 30; 30 mod 11 = 8.
  EXPECT_EQ(PatentCheckChar("200310000001"), '8');
}

TEST(PatentNumberTest, CheckCharTenIsX) {
  // 2*2+3*0+4*2+5*1+6*1+7*0+8*0+9*0+2*0+3*0+4*0+5*4 = 43; 43 mod 11 = 10.
  EXPECT_EQ(PatentCheckChar("202110000004"), 'X');
  EXPECT_TRUE(ValidatePatentNumber("202110000004.X").ok());
  EXPECT_TRUE(ValidatePatentNumber("202110000004.x").ok());
  EXPECT_FALSE(ValidatePatentNumber("202110000004.0").ok());
}

TEST(PatentNumberTest, CheckCharRejectsOtherLengths) {
  EXPECT_EQ(PatentCheckChar("2020101234"), '\0');
  EXPECT_EQ(PatentCheckChar("20201012345A"), '\0');
  EXPECT_EQ(PatentCheckChar(""), '\0');
}

TEST(PatentNumberTest, AcceptsAndNormalizesApplicationForms) {
  for (const char* s : {"202010123456.2", "CN202010123456.2", "ZL202010123456.2",
                        "ZL 202010123456.2", " zl202010123456.2 ", "2020101234562"}) {
    EXPECT_TRUE(ValidatePatentNumber(s).ok()) << s;
    EXPECT_EQ(NormalizePatentNumber(s), "202010123456.2") << s;
  }
  EXPECT_TRUE(ValidatePatentNumber("200410018477.9").ok());
  EXPECT_TRUE(ValidatePatentNumber("98123456.9").ok());
  EXPECT_EQ(NormalizePatentNumber("ZL98123456.9"), "98123456.9");
  EXPECT_EQ(NormalizePatentNumber("981234569"), "98123456.9");
}

TEST(PatentNumberTest, AcceptsPublicationNumbers) {
  for (const char* s : {"CN112345678A", "CN112345678B", "CN212345678U", "CN112345678C",
                        "CN302345678S", "cn112345678a"}) {
    EXPECT_TRUE(ValidatePatentNumber(s).ok()) << s;
  }
  EXPECT_EQ(NormalizePatentNumber("cn 112345678a"), "CN112345678A");
  EXPECT_FALSE(ValidatePatentNumber("CN112345678Z").ok());
  EXPECT_FALSE(ValidatePatentNumber("CN11234567A").ok());
  EXPECT_FALSE(ValidatePatentNumber("112345678A").ok());
}

TEST(PatentNumberTest, RejectsWrongCheckCharacterAndNamesTheField) {
  Status s = ValidatePatentNumber("CN202010123456.7", "patent_numbers");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.kind(), ErrorKind::kInvalid);
  EXPECT_EQ(s.field(), "patent_numbers");
  EXPECT_EQ(s.code(), "invalid_patent_number");
  EXPECT_NE(s.message().find("expected '2'"), std::string::npos) << s.message();
  EXPECT_EQ(ValidatePatentNumber("98123456.X").field(), "patents");
}

TEST(PatentNumberTest, RejectsBadYearOrType) {
  // Valid check characters, so only the year or the type digit is to blame.
  std::string old_year = std::string("198410000001.") + PatentCheckChar("198410000001");
  std::string bad_type = std::string("202040000001.") + PatentCheckChar("202040000001");
  std::string bad_short_year = std::string("50123456.") + PatentCheckChar("50123456");
  std::string bad_short_type = std::string("98423456.") + PatentCheckChar("98423456");
  for (const std::string& s : {old_year, bad_type, bad_short_year, bad_short_type}) {
    Status status = ValidatePatentNumber(s);
    EXPECT_FALSE(status.ok()) << s;
    EXPECT_TRUE(status.message().find("year") != std::string::npos ||
                status.message().find("type") != std::string::npos)
        << status.message();
  }
  std::string pct = std::string("202080000001.") + PatentCheckChar("202080000001");
  EXPECT_TRUE(ValidatePatentNumber(pct).ok()) << pct;
}

TEST(PatentNumberTest, RejectsMalformedInput) {
  for (const char* s :
       {"", "CN", "20201012345.6", "202010123456", "202010123456.", "2020101234A6.2",
        "202010123456.22", "202010123456-2", "XY202010123456.2"}) {
    Status status = ValidatePatentNumber(s);
    EXPECT_FALSE(status.ok()) << s;
    EXPECT_EQ(status.code(), "invalid_patent_number");
  }
}

}  // namespace
}  // namespace kc
