#include "service/password_policy.h"

#include <gtest/gtest.h>

#include <string>

namespace kc {
namespace {

std::string CodeOf(std::string_view password, std::string_view username = "lihua") {
  Status s = ValidatePassword(password, username);
  return s.ok() ? "ok" : s.code();
}

TEST(PasswordPolicyTest, TheWeakPasswordsOfTheAttackReviewAreRefused) {
  EXPECT_EQ(CodeOf("password"), "common_password");
  EXPECT_EQ(CodeOf("12345678"), "common_password");
  EXPECT_EQ(CodeOf("        "), "blank_password");
  EXPECT_EQ(CodeOf("lihua-lihua", "lihua"), "password_has_username");
  EXPECT_EQ(CodeOf("lihuaLIHUA", "LiHua"), "password_has_username") << "case is ignored";
}

TEST(PasswordPolicyTest, LengthIsCountedInCharactersNotBytes) {
  // Seven Chinese characters are 21 bytes but too short; eight are enough.
  EXPECT_EQ(CodeOf("科技成果转化平"), "weak_password");
  EXPECT_EQ(CodeOf("科技成果转化平台"), "ok");
  EXPECT_EQ(CodeOf(std::string(128 / 2, 'x') + std::string(128 / 2, 'y')), "ok");
  EXPECT_EQ(CodeOf("zq" + std::string(127, 'y')), "too_long");
  // 128 four-byte characters are 512 bytes: still allowed; more than 1024 bytes never are.
  std::string emoji;
  for (int i = 0; i < 64; ++i) emoji += "\xF0\x9F\x94\x91\xF0\x9F\x8C\xB1";  // 🔑🌱
  EXPECT_EQ(CodeOf(emoji), "ok");
  EXPECT_EQ(CodeOf(std::string(kMaxPasswordBytes + 1, 'x')), "too_long");
}

TEST(PasswordPolicyTest, WhiteSpaceOfAnyKindAloneIsBlank) {
  EXPECT_EQ(CodeOf("\t\t\t\t\t\t\t\t"), "blank_password");
  EXPECT_EQ(CodeOf("\xE3\x80\x80\xE3\x80\x80\xE3\x80\x80\xE3\x80\x80"
                   "\xE3\x80\x80\xE3\x80\x80\xE3\x80\x80\xE3\x80\x80"),  // ideographic spaces
            "blank_password");
  EXPECT_EQ(CodeOf("   a quiet river   "), "ok") << "spaces inside a password are fine";
}

TEST(PasswordPolicyTest, CommonPasswordsStemsAndPatternsAreRefusedInAnyCase) {
  for (const char* common :
       {"PASSWORD",     "Password1",    "password123!", "qwerty123",   "1qaz2wsx",
        "iloveyou",     "woaini1314",   "5201314520",   "Dragon2024!", "!!monkey!!",
        "zhangwei1988", "WangFang0808", "abcdefgh",     "98765432",    "aaaaaaaa",
        "abcabcabc",    "12121212",     "19880808",     "1988-08-08",  "08081988",
        "11111111",     "88888888",     "p@ssw0rd",     "admin123",    "qwertyuiop"}) {
    EXPECT_TRUE(IsCommonPassword(common)) << common;
    EXPECT_EQ(CodeOf(common, "someone"), "common_password") << common;
  }
}

TEST(PasswordPolicyTest, OrdinaryStrongPasswordsPass) {
  for (const char* fine : {"correct horse battery", "Tea-Garden-4471", "清风徐来水波不兴",
                           "my dog ate 3 lemons", "Kz8#rT2!pQ", "83749261x", "river-stone-oak"}) {
    EXPECT_FALSE(IsCommonPassword(fine)) << fine;
    EXPECT_EQ(CodeOf(fine, "someone"), "ok") << fine;
  }
}

TEST(PasswordPolicyTest, InvalidUtf8IsRefused) {
  EXPECT_EQ(CodeOf("abc\xFF\xFE"
                   "defgh"),
            "invalid_password");
}

TEST(PasswordPolicyTest, MessagesNeverEchoThePassword) {
  const std::string secret = "lihua-secret-value";
  Status s = ValidatePassword(secret, "lihua");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.field(), "password");
  EXPECT_EQ(s.message().find("secret"), std::string::npos);
}

}  // namespace
}  // namespace kc
