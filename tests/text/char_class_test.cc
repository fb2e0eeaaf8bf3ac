#include "text/char_class.h"

#include <gtest/gtest.h>

namespace kc::text {
namespace {

TEST(CharClassTest, HanKanaHangulAndWordLetters) {
  EXPECT_TRUE(IsCjkChar(U'神'));
  EXPECT_TRUE(IsCjkChar(U'〇'));
  EXPECT_TRUE(IsCjkChar(U'\u3400'));  // Extension A
  EXPECT_FALSE(IsCjkChar(U'，'));
  EXPECT_FALSE(IsCjkChar(U'。'));
  EXPECT_FALSE(IsCjkChar(U'・'));
  EXPECT_TRUE(IsWordLetter(U'q'));
  EXPECT_TRUE(IsWordLetter(U'é'));
  EXPECT_TRUE(IsWordLetter(U'α'));
  EXPECT_FALSE(IsWordLetter(U'×'));
  EXPECT_FALSE(IsWordLetter(U'7'));
}

}  // namespace
}  // namespace kc::text
