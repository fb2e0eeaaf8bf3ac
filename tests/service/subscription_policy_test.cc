#include "service/subscription_policy.h"

#include <gtest/gtest.h>

#include <map>

#include "policy_table.h"

namespace kc {
namespace {

using testing::AllSignedIn;
using testing::Caller;
using testing::CheckTable;
using testing::kOrg;

bool Ask(const std::string& action, const std::string& state, const Caller& caller) {
  Listing l;
  l.org_id = kOrg;
  l.status = state == "draft"     ? ListingStatus::kDraft
             : state == "pending" ? ListingStatus::kPending
                                  : ListingStatus::kPublished;
  l.visibility = state == "members_only" ? Visibility::kMembers : Visibility::kPublic;
  if (action == "subscribe") return CanSubscribe(caller.actor);
  if (action == "follow") return CanFollow(caller.actor, l);
  ADD_FAILURE() << "no action " << action;
  return false;
}

TEST(SubscriptionPolicyTest, RoleByActionByListingState) {
  CheckTable(
      {
          {"subscribe", "published", AllSignedIn()},
          {"follow", "published", AllSignedIn()},
          {"follow", "members_only", AllSignedIn()},
          // What a caller may not read, they may not follow.
          {"follow", "pending", {"member", "org_admin", "reviewer", "admin"}},
          {"follow", "draft", {"member", "org_admin", "admin"}},
      },
      Ask);
}

}  // namespace
}  // namespace kc
