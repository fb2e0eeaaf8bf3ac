#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace kc {
namespace {

// GB18030 bytes of "技术需求,北京" (python: '技术需求,北京'.encode('gb18030')).
constexpr std::string_view kGbDemandBeijing = "\xBC\xBC\xCA\xF5\xD0\xE8\xC7\xF3,\xB1\xB1\xBE\xA9";

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
  EXPECT_EQ(Utf8Length(s), 4u);
}

TEST(Utf8Test, MalformedBytesAdvanceOneByte) {
  for (const std::string bad :
       {"\x80", "\xC0\xAF", "\xE7\xA5", "\xED\xA0\x80", "\xF5\x80\x80\x80", "\xE7\x41\x41"}) {
    size_t pos = 0;
    EXPECT_EQ(DecodeUtf8(bad, &pos), kInvalidCodePoint) << bad;
    EXPECT_EQ(pos, 1u);
  }
}

TEST(IsValidUtf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("技术需求,北京"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));  // U+1F600
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
  EXPECT_TRUE(IsValidUtf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
  EXPECT_TRUE(IsValidUtf8(std::string_view("a\0b", 3)));
}

TEST(IsValidUtf8Test, RejectsOverlongs) {
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));  // '/' in two bytes
  EXPECT_FALSE(IsValidUtf8("\xC1\xBF"));
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // '/' in three bytes
  EXPECT_FALSE(IsValidUtf8("\xF0\x80\x80\xAF"));  // '/' in four bytes
  EXPECT_FALSE(IsValidUtf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in four bytes
}

TEST(IsValidUtf8Test, RejectsSurrogatesAndBeyondUnicode) {
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // U+D800
  EXPECT_FALSE(IsValidUtf8("\xED\xBF\xBF"));      // U+DFFF
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(IsValidUtf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

TEST(IsValidUtf8Test, RejectsTruncatedAndStrayBytes) {
  EXPECT_FALSE(IsValidUtf8("\xE6\x8A"));  // first two bytes of 技
  EXPECT_FALSE(IsValidUtf8("abc\xF0\x9F\x98"));
  EXPECT_FALSE(IsValidUtf8("\x80"));
  EXPECT_FALSE(
      IsValidUtf8("\xE6\x8A"
                  "a"));
  EXPECT_FALSE(IsValidUtf8(kGbDemandBeijing));
}

TEST(SanitizeUtf8Test, KeepsValidText) {
  EXPECT_EQ(SanitizeUtf8("技术需求 ok 😀"), "技术需求 ok 😀");
}

TEST(SanitizeUtf8Test, ReplacesEachMaximalIllFormedSubpart) {
  EXPECT_EQ(SanitizeUtf8("a\xFF"
                         "b"),
            "a\uFFFD"
            "b");
  EXPECT_EQ(SanitizeUtf8("\xE6\x8A"
                         "a"),
            "\uFFFD"
            "a");                                                 // truncated 3-byte: one U+FFFD
  EXPECT_EQ(SanitizeUtf8("\xC0\xAF"), "\uFFFD\uFFFD");            // C0 is never valid, 0xAF stray
  EXPECT_EQ(SanitizeUtf8("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");  // surrogate
  EXPECT_EQ(SanitizeUtf8("x\xF0\x9F\x98"), "x\uFFFD");
  EXPECT_EQ(SanitizeUtf8(kGbDemandBeijing),
            "\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD"
            ",\uFFFD\uFFFD\uFFFD\uFFFD");
  EXPECT_TRUE(IsValidUtf8(SanitizeUtf8("\x80\xBF\xF8\x88\x80\x80\x80")));
}

TEST(Utf8Test, LengthAndPrefixCountCharactersNotBytes) {
  EXPECT_EQ(Utf8Length(""), 0u);
  EXPECT_EQ(Utf8Length("abc"), 3u);
  EXPECT_EQ(Utf8Length("技术需求"), 4u);
  EXPECT_EQ(Utf8Length("a\xF0\x9F\x98\x80"), 2u);
  EXPECT_EQ(Utf8Prefix("技术需求", 2), "技术…");
  EXPECT_EQ(Utf8Prefix("技术需求", 4), "技术需求");
  EXPECT_EQ(Utf8Prefix("技术需求", 10), "技术需求");
  EXPECT_EQ(Utf8Prefix("abc", 0), "…");
}

}  // namespace
}  // namespace kc
