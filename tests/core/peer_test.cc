#include "core/peer.h"

#include <gtest/gtest.h>

#include <set>

namespace kc {
namespace {

TEST(PeerTest, StatusNamesRoundTripAndUnknownNamesAreRefused) {
  for (PeerStatus s : AllPeerStatuses()) {
    auto back = PeerStatusFromName(PeerStatusName(s));
    ASSERT_TRUE(back.has_value()) << PeerStatusName(s);
    EXPECT_EQ(*back, s);
  }
  EXPECT_EQ(AllPeerStatuses().size(), 4u);
  EXPECT_FALSE(PeerStatusFromName("Active").has_value());
  EXPECT_FALSE(PeerStatusFromName("").has_value());
}

// Every pair of statuses: exactly the moves of docs/network.md §2 are allowed.
TEST(PeerTest, OnlyTheDocumentedMovesAreAllowed) {
  using S = PeerStatus;
  const std::set<std::pair<S, S>> allowed = {
      {S::kRequested, S::kActive}, {S::kRequested, S::kRemoved}, {S::kActive, S::kSuspended},
      {S::kActive, S::kRemoved},   {S::kSuspended, S::kActive},  {S::kSuspended, S::kRemoved},
  };
  for (S from : AllPeerStatuses()) {
    for (S to : AllPeerStatuses()) {
      auto next = NextPeerStatus(from, to);
      const bool expected = allowed.count({from, to}) > 0;
      EXPECT_EQ(next.ok(), expected) << PeerStatusName(from) << " → " << PeerStatusName(to);
      if (!next.ok()) {
        EXPECT_EQ(next.status().code(), "invalid_transition");
        EXPECT_NE(next.status().message().find(PeerStatusName(from)), std::string::npos);
      }
    }
  }
}

TEST(PeerTest, OnlyAnActivePeerExchangesListings) {
  EXPECT_TRUE(Exchanges(PeerStatus::kActive));
  EXPECT_FALSE(Exchanges(PeerStatus::kRequested));
  EXPECT_FALSE(Exchanges(PeerStatus::kSuspended));
  EXPECT_FALSE(Exchanges(PeerStatus::kRemoved));
}

TEST(PeerTest, FrameworksAreKnownCodesWithoutRepeats) {
  EXPECT_TRUE(ValidateFrameworks({}).ok());
  EXPECT_TRUE(ValidateFrameworks({"belt_and_road", "rcep", "china_japan_korea"}).ok());
  EXPECT_TRUE(ValidateFrameworks(CooperationFrameworks()).ok());

  auto unknown = ValidateFrameworks({"rcep", "nato"});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.code(), "invalid_framework");
  EXPECT_EQ(unknown.field(), "frameworks");
  EXPECT_NE(unknown.message().find("nato"), std::string::npos);

  auto twice = ValidateFrameworks({"rcep", "rcep"}, "peer.frameworks");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.field(), "peer.frameworks");

  // A long bad code is not echoed whole.
  auto long_code = ValidateFrameworks({std::string(100000, 'x')});
  ASSERT_FALSE(long_code.ok());
  EXPECT_LT(long_code.message().size(), 200u);
  EXPECT_FALSE(ValidateFrameworks({"RCEP"}).ok());
}

}  // namespace
}  // namespace kc
