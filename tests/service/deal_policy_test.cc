#include "service/deal_policy.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

User Member(int64_t id, std::optional<int64_t> org, Role role = Role::kMember,
            OrgRole org_role = OrgRole::kMember) {
  User u;
  u.id = id;
  u.org_id = org;
  u.role = role;
  u.org_role = org_role;
  return u;
}

TEST(DealPolicyTest, PartiesAndAdminsOnly) {
  Deal d;
  d.buyer_org_id = 1;
  d.seller_org_id = 2;
  EXPECT_TRUE(IsDealParty(Actor::Of(Member(1, 1)), d));
  EXPECT_TRUE(IsDealParty(Actor::Of(Member(2, 2)), d));
  EXPECT_FALSE(IsDealParty(Actor::Of(Member(3, 3)), d));
  EXPECT_FALSE(IsDealParty(Actor::Of(Member(4, std::nullopt)), d));
  EXPECT_FALSE(IsDealParty(Actor::Of(Member(5, 3, Role::kReviewer)), d));
  EXPECT_FALSE(IsDealParty(Actor::Of(Member(6, 3, Role::kMember, OrgRole::kAdmin)), d));
  EXPECT_TRUE(IsDealParty(Actor::Of(Member(7, std::nullopt, Role::kAdmin)), d));
  EXPECT_FALSE(IsDealParty(Actor::Visitor(), d));
  d.broker_org_id = 3;
  EXPECT_TRUE(IsDealParty(Actor::Of(Member(3, 3)), d));
}

}  // namespace
}  // namespace kc
