#include "net/peer_policy.h"

#include <gtest/gtest.h>

namespace kc::net {
namespace {

User WithRoles(Role role, std::optional<int64_t> org, OrgRole org_role) {
  User u;
  u.id = 1;
  u.username = "u";
  u.role = role;
  u.org_id = org;
  u.org_role = org_role;
  return u;
}

// Platform admins only: an organisation's admin, an editor or a reviewer is not one.
TEST(PeerPolicyTest, OnlyPlatformAdminsManagePeers) {
  EXPECT_TRUE(CanManagePeers(Actor::Of(WithRoles(Role::kAdmin, std::nullopt, OrgRole::kMember))));
  EXPECT_FALSE(CanManagePeers(Actor::Of(WithRoles(Role::kMember, 5, OrgRole::kAdmin))));
  EXPECT_FALSE(CanManagePeers(Actor::Of(WithRoles(Role::kEditor, std::nullopt, OrgRole::kMember))));
  EXPECT_FALSE(
      CanManagePeers(Actor::Of(WithRoles(Role::kReviewer, std::nullopt, OrgRole::kMember))));
  EXPECT_FALSE(CanManagePeers(Actor::Visitor()));
}

}  // namespace
}  // namespace kc::net
