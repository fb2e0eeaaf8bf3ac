#include "service/xlsx_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "service/xlsx_files.h"

namespace kc {
namespace {

using ::testing::ElementsAre;
using testing::WorkbookOf;
using testing::WorkbookOfParts;
using testing::ZipOf;

std::vector<XlsxRow> MustRead(const std::string& bytes, const XlsxLimits& limits = {}) {
  auto rows = ReadXlsxSheet(bytes, limits);
  EXPECT_TRUE(rows.ok()) << rows.status().code() << ": " << rows.status().message();
  return rows.ok() ? *rows : std::vector<XlsxRow>{};
}

TEST(XlsxReaderTest, ReadsStringsNumbersDatesAndEmptyCellsOfTheFirstSheet) {
  for (bool inline_strings : {false, true}) {
    std::string book = WorkbookOf({{"title", "maturity", "deadline", "", "note"},
                                   {"锂电池", "#6", "@2027-06-30", "", "x"},
                                   {},
                                   {"", "#0.25", "#-3", "#12345678901", ""}},
                                  inline_strings);
    ASSERT_TRUE(LooksLikeZip(book));
    auto rows = MustRead(book);
    ASSERT_EQ(rows.size(), 3u) << "the empty third row is left out";
    EXPECT_EQ(rows[0].number, 1);
    EXPECT_THAT(rows[0].cells, ElementsAre("title", "maturity", "deadline", "", "note"));
    EXPECT_EQ(rows[1].number, 2);
    EXPECT_THAT(rows[1].cells, ElementsAre("锂电池", "6", "2027-06-30", "", "x"));
    EXPECT_EQ(rows[2].number, 4);
    EXPECT_THAT(rows[2].cells, ElementsAre("", "0.25", "-3", "12345678901"));
  }
}

TEST(XlsxReaderTest, SharedStringsJoinRichTextRunsAndSkipPhoneticGuides) {
  auto rows = MustRead(WorkbookOfParts(
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>0</v></c></row>",
      "<si><t>简单</t></si>"
      "<si><r><t>低温</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">电解液 </t></r>"
      "<rPh sb=\"0\" eb=\"2\"><t>ていおん</t></rPh></si>"));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_THAT(rows[0].cells, ElementsAre("低温电解液 ", "", "简单"));
}

TEST(XlsxReaderTest, InlineFormulaBooleanErrorAndIsoDateCells) {
  auto rows = MustRead(
      WorkbookOfParts("<row r=\"3\"><c t=\"inlineStr\"><is><t>内联</t></is></c>"
                      "<c t=\"str\"><f>A1&amp;\"x\"</f><v>内联x</v></c><c t=\"b\"><v>1</v></c>"
                      "<c t=\"e\"><v>#N/A</v></c><c t=\"d\"><v>2026-05-01T00:00:00</v></c>"
                      "<c><f>1+1</f><v>2</v></c></row>"));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].number, 3);
  EXPECT_THAT(rows[0].cells, ElementsAre("内联", "内联x", "true", "#N/A", "2026-05-01", "2"));
}

TEST(XlsxReaderTest, DatesFollowTheCellsNumberFormatAndTheDateSystem) {
  const std::string styles =
      "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月"
      "&quot;d&quot;日&quot;\"/><numFmt numFmtId=\"165\" formatCode=\"[Red]0.00\"/></numFmts>"
      "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
      "<xf numFmtId=\"165\"/><xf numFmtId=\"22\"/></cellXfs>";
  const std::string sheet =
      "<row r=\"1\"><c s=\"1\"><v>46022</v></c><c s=\"2\"><v>1</v></c><c s=\"3\"><v>46022</v></c>"
      "<c s=\"4\"><v>46022.5</v></c><c s=\"1\"><v>59</v></c><c s=\"1\"><v>61</v></c></row>";
  auto rows = MustRead(WorkbookOfParts(sheet, "", styles));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_THAT(rows[0].cells, ElementsAre("2025-12-31", "1900-01-01", "46022", "2025-12-31T12:00:00",
                                         "1900-02-28", "1900-03-01"));
  auto in1904 = MustRead(WorkbookOfParts(sheet, "", styles, "<workbookPr date1904=\"1\"/>"));
  ASSERT_EQ(in1904.size(), 1u);
  EXPECT_EQ(in1904[0].cells[0], "2030-01-01");  // 46022 days after 1904-01-01
  EXPECT_EQ(in1904[0].cells[1], "1904-01-02");
}

TEST(XlsxReaderTest, WhatIsNotAWorkbookIsABadInputNamingTheProblem) {
  std::string book = WorkbookOf({{"a"}, {"b"}});
  std::string truncated = book.substr(0, book.size() / 2);
  std::string flipped = book;
  // Damage throughout, but for the signature and the end-of-directory record.
  for (size_t i = 4; i + 22 < flipped.size(); i += 7) flipped[i] ^= 0x5a;
  const std::vector<std::string> bad = {
      "title,description\n",
      truncated,
      flipped,
      ZipOf({{"hello.txt", "not a workbook"}}),
      WorkbookOfParts("<row r=\"1\"><c><v>1</v></row>"),  // not well-formed
      WorkbookOfParts("<row r=\"1\"><c t=\"s\"><v>5</v></c></row>", "<si><t>a</t></si>"),
      WorkbookOfParts("<row r=\"2\"/><row r=\"1\"/>"),  // rows go backwards
      ZipOf({{"xl/workbook.xml",
              "<!DOCTYPE w [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><w>&b;</w>"}}),
  };
  for (size_t i = 0; i < bad.size(); ++i) {
    auto rows = ReadXlsxSheet(bad[i]);
    ASSERT_FALSE(rows.ok()) << "case " << i;
    EXPECT_EQ(rows.status().kind(), ErrorKind::kBadInput) << "case " << i;
    EXPECT_EQ(rows.status().code(), "invalid_xlsx")
        << "case " << i << ": " << rows.status().message();
  }
}

TEST(XlsxReaderTest, AWorkbookThatUnpacksToTooMuchIsRefusedWhileReading) {
  // A ZIP bomb: a sheet of 80 MiB of spaces, a few hundred KiB packed.
  std::string bomb = WorkbookOfParts(std::string(80u << 20, ' '));
  EXPECT_LT(bomb.size(), 1u << 20);
  auto rows = ReadXlsxSheet(bomb);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().kind(), ErrorKind::kTooLarge);
  EXPECT_EQ(rows.status().code(), "xlsx_too_large");

  // Smaller limits apply to every part, and to all parts together.
  std::string book = WorkbookOf({{"title"}, {std::string(5000, 'x')}});
  EXPECT_TRUE(ReadXlsxSheet(book).ok());
  EXPECT_EQ(ReadXlsxSheet(book, {.max_part_bytes = 4000}).status().code(), "xlsx_too_large");
  EXPECT_EQ(ReadXlsxSheet(book, {.max_total_bytes = 4000}).status().code(), "xlsx_too_large");
  auto wide = ReadXlsxSheet(book, {.max_columns = 0});
  EXPECT_EQ(wide.status().code(), "too_many_columns");
}

}  // namespace
}  // namespace kc
