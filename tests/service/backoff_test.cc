#include "service/backoff.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

using std::chrono::milliseconds;

TEST(BackoffTest, DelaysDoubleUpToTheCap) {
  Backoff b(milliseconds(200), milliseconds(1000));
  EXPECT_EQ(b.Failed(), milliseconds(200));
  EXPECT_EQ(b.Failed(), milliseconds(400));
  EXPECT_EQ(b.Failed(), milliseconds(800));
  EXPECT_EQ(b.Failed(), milliseconds(1000));
  EXPECT_EQ(b.Failed(), milliseconds(1000));
  EXPECT_EQ(b.failures(), 5);
}

TEST(BackoffTest, ASuccessStartsAgainFromTheFirstDelay) {
  Backoff b(milliseconds(200), milliseconds(5000));
  b.Failed();
  b.Failed();
  b.Succeeded();
  EXPECT_EQ(b.failures(), 0);
  EXPECT_EQ(b.Failed(), milliseconds(200));
}

}  // namespace
}  // namespace kc
