#include "core/trim.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(TrimTest, RemovesSpacesTabsAndLineBreaksAtBothEnds) {
  EXPECT_EQ(Trim("  \t科创 中国\r\n"), "科创 中国");
  EXPECT_EQ(Trim("a"), "a");
  EXPECT_EQ(Trim(" \n\t "), "");
  EXPECT_EQ(Trim(""), "");
}

TEST(TrimTest, KeepsFullWidthSpaces) { EXPECT_EQ(Trim("\u3000名称\u3000"), "\u3000名称\u3000"); }

}  // namespace
}  // namespace kc
