#include "core/clock.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <thread>
#include <vector>

namespace kc {
namespace {

TEST(SystemClockTest, ReturnsTheCurrentUnixTimeInSeconds) {
  SystemClock clock;
  const int64_t before = std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
  const int64_t now = clock.Now();
  const int64_t after = std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
  EXPECT_GE(now, before);
  EXPECT_LE(now, after);
  // Seconds, not milliseconds: somewhere between 2020 and 2100.
  EXPECT_GT(now, 1577836800);
  EXPECT_LT(now, 4102444800);
}

TEST(SystemClockTest, NeverGoesBackwardsBetweenCalls) {
  SystemClock clock;
  int64_t last = clock.Now();
  for (int i = 0; i < 1000; ++i) {
    int64_t now = clock.Now();
    EXPECT_GE(now, last);
    last = now;
  }
}

TEST(ManualClockTest, StandsStillUntilAdvanced) {
  ManualClock clock(1'800'000'000);
  EXPECT_EQ(clock.Now(), 1'800'000'000);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(clock.Now(), 1'800'000'000);
  clock.Advance(60);
  EXPECT_EQ(clock.Now(), 1'800'000'060);
  clock.Advance(-3600);
  EXPECT_EQ(clock.Now(), 1'799'996'460);
  clock.Advance(0);
  EXPECT_EQ(clock.Now(), 1'799'996'460);
}

TEST(ManualClockTest, IsUsableThroughTheClockInterface) {
  std::unique_ptr<Clock> clock = std::make_unique<ManualClock>(42);
  EXPECT_EQ(clock->Now(), 42);
  static_cast<ManualClock&>(*clock).Advance(8);
  EXPECT_EQ(clock->Now(), 50);
}

TEST(ManualClockTest, ConcurrentAdvancesAreNotLost) {
  ManualClock clock(0);
  constexpr int kThreads = 8, kSteps = 10000;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kSteps; ++i) {
        clock.Advance(1);
        (void)clock.Now();
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(clock.Now(), int64_t{kThreads} * kSteps);
}

}  // namespace
}  // namespace kc
