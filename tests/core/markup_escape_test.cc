#include "core/markup_escape.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(MarkupEscapeTest, EscapesTheFiveSpecials) {
  EXPECT_EQ(EscapeMarkup(R"(<a href="x?a=1&b='2'">)"),
            "&lt;a href=&quot;x?a=1&amp;b=&#39;2&#39;&quot;&gt;");
}

TEST(MarkupEscapeTest, KeepsUtf8AndWhitespaceAndDropsOtherControls) {
  EXPECT_EQ(EscapeMarkup("科创\t中国\n\r"), "科创\t中国\n\r");
  EXPECT_EQ(EscapeMarkup(std::string("a\x01"
                                     "b\x1f"
                                     "c\x7f",
                                     6)),
            "abc\x7f");
  EXPECT_EQ(EscapeMarkup(""), "");
}

}  // namespace
}  // namespace kc
