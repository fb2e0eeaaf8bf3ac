#include "core/text_field.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(TextFieldTest, TrimsAndAcceptsATextWithinItsLength) {
  std::string v = "  科创中国 \n";
  EXPECT_TRUE(CheckTextField("title", v, 4, true).ok());
  EXPECT_EQ(v, "科创中国");  // four characters, not twelve bytes
}

TEST(TextFieldTest, EachFaultHasItsCodeAndNamesTheField) {
  struct Case {
    std::string value;
    size_t max;
    bool required;
    const char* code;
  };
  const Case cases[] = {
      {"   ", 10, true, "required"},
      {"\xff\xfe", 10, false, "invalid_utf8"},
      {"a\x01"
       "b",
       10, false, "invalid_text"},
      {"a\x7f", 10, false, "invalid_text"},
      {"一二三四五", 4, false, "too_long"},
  };
  for (const Case& c : cases) {
    std::string v = c.value;
    const Status s = CheckTextField("description", v, c.max, c.required);
    ASSERT_FALSE(s.ok()) << c.code;
    EXPECT_EQ(s.code(), c.code);
    EXPECT_EQ(s.field(), "description");
  }
  std::string empty;
  EXPECT_TRUE(CheckTextField("title_en", empty, 10, false).ok());
}

TEST(TextFieldTest, LineBreaksAndTabsOnlyInAMultilineField) {
  std::string one_line = "第一行\n第二行\t完";
  EXPECT_EQ(CheckTextField("title", one_line, 100, false).code(), "invalid_text");
  std::string lines = "第一行\r\n第二行\t完";
  EXPECT_TRUE(CheckTextField("description", lines, 100, false, true).ok());
  std::string bell = "第一行\a";
  EXPECT_EQ(CheckTextField("description", bell, 100, false, true).code(), "invalid_text");
}

}  // namespace
}  // namespace kc
