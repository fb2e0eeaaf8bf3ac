#include "core/credit_code.h"

#include <gtest/gtest.h>

#include <string>

namespace kc {
namespace {

// An independent check: the weights written out (3^i mod 31) rather than computed.
char ReferenceCheckChar(const std::string& first17) {
  static const int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  static const std::string kChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += static_cast<int>(kChars.find(first17[i])) * kWeights[i];
  int check = 31 - sum % 31;
  return kChars[check == 31 ? 0 : check];
}

TEST(CreditCodeTest, AcceptsCodesWithCorrectCheckCharacter) {
  for (const std::string code : {"91350100M000100Y43", "914403001922038216", "91110000802100433B",
                                 "91440300708461136T", "91330100716105852F"}) {
    EXPECT_EQ(ReferenceCheckChar(code.substr(0, 17)), code[17]) << code;
    EXPECT_EQ(CreditCodeCheckChar(code.substr(0, 17)), code[17]) << code;
    EXPECT_TRUE(ValidateCreditCode(code).ok()) << code;
  }
}

TEST(CreditCodeTest, CheckCharMatchesReferenceOnGeneratedBodies) {
  // Bodies covering every character of the alphabet and a check of 0 (sum ≡ 0 mod 31).
  for (const std::string body : {"91310000MA1FL0ABC", "00000000000000000", "YYYYYYYYYYYYYYYYY",
                                 "123456789ABCDEFGH", "JKLMNPQRTUWXY0123"}) {
    char check = CreditCodeCheckChar(body);
    EXPECT_EQ(check, ReferenceCheckChar(body)) << body;
    EXPECT_TRUE(ValidateCreditCode(body + check).ok()) << body;
  }
  EXPECT_EQ(CreditCodeCheckChar("00000000000000000"), '0');
}

TEST(CreditCodeTest, RejectsWrongCheckCharacter) {
  Status s = ValidateCreditCode("911100001000013350");  // check should be 'L'
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.kind(), ErrorKind::kInvalid);
  EXPECT_EQ(s.field(), "credit_code");
  EXPECT_EQ(s.code(), "invalid_credit_code");
  EXPECT_NE(s.message().find("expected 'L'"), std::string::npos) << s.message();
  EXPECT_TRUE(ValidateCreditCode("91110000100001335L").ok());
  EXPECT_FALSE(ValidateCreditCode("91350100M000100Y44").ok());
}

TEST(CreditCodeTest, RejectsWrongLength) {
  for (const char* code : {"", "91350100M000100Y4", "91350100M000100Y433"}) {
    Status s = ValidateCreditCode(code);
    ASSERT_FALSE(s.ok()) << code;
    EXPECT_NE(s.message().find("18 characters"), std::string::npos) << s.message();
  }
}

TEST(CreditCodeTest, RejectsCharactersOutsideTheAlphabet) {
  // I, O, S, V, Z and lower case are not allowed, even where the sum would work out.
  for (const char* code :
       {"91350100I000100Y43", "91350100O000100Y43", "91350100S000100Y43", "91350100V000100Y43",
        "91350100Z000100Y43", "91350100m000100Y43", "91350100-000100Y43"}) {
    Status s = ValidateCreditCode(code);
    ASSERT_FALSE(s.ok()) << code;
    EXPECT_NE(s.message().find("position 9"), std::string::npos) << s.message();
  }
  EXPECT_EQ(CreditCodeCheckChar("91350100I000100Y4"), '\0');
  EXPECT_EQ(CreditCodeCheckChar("9135"), '\0');
}

TEST(CreditCodeTest, NormalizeTrimsAndUpperCases) {
  EXPECT_EQ(NormalizeCreditCode("  91350100m000100y43\t\n"), "91350100M000100Y43");
  EXPECT_TRUE(ValidateCreditCode(NormalizeCreditCode(" 91350100m000100y43 ")).ok());
  EXPECT_EQ(NormalizeCreditCode(""), "");
  EXPECT_EQ(NormalizeCreditCode("   "), "");
}

}  // namespace
}  // namespace kc
