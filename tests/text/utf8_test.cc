#include "text/utf8.h"

#include <gtest/gtest.h>

namespace kc::text {
namespace {

TEST(Utf8Test, DecodesAndEncodesEveryLength) {
  const std::string s = "a\xC3\xA9\xE7\xA5\x9E\xF0\xA0\x80\x80";  // a é 神 𠀀
  size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(s, &pos), U'a');
  EXPECT_EQ(DecodeUtf8(s, &pos), U'\u00E9');
  EXPECT_EQ(DecodeUtf8(s, &pos), U'\u795E');
  EXPECT_EQ(DecodeUtf8(s, &pos), U'\U00020000');
  EXPECT_EQ(pos, s.size());
  std::string out;
  for (char32_t cp : {U'a', U'\u00E9', U'\u795E', U'\U00020000'}) AppendUtf8(cp, &out);
  EXPECT_EQ(out, s);
  EXPECT_EQ(CountCodePoints(s), 4u);
}

TEST(Utf8Test, MalformedBytesAdvanceOneByte) {
  for (const std::string bad :
       {"\x80", "\xC0\xAF", "\xE7\xA5", "\xED\xA0\x80", "\xF5\x80\x80\x80", "\xE7\x41\x41"}) {
    size_t pos = 0;
    EXPECT_EQ(DecodeUtf8(bad, &pos), kInvalidCodePoint) << bad;
    EXPECT_EQ(pos, 1u);
  }
}

TEST(Utf8Test, CharacterClasses) {
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
