#include "core/csv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kc {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A record as read, or the error code of a malformed one, with its line.
struct Read {
  int line;
  std::vector<std::string> fields;
  std::string error;  // empty when the record parsed
};

std::vector<Read> ReadAll(std::string_view text, char delimiter = ',') {
  CsvReader reader(text, delimiter);
  std::vector<Read> out;
  CsvRecord record;
  Status error;
  while (reader.Next(&record, &error)) {
    out.push_back({record.line, record.fields, error.ok() ? "" : error.code()});
    if (out.size() > 100) break;  // guards the test against a reader that does not advance
  }
  return out;
}

TEST(CsvReaderTest, ReadsSimpleRecordsWithLineNumbers) {
  const std::vector<Read> r = ReadAll("title,org\n需求一,北京大学\n需求二,清华大学\n");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_THAT(r[0].fields, ElementsAre("title", "org"));
  EXPECT_THAT(r[1].fields, ElementsAre("需求一", "北京大学"));
  EXPECT_THAT(r[2].fields, ElementsAre("需求二", "清华大学"));
  EXPECT_EQ(r[0].line, 1);
  EXPECT_EQ(r[1].line, 2);
  EXPECT_EQ(r[2].line, 3);
}

TEST(CsvReaderTest, QuotedNewlineKeepsTheStartLine) {
  const std::vector<Read> r = ReadAll("h1,h2\n\"multi\nline\nsummary\",x\nnext,y\n");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[1].error, "");
  EXPECT_EQ(r[1].line, 2);
  EXPECT_THAT(r[1].fields, ElementsAre("multi\nline\nsummary", "x"));
  EXPECT_EQ(r[2].line, 5);  // physical lines 2-4 belong to the quoted record
  EXPECT_THAT(r[2].fields, ElementsAre("next", "y"));
}

TEST(CsvReaderTest, QuotedFieldsHoldDelimitersAndDoubledQuotes) {
  const std::vector<Read> r = ReadAll("\"a,b\",\"say \"\"hi\"\"\",\"\",plain\n");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_THAT(r[0].fields, ElementsAre("a,b", "say \"hi\"", "", "plain"));
}

TEST(CsvReaderTest, BrokenRecordIsReportedAndOthersStillParse) {
  // Line 3 has a quote that never closes; lines 2 and 4 must still come through.
  const std::vector<Read> r = ReadAll("h1,h2\na,b\n\"broken,c\nd,e\n");
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[1].error, "");
  EXPECT_THAT(r[1].fields, ElementsAre("a", "b"));
  EXPECT_EQ(r[2].line, 3);
  EXPECT_EQ(r[2].error, "csv_unclosed_quote");
  EXPECT_THAT(r[2].fields, IsEmpty());
  EXPECT_EQ(r[3].line, 4);
  EXPECT_EQ(r[3].error, "");
  EXPECT_THAT(r[3].fields, ElementsAre("d", "e"));
}

TEST(CsvReaderTest, ErrorMessageNamesTheLine) {
  CsvReader reader("ok\nx,ab\"c\n");
  CsvRecord record;
  Status error;
  ASSERT_TRUE(reader.Next(&record, &error));
  ASSERT_TRUE(error.ok());
  ASSERT_TRUE(reader.Next(&record, &error));
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.kind(), ErrorKind::kBadInput);
  EXPECT_EQ(error.code(), "csv_stray_quote");
  EXPECT_EQ(record.line, 2);
  EXPECT_NE(error.message().find("line 2, field 2"), std::string::npos) << error.message();
  EXPECT_FALSE(reader.Next(&record, &error));
}

TEST(CsvReaderTest, StrayQuotesAreErrors) {
  const std::vector<Read> r = ReadAll("a\"b,c\n\"q\"x,y\n\"q\" ,y\nfine,1\n");
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].error, "csv_stray_quote");  // quote inside an unquoted field
  EXPECT_EQ(r[1].error, "csv_stray_quote");  // text after the closing quote
  EXPECT_EQ(r[2].error, "csv_stray_quote");
  EXPECT_EQ(r[3].error, "");
  EXPECT_EQ(r[3].line, 4);
}

TEST(CsvReaderTest, UnbalancedQuoteDoesNotSwallowLaterRows) {
  // The quote opened on line 2 would "close" at the first quote on line 4.
  const std::vector<Read> r = ReadAll("h\n\"open,1\nmid,2\n\"q\",3\n");
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[0].error, "");
  EXPECT_EQ(r[1].line, 2);
  EXPECT_EQ(r[1].error, "csv_stray_quote");
  EXPECT_EQ(r[2].line, 3);
  EXPECT_THAT(r[2].fields, ElementsAre("mid", "2"));
  EXPECT_EQ(r[3].line, 4);
  EXPECT_THAT(r[3].fields, ElementsAre("q", "3"));
}

