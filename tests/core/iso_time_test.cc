#include "core/iso_time.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <string>

namespace kc {
namespace {

TEST(IsoTimeTest, ZeroMeansNoTime) { EXPECT_EQ(IsoTime(0), ""); }

TEST(IsoTimeTest, FormatsUtcWithASuffixZ) {
  EXPECT_EQ(IsoTime(1), "1970-01-01T00:00:01Z");
  EXPECT_EQ(IsoTime(86399), "1970-01-01T23:59:59Z");
  EXPECT_EQ(IsoTime(1'000'000'000), "2001-09-09T01:46:40Z");
  // The example of the header: 2026-11-29T09:35:00Z.
  EXPECT_EQ(IsoTime(1'795'944'900), "2026-11-29T09:35:00Z");
}

TEST(IsoTimeTest, HandlesLeapDaysAndYearEnds) {
  EXPECT_EQ(IsoTime(951'782'400), "2000-02-29T00:00:00Z");
  EXPECT_EQ(IsoTime(1'709'164'800), "2024-02-29T00:00:00Z");
  EXPECT_EQ(IsoTime(1'735'689'599), "2024-12-31T23:59:59Z");
  EXPECT_EQ(IsoTime(1'735'689'600), "2025-01-01T00:00:00Z");
}

TEST(IsoTimeTest, DoesNotDependOnTheLocalTimeZone) {
  const char* old = std::getenv("TZ");
  std::string saved = old ? old : "";
  setenv("TZ", "Asia/Shanghai", 1);
  tzset();
  std::string t = IsoTime(1'795'944'900);
  if (old) {
    setenv("TZ", saved.c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
  EXPECT_EQ(t, "2026-11-29T09:35:00Z");
}

TEST(IsoTimeTest, TimesAfter2038AndBeforeTheEpochAreFormatted) {
  EXPECT_EQ(IsoTime(2'147'483'648), "2038-01-19T03:14:08Z");
  EXPECT_EQ(IsoTime(4'102'444'800), "2100-01-01T00:00:00Z");
  EXPECT_EQ(IsoTime(-1), "1969-12-31T23:59:59Z");
}

TEST(IsoTimeTest, HasAFixedWidthSoThatTextOrderIsTimeOrder) {
  std::string a = IsoTime(1'000'000'000), b = IsoTime(1'700'000'000);
  EXPECT_EQ(a.size(), 20u);
  EXPECT_EQ(b.size(), 20u);
  EXPECT_LT(a, b);
}

}  // namespace
}  // namespace kc
