#include "core/json_lines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kc {
namespace {

TEST(SplitJsonLinesTest, KeepsPhysicalLineNumbers) {
  const std::vector<JsonLine> lines = SplitJsonLines("{\"a\":1}\n\n{\"b\":2}\n   \n{\"c\":3}");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].line, 1);
  EXPECT_EQ(lines[0].text, "{\"a\":1}");
  EXPECT_EQ(lines[1].line, 3);
  EXPECT_EQ(lines[1].text, "{\"b\":2}");
  EXPECT_EQ(lines[2].line, 5);
  EXPECT_EQ(lines[2].text, "{\"c\":3}");
}

TEST(SplitJsonLinesTest, StripsCrAndBom) {
  const std::vector<JsonLine> lines = SplitJsonLines("\xEF\xBB\xBF{\"t\":\"技术\"}\r\n\r\n[1]\r\n");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "{\"t\":\"技术\"}");
  EXPECT_EQ(lines[1].line, 3);
  EXPECT_EQ(lines[1].text, "[1]");
}

TEST(SplitJsonLinesTest, EmptyAndBlankInput) {
  EXPECT_TRUE(SplitJsonLines("").empty());
  EXPECT_TRUE(SplitJsonLines("\n\r\n \t\n").empty());
}

TEST(SplitJsonLinesTest, ViewsPointIntoTheInput) {
  const std::string text = "x\n  y  \n";
  const std::vector<JsonLine> lines = SplitJsonLines(text);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].text, "  y  ");  // not trimmed: the JSON parser handles spaces
  EXPECT_EQ(lines[1].text.data(), text.data() + 2);
}

}  // namespace
}  // namespace kc