TEST(CsvReaderTest, HandlesCrlfAndKeepsQuotedLineBreaksVerbatim) {
  const std::vector<Read> r = ReadAll("a,b\r\n\"x\r\ny\",\"z\"\r\nlast,\r\n");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_THAT(r[0].fields, ElementsAre("a", "b"));
  EXPECT_THAT(r[1].fields, ElementsAre("x\r\ny", "z"));
  EXPECT_EQ(r[2].line, 4);
  EXPECT_THAT(r[2].fields, ElementsAre("last", ""));
}

TEST(CsvReaderTest, LastLineWithoutNewlineAndTrailingCr) {
  const std::vector<Read> r = ReadAll("a,b\r\nc,d\r");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_THAT(r[1].fields, ElementsAre("c", "d"));
  const std::vector<Read> q = ReadAll("a,\"b\"");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_THAT(q[0].fields, ElementsAre("a", "b"));
}

TEST(CsvReaderTest, SkipsEmptyLinesButCountsThem) {
  const std::vector<Read> r = ReadAll("\n\r\na\n\n\nb\n\r\n");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].line, 3);
  EXPECT_EQ(r[1].line, 6);
  EXPECT_THAT(r[1].fields, ElementsAre("b"));
  EXPECT_TRUE(ReadAll("").empty());
  EXPECT_TRUE(ReadAll("\n\n").empty());
}

TEST(CsvReaderTest, EmptyFieldsAreKept) {
  const std::vector<Read> r = ReadAll(",a,,\n\"\"\n");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_THAT(r[0].fields, ElementsAre("", "a", "", ""));
  EXPECT_THAT(r[1].fields, ElementsAre(""));
}

TEST(CsvReaderTest, WorksWithAndWithoutBom) {
  const std::vector<Read> with_bom = ReadAll("\xEF\xBB\xBFtitle,org\n");
  const std::vector<Read> without = ReadAll("title,org\n");
  ASSERT_EQ(with_bom.size(), 1u);
  ASSERT_EQ(without.size(), 1u);
  EXPECT_THAT(with_bom[0].fields, ElementsAre("title", "org"));
  EXPECT_EQ(with_bom[0].fields, without[0].fields);
}

TEST(CsvReaderTest, TabDelimiter) {
  const std::vector<Read> r = ReadAll("名称\t关键词\n\"a\tb\"\t神经网络,机器学习\n", '\t');
  ASSERT_EQ(r.size(), 2u);
  EXPECT_THAT(r[0].fields, ElementsAre("名称", "关键词"));
  EXPECT_THAT(r[1].fields, ElementsAre("a\tb", "神经网络,机器学习"));
}

TEST(DetectDelimiterTest, PicksTheMostFrequentOutsideQuotes) {
  EXPECT_EQ(DetectDelimiter("a,b,c"), ',');
  EXPECT_EQ(DetectDelimiter("a;b;c"), ';');
  EXPECT_EQ(DetectDelimiter("a\tb\tc"), '\t');
  EXPECT_EQ(DetectDelimiter("\"x,y,z\";b;c"), ';');  // commas inside quotes do not count
  EXPECT_EQ(DetectDelimiter("名称\t关键词,标签\t机构"), '\t');
  EXPECT_EQ(DetectDelimiter("single"), ',');
  EXPECT_EQ(DetectDelimiter("a,b;c"), ',');  // tie: comma first
}

