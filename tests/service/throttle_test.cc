#include "service/throttle.h"

#include <gtest/gtest.h>

#include "service/fixture.h"

namespace kc {
namespace {

TEST(BackoffDelayTest, FreeFailuresThenDoublingUpToTheCap) {
  EXPECT_EQ(BackoffDelay(0, 5, 900), 0);
  EXPECT_EQ(BackoffDelay(4, 5, 900), 0);
  EXPECT_EQ(BackoffDelay(5, 5, 900), 2);
  EXPECT_EQ(BackoffDelay(6, 5, 900), 4);
  EXPECT_EQ(BackoffDelay(13, 5, 900), 512);
  EXPECT_EQ(BackoffDelay(14, 5, 900), 900);
  EXPECT_EQ(BackoffDelay(1000000, 5, 900), 900) << "no overflow";
}

class ThrottleTest : public testing::ServiceTest {
 protected:
  int64_t Wait(std::string_view name, std::string_view client) {
    int64_t out = -1;
    EXPECT_TRUE(store()
                    .Read([&](StoreTx& tx) -> Status {
                      auto w = LoginWait(tx, policy_, name, client, clock_.Now());
                      if (w.ok()) out = *w;
                      return w.status();
                    })
                    .ok());
    return out;
  }
  void Fail(std::string_view name, std::string_view client) {
    ASSERT_TRUE(store()
                    .Write([&](StoreTx& tx) {
                      return RecordLoginFailure(tx, policy_, name, client, clock_.Now());
                    })
                    .ok());
  }

  ThrottlePolicy policy_;
};

TEST_F(ThrottleTest, TheWaitCountsFromTheLatestFailure) {
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(Wait("alice", "10.0.0.1"), 0);
    Fail("alice", "10.0.0.1");
    clock_.Advance(1);
  }
  // The fifth failure was 1 s ago; the delay after five is 2 s.
  EXPECT_EQ(Wait("alice", "10.0.0.1"), 1);
  EXPECT_EQ(Wait("alice", "10.0.0.2"), 0) << "another client";
  EXPECT_EQ(Wait("bob", "10.0.0.1"), 0) << "another name from the same client";
  clock_.Advance(1);
  EXPECT_EQ(Wait("alice", "10.0.0.1"), 0);
}

TEST_F(ThrottleTest, RegistrationsAreCountedPerClientInASlidingWindow) {
  policy_.registrations_per_client = 2;
  auto wait = [&](std::string_view client) {
    int64_t out = -1;
    EXPECT_TRUE(store()
                    .Read([&](StoreTx& tx) -> Status {
                      auto w = RegistrationWait(tx, policy_, client, clock_.Now());
                      if (w.ok()) out = *w;
                      return w.status();
                    })
                    .ok());
    return out;
  };
  auto record = [&](std::string_view client) {
    ASSERT_TRUE(store()
                    .Write([&](StoreTx& tx) {
                      return RecordRegistration(tx, policy_, client, clock_.Now());
                    })
                    .ok());
  };
  record("10.0.0.1");
  clock_.Advance(100);
  record("10.0.0.1");
  EXPECT_EQ(wait("10.0.0.1"), policy_.registration_window - 100);
  EXPECT_EQ(wait("10.0.0.2"), 0);
  clock_.Advance(policy_.registration_window - 100);
  EXPECT_EQ(wait("10.0.0.1"), 0) << "the first one left the window";
  policy_.registrations_per_client = 0;
  record("10.0.0.1");
  record("10.0.0.1");
  EXPECT_EQ(wait("10.0.0.1"), 0) << "0 turns the limit off";
}

}  // namespace
}  // namespace kc
