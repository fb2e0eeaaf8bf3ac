#include "service/listing_policy.h"

#include <gtest/gtest.h>

#include <string>

namespace kc {
namespace {

constexpr int64_t kOrg = 1;
constexpr int64_t kOtherOrg = 2;

Actor UserActor(Role role, std::optional<int64_t> org, OrgRole org_role = OrgRole::kMember) {
  User u;
  u.id = 10 + static_cast<int>(role);
  u.username = "u";
  u.role = role;
  u.org_role = org_role;
  u.org_id = org;
  return Actor::Of(u);
}

Listing InStatus(ListingStatus status, Visibility visibility = Visibility::kPublic) {
  Listing l;
  l.org_id = kOrg;
  l.status = status;
  l.visibility = visibility;
  return l;
}

struct Who {
  const char* name;
  Actor actor;
};

std::vector<Who> Everyone() {
  return {
      {"visitor", Actor::Visitor()},
      {"member", UserActor(Role::kMember, kOrg)},
      {"org_admin", UserActor(Role::kMember, kOrg, OrgRole::kAdmin)},
      {"other_member", UserActor(Role::kMember, kOtherOrg)},
      {"other_org_admin", UserActor(Role::kMember, kOtherOrg, OrgRole::kAdmin)},
      {"no_org", UserActor(Role::kMember, std::nullopt)},
      {"reviewer", UserActor(Role::kReviewer, std::nullopt)},
      {"admin", UserActor(Role::kAdmin, std::nullopt)},
  };
}

// Reviewers see what was submitted to them (pending onwards), not an organisation's drafts.
bool IsOwnerSide(const std::string& who, ListingStatus st) {
  if (who == "reviewer") return st != ListingStatus::kDraft;
  return who == "member" || who == "org_admin" || who == "admin";
}

TEST(ListingPolicyTest, PublishedListingsAreReadableByEveryone) {
  for (const Who& w : Everyone()) {
    EXPECT_TRUE(CanRead(w.actor, InStatus(ListingStatus::kPublished))) << w.name;
  }
}

TEST(ListingPolicyTest, OtherStatusesOnlyForTheOrganisationAndReviewers) {
  for (ListingStatus st : {ListingStatus::kDraft, ListingStatus::kPending, ListingStatus::kRejected,
                           ListingStatus::kClosed, ListingStatus::kExpired}) {
    for (const Who& w : Everyone()) {
      EXPECT_EQ(CanRead(w.actor, InStatus(st)), IsOwnerSide(w.name, st))
          << w.name << " / " << StatusName(st);
    }
  }
}

TEST(ListingPolicyTest, ViewLevels) {
  const Listing pub = InStatus(ListingStatus::kPublished, Visibility::kPublic);
  const Listing members = InStatus(ListingStatus::kPublished, Visibility::kMembers);
  for (const Who& w : Everyone()) {
    const std::string who = w.name;
    ViewLevel expect_pub, expect_members;
    if (IsOwnerSide(who, ListingStatus::kPublished)) {
      expect_pub = expect_members = ViewLevel::kOwner;
    } else if (who == "visitor") {
      expect_pub = ViewLevel::kPublic;
      expect_members = ViewLevel::kSummary;
    } else {
      expect_pub = expect_members = ViewLevel::kMember;
    }
    EXPECT_EQ(ViewLevelFor(w.actor, pub), expect_pub) << who;
    EXPECT_EQ(ViewLevelFor(w.actor, members), expect_members) << who;
  }
}

TEST(ListingPolicyTest, EditingBelongsToTheOrganisationAndAdmins) {
  const Listing l = InStatus(ListingStatus::kPublished);
  for (const Who& w : Everyone()) {
    const std::string who = w.name;
    bool expected = who == "member" || who == "org_admin" || who == "admin";
    EXPECT_EQ(CanEdit(w.actor, l), expected) << who;
  }
}

TEST(ListingPolicyTest, ReviewingBelongsToReviewersAndAdmins) {
  for (const Who& w : Everyone()) {
    const std::string who = w.name;
    EXPECT_EQ(CanReview(w.actor), who == "reviewer" || who == "admin") << who;
  }
}

}  // namespace
}  // namespace kc
