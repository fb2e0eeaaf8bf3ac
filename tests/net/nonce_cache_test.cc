#include "net/nonce_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace kc::net {
namespace {

constexpr int64_t kNow = 1796558400;
constexpr std::string_view kPeer = "kc1mzxw6ytboi4dkn3xgyzdkmrsgq4ds2ly";
constexpr std::string_view kOtherPeer = "kc1aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
constexpr std::string_view kNonce = "r4nD0m-n0nce-AAAAAAAAAA";

TEST(NonceCacheTest, ASecondSightingIsAReplay) {
  NonceCache cache;
  EXPECT_TRUE(cache.Remember(kPeer, kNonce, kNow));
  EXPECT_FALSE(cache.Remember(kPeer, kNonce, kNow));
  EXPECT_FALSE(cache.Remember(kPeer, kNonce, kNow + 599));
  EXPECT_TRUE(cache.Remember(kPeer, "another-nonce-AAAAAAA", kNow + 1));
}

TEST(NonceCacheTest, TheSameNonceFromAnotherPeerIsNotAReplay) {
  NonceCache cache;
  EXPECT_TRUE(cache.Remember(kPeer, kNonce, kNow));
  EXPECT_TRUE(cache.Remember(kOtherPeer, kNonce, kNow));
  // The pair is what counts, however keyid and nonce split the characters.
  EXPECT_TRUE(cache.Remember("ab", "c", kNow));
  EXPECT_TRUE(cache.Remember("a", "bc", kNow));
}

TEST(NonceCacheTest, APairIsForgottenSixHundredSecondsLater) {
  NonceCache cache;
  EXPECT_TRUE(cache.Remember(kPeer, kNonce, kNow));
  EXPECT_FALSE(cache.Remember(kPeer, kNonce, kNow + 599));  // not re-stamped by a replay
  EXPECT_TRUE(cache.Remember(kPeer, kNonce, kNow + 600));
  EXPECT_FALSE(cache.Remember(kPeer, kNonce, kNow + 1199));
  EXPECT_TRUE(cache.Remember(kPeer, kNonce, kNow + 1200));
}

TEST(NonceCacheTest, ExpiredPairsAreDropped) {
  NonceCache cache;
  for (int i = 0; i < 100; ++i)
    ASSERT_TRUE(cache.Remember(kPeer, "nonce-" + std::to_string(i), kNow + i));
  EXPECT_EQ(cache.size(), 100u);
  EXPECT_TRUE(cache.Remember(kPeer, "late", kNow + 650));
  EXPECT_EQ(cache.size(), 50u);  // those of kNow + 50 .. 99, and "late"
}

TEST(NonceCacheTest, WhenFullOfLivePairsNewOnesAreRefusedAndNoneForgotten) {
  NonceCache cache(3);
  EXPECT_TRUE(cache.Remember(kPeer, "n1", kNow));
  EXPECT_TRUE(cache.Remember(kPeer, "n2", kNow + 10));
  EXPECT_TRUE(cache.Remember(kPeer, "n3", kNow + 20));
  EXPECT_FALSE(cache.Remember(kPeer, "n4", kNow + 30));  // refused: full
  EXPECT_FALSE(cache.Remember(kPeer, "n1", kNow + 30));  // still remembered: a replay
  EXPECT_EQ(cache.size(), 3u);
  // n1 is forgotten at kNow + 600, which makes room for one.
  EXPECT_TRUE(cache.Remember(kPeer, "n4", kNow + 600));
  EXPECT_FALSE(cache.Remember(kPeer, "n5", kNow + 600));
  EXPECT_FALSE(cache.Remember(kPeer, "n4", kNow + 601));
}

TEST(NonceCacheTest, AClockThatGoesBackForgetsNothingEarly) {
  NonceCache cache;
  EXPECT_TRUE(cache.Remember(kPeer, kNonce, kNow));
  EXPECT_FALSE(cache.Remember(kPeer, kNonce, kNow - 1000));
  EXPECT_TRUE(cache.Remember(kPeer, "other-nonce-AAAAAAAAA", kNow - 1000));
  EXPECT_FALSE(cache.Remember(kPeer, kNonce, kNow + 599));
}

TEST(NonceCacheTest, ConcurrentSightingsOfOnePairAcceptExactlyOne) {
  NonceCache cache;
  std::atomic<int> accepted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i)
        if (cache.Remember(kPeer, "nonce-" + std::to_string(i), kNow)) ++accepted;
    });
  for (auto& th : threads) th.join();
  EXPECT_EQ(accepted.load(), 1000);
  EXPECT_EQ(cache.size(), 1000u);
}

}  // namespace
}  // namespace kc::net
