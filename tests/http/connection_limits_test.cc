#include "http/connection_limits.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace kc::http {
namespace {

TEST(ConnectionLimitsTest, CapsConnectionsPerAddress) {
  ConnectionLimits limits(100, 2);
  EXPECT_TRUE(limits.TryOpen("10.0.0.1"));
  EXPECT_TRUE(limits.TryOpen("10.0.0.1"));
  EXPECT_FALSE(limits.TryOpen("10.0.0.1"));
  EXPECT_TRUE(limits.TryOpen("10.0.0.2"));  // another address has its own count
  EXPECT_EQ(limits.open(), 3u);
  limits.Close("10.0.0.1");
  EXPECT_TRUE(limits.TryOpen("10.0.0.1"));
}

TEST(ConnectionLimitsTest, CapsConnectionsInAll) {
  ConnectionLimits limits(2, 0);  // no cap per address
  EXPECT_TRUE(limits.TryOpen("a"));
  EXPECT_TRUE(limits.TryOpen("a"));
  EXPECT_FALSE(limits.TryOpen("b"));
  limits.Close("a");
  EXPECT_TRUE(limits.TryOpen("b"));
  EXPECT_EQ(limits.max_total(), 2u);
}

TEST(ConnectionLimitsTest, ARefusedConnectionTakesNothing) {
  ConnectionLimits limits(1, 5);
  ASSERT_TRUE(limits.TryOpen("a"));
  EXPECT_FALSE(limits.TryOpen("b"));
  limits.Close("a");
  EXPECT_EQ(limits.open(), 0u);
  // "b" was never counted: it may now open its whole share.
  EXPECT_TRUE(limits.TryOpen("b"));
}

TEST(ConnectionLimitsTest, ThePeakIsTheMostOpenAtOnceSinceItWasLastTaken) {
  ConnectionLimits limits(10, 0);
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(limits.TryOpen("a"));
  for (int i = 0; i < 3; ++i) limits.Close("a");
  EXPECT_EQ(limits.TakePeak(), 4u);
  EXPECT_EQ(limits.TakePeak(), 1u);
}

TEST(ConnectionLimitsTest, CountsRightFromManyThreads) {
  ConnectionLimits limits(1000000, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&limits] {
      for (int i = 0; i < 10000; ++i) {
        ASSERT_TRUE(limits.TryOpen("x"));
        limits.Close("x");
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(limits.open(), 0u);
}

}  // namespace
}  // namespace kc::http