TEST(CsvEscapeTest, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvEscape("plain"), "plain");
  EXPECT_EQ(CsvEscape(""), "");
  EXPECT_EQ(CsvEscape("=SUM(A1)"), "=SUM(A1)");  // data is kept verbatim
  EXPECT_EQ(CsvEscape(" padded "), " padded ");
  EXPECT_EQ(CsvEscape("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvEscape("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvEscape("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvEscape("cr\r"), "\"cr\r\"");
  EXPECT_EQ(CsvEscape("a;b", ';'), "\"a;b\"");
  EXPECT_EQ(CsvEscape("a,b", ';'), "a,b");
}

TEST(CsvLineTest, JoinsAndEndsWithCrlf) {
  EXPECT_EQ(CsvLine({"a", "b,c", ""}), "a,\"b,c\",\r\n");
  EXPECT_EQ(CsvLine({""}), "\"\"\r\n");
  EXPECT_EQ(CsvLine({}), "\r\n");
  EXPECT_EQ(CsvLine({"a", "b"}, '\t'), "a\tb\r\n");
}

TEST(CsvLineTest, RoundTripsThroughTheReader) {
  const std::vector<std::vector<std::string>> rows = {
      {"标题", "机构", "关键词"},
      {"a,b", "say \"hi\"", "line1\r\nline2"},
      {""},
      {"", "", ""},
      {"=1+1", " x ", "神经网络;机器学习"},
      {"\"", "\n", "trailing\r"},
  };
  std::string text;
  for (const auto& row : rows) text += CsvLine(row);
  const std::vector<Read> r = ReadAll(text);
  ASSERT_EQ(r.size(), rows.size());
  for (size_t k = 0; k < rows.size(); ++k) {
    EXPECT_EQ(r[k].error, "") << k;
    EXPECT_EQ(r[k].fields, rows[k]) << k;
  }
  EXPECT_EQ(r[2].line, 4);  // row 1 spans two physical lines
}

TEST(FormulaGuardTest, TextStartingLikeAFormulaGetsAQuote) {
  EXPECT_EQ(GuardFormula("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
  EXPECT_EQ(GuardFormula("+86 138 0000 0000"), "'+86 138 0000 0000");
  EXPECT_EQ(GuardFormula("-3.5"), "'-3.5") << "text that looks like a number is still text";
  EXPECT_EQ(GuardFormula("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(GuardFormula("\t=1+1"), "'\t=1+1");
  EXPECT_EQ(GuardFormula("\r=1+1"), "'\r=1+1");
  EXPECT_EQ(GuardFormula("'=1+1"), "''=1+1") << "a quote the data itself starts with is kept";
}

TEST(FormulaGuardTest, OtherTextIsUnchanged) {
  for (const std::string_view s :
       {"", "低温电解液", "0755-26000000", "a=b", " =1", "'", "''", "'abc", "＝1+1", "3.5", "—"}) {
    EXPECT_EQ(GuardFormula(s), s) << s;
  }
}

TEST(FormulaGuardTest, UnguardDropsOnlyAGuardQuote) {
  EXPECT_EQ(UnguardFormula("'=1+1"), "=1+1");
  EXPECT_EQ(UnguardFormula("'+86 138"), "+86 138");
  EXPECT_EQ(UnguardFormula("'-3.5"), "-3.5");
  EXPECT_EQ(UnguardFormula("'@x"), "@x");
  EXPECT_EQ(UnguardFormula("'\tx"), "\tx");
  EXPECT_EQ(UnguardFormula("'\rx"), "\rx");
  EXPECT_EQ(UnguardFormula("''=x"), "'=x");
  // A quote that does not guard a formula character is data.
  for (const std::string_view s : {"'", "''", "'abc", "' =1", "it's", "'0755", "=1+1", ""}) {
    EXPECT_EQ(UnguardFormula(s), s) << s;
  }
}

TEST(FormulaGuardTest, UnguardInvertsGuard) {
  for (const std::string_view s :
       {"", "=", "+", "-", "@", "\t", "\r", "'", "'=", "''=", "'''@x", "'a", "a'", "=a'", "x",
        "-30℃下容量保持率85%", "+86 755 2600 0000", "''", "'\t"}) {
    EXPECT_EQ(UnguardFormula(GuardFormula(s)), s) << s;
  }
}

TEST(FormulaGuardTest, AGuardedCellRoundTripsThroughCsv) {
  const std::vector<std::string> cells = {
      "=cmd|' /C calc'!A0", "-1", "+1", "@a", "\tb", "\rc", "'=d", "plain"};
  std::vector<std::string> guarded;
  for (const auto& c : cells) guarded.push_back(GuardFormula(c));
  const std::string line = CsvLine(guarded);
  EXPECT_TRUE(line.starts_with("'=cmd|' /C calc'!A0,'-1,'+1,'@a,")) << line;
  const std::vector<Read> r = ReadAll(line);
  ASSERT_EQ(r.size(), 1u);
  ASSERT_EQ(r[0].fields.size(), cells.size());
  for (size_t i = 0; i < cells.size(); ++i) EXPECT_EQ(UnguardFormula(r[0].fields[i]), cells[i]);
}

TEST(SplitListFieldTest, SplitsOnAsciiAndFullWidthSeparators) {
  EXPECT_THAT(SplitListField("神经网络;机器学习"), ElementsAre("神经网络", "机器学习"));
  EXPECT_THAT(SplitListField("a, b"), ElementsAre("a", "b"));
  EXPECT_THAT(SplitListField("a；b"), ElementsAre("a", "b"));
  EXPECT_THAT(SplitListField("深度学习，计算机视觉、 自然语言处理 "),
              ElementsAre("深度学习", "计算机视觉", "自然语言处理"));
  EXPECT_THAT(SplitListField("x\ny\r\nz"), ElementsAre("x", "y", "z"));
}

TEST(SplitListFieldTest, TrimsAndDropsEmptyItems) {
  EXPECT_THAT(SplitListField(""), IsEmpty());
  EXPECT_THAT(SplitListField(" ;, ；；"), IsEmpty());
  EXPECT_THAT(SplitListField("\xE3\x80\x80石墨烯\xE3\x80\x80；;锂电池 "),
              ElementsAre("石墨烯", "锂电池"));  // U+3000 ideographic space is trimmed
  EXPECT_THAT(SplitListField("machine learning"), ElementsAre("machine learning"));
}

}  // namespace
}  // namespace kc
