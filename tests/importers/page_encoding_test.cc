#include "importers/page_encoding.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

// "來源：寶島資訊。" and "来源：华夏网。" in Big5 and in GB2312.
constexpr char kBig5[] = "\xA8\xD3\xB7\xBD\xA1\x47\xC4\x5F\xAE\x71\xB8\xEA\xB0\x54\xA1\x43";
constexpr char kGb[] = "\xC0\xB4\xD4\xB4\xA3\xBA\xBB\xAA\xCF\xC4\xCD\xF8\xA1\xA3";

TEST(PageEncodingTest, TheMetaTagDeclaresTheCharset) {
  EXPECT_EQ(DeclaredCharset("<html><head><meta charset=\"Big5\"></head>"), "big5");
  EXPECT_EQ(DeclaredCharset("<META http-equiv=Content-Type content=\"text/html; charset=gb2312\">"),
            "gb2312");
  EXPECT_EQ(DeclaredCharset("<meta name='x' content='y'><meta charset=utf-8 />"), "utf-8");
  EXPECT_EQ(DeclaredCharset("<p>charset=big5 in the text is no declaration</p>"), "");
  EXPECT_EQ(DeclaredCharset(""), "");
}

TEST(PageEncodingTest, TheContentTypeHeaderNamesTheCharset) {
  EXPECT_EQ(CharsetOfContentType("text/html; charset=Big5"), "big5");
  EXPECT_EQ(CharsetOfContentType("text/plain;charset=\"GBK\""), "gbk");
  EXPECT_EQ(CharsetOfContentType("text/html"), "");
}

TEST(PageEncodingTest, Big5IsToldFromGbk) {
  EXPECT_TRUE(LooksLikeBig5(std::string(kBig5) + kBig5));
  EXPECT_FALSE(LooksLikeBig5(std::string(kGb) + kGb));
  EXPECT_FALSE(LooksLikeBig5("ascii only"));
  EXPECT_FALSE(LooksLikeBig5("\x81\x30\x81\x30\xA8\xD3\xA1\x47\xA1\x47\xA1\x43"))
      << "a GB18030 four-byte sequence";
}

TEST(PageEncodingTest, DeclaredBig5IsDecoded) {
  std::string page = std::string("<meta charset=\"big5\"><p>") + kBig5 + "</p>";
  auto text = DecodePageToUtf8(page, "");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "<meta charset=\"big5\"><p>來源：寶島資訊。</p>");
}

TEST(PageEncodingTest, TheHeaderWinsOverTheMetaTag) {
  std::string page = std::string("<meta charset=\"gb2312\"><p>") + kBig5 + "</p>";
  auto text = DecodePageToUtf8(page, "big5");
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->find("來源：寶島資訊。"), std::string::npos);
}

TEST(PageEncodingTest, UndeclaredPagesAreSniffed) {
  auto big5 = DecodePageToUtf8(std::string(kBig5) + "\n" + kBig5, "");
  ASSERT_TRUE(big5.ok());
  EXPECT_EQ(*big5, "來源：寶島資訊。\n來源：寶島資訊。");
  auto gb = DecodePageToUtf8(std::string(kGb) + "\n" + kGb, "");
  ASSERT_TRUE(gb.ok());
  EXPECT_EQ(*gb, "来源：华夏网。\n来源：华夏网。");
}

TEST(PageEncodingTest, AWrongOrUnknownDeclarationFallsBackToSniffing) {
  // Declared UTF-8, but the bytes are GB2312; declared a charset nobody knows.
  for (const char* meta : {"<meta charset=\"utf-8\">", "<meta charset=\"x-unknown\">"}) {
    auto text = DecodePageToUtf8(std::string(meta) + kGb + kGb, "");
    ASSERT_TRUE(text.ok()) << meta;
    EXPECT_NE(text->find("来源：华夏网。来源：华夏网。"), std::string::npos) << *text;
  }
}

TEST(PageEncodingTest, Utf8IsKeptWhateverThePageDeclares) {
  auto text = DecodePageToUtf8("<meta charset=\"big5\"><p>来源：华夏网</p>", "gbk");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "<meta charset=\"big5\"><p>来源：华夏网</p>");
  auto bom = DecodePageToUtf8("\xEF\xBB\xBF正文", "");
  ASSERT_TRUE(bom.ok());
  EXPECT_EQ(*bom, "正文");
}

TEST(PageEncodingTest, BytesNothingDecodesAreRefused) {
  auto text = DecodePageToUtf8("\xFF\xFF\xFF", "");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), "bad_encoding");
}

}  // namespace
}  // namespace kc
