#include "core/ascii.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(AsciiTest, LowersOnlyAsciiLetters) {
  EXPECT_EQ(LowerAscii("GZIP, X-Gzip;Q=0"), "gzip, x-gzip;q=0");
  EXPECT_EQ(LowerAscii("UTF-8 风电 ÄB"), "utf-8 风电 Äb");
  EXPECT_EQ(LowerAscii(""), "");
}

TEST(AsciiTest, TrimsSpacesAndTabsAtBothEndsOnly) {
  EXPECT_EQ(TrimBlanks(" \t gzip ; q=1 \t"), "gzip ; q=1");
  EXPECT_EQ(TrimBlanks("\n x \n"), "\n x \n");
  EXPECT_EQ(TrimBlanks(" \t "), "");
}

}  // namespace
}  // namespace kc
