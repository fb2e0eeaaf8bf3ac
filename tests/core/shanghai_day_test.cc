#include "core/shanghai_day.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(ShanghaiDayTest, TheDayTurnsAtMidnightInChinaNotUtc) {
  // 2026-01-01T00:00:00Z is 08:00 in Shanghai.
  EXPECT_EQ(ShanghaiDay(1767225600), "2026-01-01");
  // 2025-12-31T15:59:59Z is 23:59:59 in Shanghai; one second later the next day begins there.
  EXPECT_EQ(ShanghaiDay(1767196799), "2025-12-31");
  EXPECT_EQ(ShanghaiDay(1767196800), "2026-01-01");
  EXPECT_EQ(ShanghaiDay(0), "1970-01-01");
  EXPECT_EQ(ShanghaiDay(-8 * 3600 - 1), "1969-12-31");
  EXPECT_EQ(ShanghaiDay(1709136000), "2024-02-29");  // 2024-02-28T16:00Z
}

TEST(ShanghaiDayTest, TheYearTurnsAtMidnightInChina) {
  EXPECT_EQ(ShanghaiYear(1767196799), 2025);  // 2025-12-31T23:59:59 in Shanghai
  EXPECT_EQ(ShanghaiYear(1767196800), 2026);  // 2026-01-01T00:00:00 there, 16:00 UTC before
  EXPECT_EQ(ShanghaiYear(0), 1970);
  EXPECT_EQ(ShanghaiYear(-8 * 3600 - 1), 1969);
}

}  // namespace
}  // namespace kc
