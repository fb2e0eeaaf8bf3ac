#include "core/review.h"

#include <gtest/gtest.h>

#include <array>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace kc {
namespace {

using S = ListingStatus;
using A = ReviewAction;

constexpr std::array<S, 6> kAllStatuses = {S::kDraft,    S::kPending, S::kPublished,
                                           S::kRejected, S::kClosed,  S::kExpired};
constexpr std::array<A, 6> kAllActions = {A::kSubmit, A::kApprove, A::kReject,
                                          A::kClose,  A::kRenew,   A::kEdit};

// The workflow as review.h documents it: (from, action) → next status. Every pair not listed
// must be refused.
const std::map<std::pair<S, A>, S>& DocumentedTransitions() {
  static const std::map<std::pair<S, A>, S> table = {
      {{S::kDraft, A::kSubmit}, S::kPending},
      {{S::kRejected, A::kSubmit}, S::kPending},
      {{S::kPending, A::kApprove}, S::kPublished},
      {{S::kPending, A::kReject}, S::kRejected},
      {{S::kPublished, A::kClose}, S::kClosed},
      {{S::kRejected, A::kClose}, S::kClosed},
      {{S::kExpired, A::kClose}, S::kClosed},
      {{S::kPending, A::kClose}, S::kClosed},
      {{S::kDraft, A::kClose}, S::kClosed},
      {{S::kPublished, A::kRenew}, S::kPublished},
      {{S::kExpired, A::kRenew}, S::kPublished},
      // Edit: any status but closed. A published listing goes back to review; so does an
      // expired one (it was published); the others keep their status.
      {{S::kDraft, A::kEdit}, S::kDraft},
      {{S::kPending, A::kEdit}, S::kPending},
      {{S::kRejected, A::kEdit}, S::kRejected},
      {{S::kPublished, A::kEdit}, S::kPending},
      {{S::kExpired, A::kEdit}, S::kPending},
  };
  return table;
}

std::string PairName(S from, A action) {
  return std::string(StatusName(from)) + " + " + std::string(ActionName(action));
}

TEST(ReviewTest, EveryStatusActionPairFollowsTheDocumentedWorkflow) {
  const auto& table = DocumentedTransitions();
  int legal = 0, illegal = 0;
  for (S from : kAllStatuses) {
    for (A action : kAllActions) {
      SCOPED_TRACE(PairName(from, action));
      Result<S> next = NextStatus(from, action);
      auto it = table.find({from, action});
      if (it != table.end()) {
        ++legal;
        ASSERT_TRUE(next.ok()) << next.status().message();
        EXPECT_EQ(StatusName(*next), StatusName(it->second));
      } else {
        ++illegal;
        ASSERT_FALSE(next.ok()) << "allowed, giving " << StatusName(*next);
        EXPECT_EQ(next.status().kind(), ErrorKind::kConflict);
        EXPECT_EQ(next.status().code(), "invalid_transition");
      }
    }
  }
  EXPECT_EQ(legal, 16);
  EXPECT_EQ(illegal, 20);
}

TEST(ReviewTest, NothingLeavesClosed) {
  for (A action : kAllActions) {
    SCOPED_TRACE(std::string(ActionName(action)));
    EXPECT_FALSE(NextStatus(S::kClosed, action).ok());
  }
}

TEST(ReviewTest, RefusalNamesTheActionAndTheStatus) {
  Result<S> next = NextStatus(S::kDraft, A::kApprove);
  ASSERT_FALSE(next.ok());
  EXPECT_NE(next.status().message().find("approve"), std::string::npos) << next.status().message();
  EXPECT_NE(next.status().message().find("draft"), std::string::npos) << next.status().message();
  EXPECT_TRUE(next.status().field().empty());
}

TEST(ReviewTest, ActionNamesAreDistinctLowerCaseWords) {
  const std::map<A, std::string> expected = {{A::kSubmit, "submit"}, {A::kApprove, "approve"},
                                             {A::kReject, "reject"}, {A::kClose, "close"},
                                             {A::kRenew, "renew"},   {A::kEdit, "edit"}};
  for (const auto& [action, name] : expected) EXPECT_EQ(ActionName(action), name);
}

TEST(ReviewTest, TheHappyPathReachesPublishedAndARejectionCanBeResubmitted) {
  // draft → pending → rejected → pending → published → (edit) pending → published → closed.
  S s = S::kDraft;
  for (A action :
       {A::kSubmit, A::kReject, A::kSubmit, A::kApprove, A::kEdit, A::kApprove, A::kClose}) {
    Result<S> next = NextStatus(s, action);
    ASSERT_TRUE(next.ok()) << PairName(s, action) << ": " << next.status().message();
    s = *next;
  }
  EXPECT_EQ(s, S::kClosed);
}

}  // namespace
}  // namespace kc
