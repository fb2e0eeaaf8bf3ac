#include "core/text_encoding.h"

#include <gtest/gtest.h>

#include <string>

#include "core/utf8.h"

namespace kc {
namespace {

// GB18030 bytes of "技术需求,北京" (python: '技术需求,北京'.encode('gb18030')).
constexpr std::string_view kGbDemandBeijing = "\xBC\xBC\xCA\xF5\xD0\xE8\xC7\xF3,\xB1\xB1\xBE\xA9";

TEST(StripUtf8BomTest, StripsOnlyALeadingBom) {
  EXPECT_EQ(StripUtf8Bom("\xEF\xBB\xBFname,org"), "name,org");
  EXPECT_EQ(StripUtf8Bom("name,org"), "name,org");
  EXPECT_EQ(StripUtf8Bom("a\xEF\xBB\xBF"), "a\xEF\xBB\xBF");
  EXPECT_EQ(StripUtf8Bom("\xEF\xBB"), "\xEF\xBB");
  EXPECT_EQ(StripUtf8Bom(""), "");
}

TEST(DecodeToUtf8Test, ReturnsUtf8Unchanged) {
  const Result<std::string> r = DecodeToUtf8("技术需求,北京\r\n");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, "技术需求,北京\r\n");
}

TEST(DecodeToUtf8Test, StripsUtf8Bom) {
  const Result<std::string> r = DecodeToUtf8("\xEF\xBB\xBF标题,机构");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, "标题,机构");
}

TEST(DecodeToUtf8Test, RejectsInvalidBytesAfterUtf8Bom) {
  // With a UTF-8 BOM the file claims to be UTF-8: no GB18030 fallback.
  const Result<std::string> r =
      DecodeToUtf8(std::string("\xEF\xBB\xBF") + std::string(kGbDemandBeijing));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().kind(), ErrorKind::kBadInput);
  EXPECT_EQ(r.status().code(), "bad_encoding");
}

TEST(DecodeToUtf8Test, ConvertsGb18030) {
  const Result<std::string> r = DecodeToUtf8(kGbDemandBeijing);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, "技术需求,北京");
}

TEST(DecodeToUtf8Test, ConvertsGb18030FourByteSequences) {
  // 😀 U+1F600 = 94 39 FC 36, 𠀀 U+20000 = 95 32 82 36, U+0080 = 81 30 81 30, € = A2 E3.
  const Result<std::string> r =
      DecodeToUtf8("\x94\x39\xFC\x36|\x95\x32\x82\x36|\x81\x30\x81\x30|\xA2\xE3");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, "😀|𠀀|\xC2\x80|€");
}

TEST(DecodeToUtf8Test, RejectsBytesThatAreNeitherUtf8NorGb18030) {
  for (const std::string_view bad :
       {std::string_view("\xFF\xFF\xFF"), std::string_view("abc\x80"),
        std::string_view("\xBC\xBC\xCA")}) {  // truncated GB18030 two-byte character
    const Result<std::string> r = DecodeToUtf8(bad);
    ASSERT_FALSE(r.ok()) << SanitizeUtf8(bad);
    EXPECT_EQ(r.status().kind(), ErrorKind::kBadInput);
    EXPECT_EQ(r.status().code(), "bad_encoding");
    EXPECT_NE(r.status().message().find("GB18030"), std::string::npos);
  }
}

TEST(DecodeToUtf8Test, ConvertsUtf16LittleEndianWithBom) {
  // "技a😀\n": 技 = U+6280, 😀 = D83D DE00.
  const std::string bytes(
      "\xFF\xFE\x80\x62"
      "a\x00"
      "\x3D\xD8\x00\xDE\n\x00",
      12);
  const Result<std::string> r = DecodeToUtf8(bytes);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, "技a😀\n");
}

TEST(DecodeToUtf8Test, ConvertsUtf16BigEndianWithBom) {
  const std::string bytes(
      "\xFE\xFF\x62\x80\x00"
      "a",
      6);
  const Result<std::string> r = DecodeToUtf8(bytes);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(*r, "技a");
}

TEST(DecodeToUtf8Test, RejectsBrokenUtf16) {
  EXPECT_EQ(DecodeToUtf8(std::string("\xFF\xFE\x80\x62\x00", 5)).status().code(),
            "bad_encoding");  // odd length
  EXPECT_EQ(DecodeToUtf8(std::string("\xFF\xFE\x3D\xD8"
                                     "a\x00",
                                     6))
                .status()
                .code(),
            "bad_encoding");  // high surrogate without its low half
  EXPECT_EQ(DecodeToUtf8(std::string("\xFF\xFE\x00\xDE", 4)).status().code(),
            "bad_encoding");  // lone low surrogate
}

TEST(DecodeToUtf8Test, EmptyInputIsEmptyText) {
  const Result<std::string> r = DecodeToUtf8("");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "");
}

TEST(DecodeCharsetToUtf8Test, ReadsBig5GbkAndLatinByTheirNames) {
  // "產學合作" in Big5, "产学合作" in GBK, "café" in Windows-1252.
  auto big5 = DecodeCharsetToUtf8("\xB2\xA3\xBE\xC7\xA6\x58\xA7\x40", "Big5");
  ASSERT_TRUE(big5.ok());
  EXPECT_EQ(*big5, "產學合作");
  auto hkscs = DecodeCharsetToUtf8("\xB2\xA3\xBE\xC7", "big5-hkscs");
  ASSERT_TRUE(hkscs.ok());
  EXPECT_EQ(*hkscs, "產學");
  for (const char* name : {"gb2312", "GBK", "gb18030", "x-gbk"}) {
    auto gb = DecodeCharsetToUtf8("\xB2\xFA\xD1\xA7\xBA\xCF\xD7\xF7", name);
    ASSERT_TRUE(gb.ok()) << name;
    EXPECT_EQ(*gb, "产学合作") << name;
  }
  auto latin = DecodeCharsetToUtf8("caf\xE9", "ISO-8859-1");
  ASSERT_TRUE(latin.ok());
  EXPECT_EQ(*latin, "café");
  auto utf8 = DecodeCharsetToUtf8("产学", "UTF-8");
  ASSERT_TRUE(utf8.ok());
  EXPECT_EQ(*utf8, "产学");
}

TEST(DecodeCharsetToUtf8Test, RefusesUnknownNamesAndBytesOutsideTheCharset) {
  auto unknown = DecodeCharsetToUtf8("abc", "koi8-x");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), "unknown_charset");
  auto bad_big5 = DecodeCharsetToUtf8("\xB2", "big5");  // truncated
  ASSERT_FALSE(bad_big5.ok());
  EXPECT_EQ(bad_big5.status().code(), "bad_encoding");
  auto bad_utf8 = DecodeCharsetToUtf8("\xC3", "utf-8");
  ASSERT_FALSE(bad_utf8.ok());
  EXPECT_EQ(bad_utf8.status().code(), "bad_encoding");
}

}  // namespace
}  // namespace kc
