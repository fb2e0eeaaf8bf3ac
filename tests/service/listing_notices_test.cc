#include "service/listing_notices.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "service/fixture.h"
#include "service/listings.h"

namespace kc {
namespace {

using testing::DemandDraft;

// The review's outcome reaches the listing's creator and its organisation's admins, through
// Listings::Apply, and nobody else.
class ListingNoticesTest : public testing::ServiceTest {
 protected:
  void SetUp() override {
    MakeWorld();
    a_other_ = AddUser("a-other", Role::kMember, org_a_.id);
  }

  // A demand of org A created by a_member_, submitted for review.
  Listing Pending(const std::string& title) {
    auto created = listings_.Create(Actor::Of(a_member_), DemandDraft(title));
    EXPECT_TRUE(created.ok()) << created.status().message();
    if (!created.ok()) return {};
    auto sent = listings_.Apply(Actor::Of(a_member_), ListingKind::kDemand, created->listing.id,
                                ReviewAction::kSubmit);
    EXPECT_TRUE(sent.ok()) << sent.status().message();
    return sent.ok() ? sent->listing : Listing{};
  }

  std::vector<Notification> NoticesOf(const User& u) {
    std::vector<Notification> out;
    Status s = store().Read([&](StoreTx& tx) -> Status {
      auto page = tx.ListNotifications(u.id, false, 0, 100);
      if (!page.ok()) return page.status();
      out = page->items;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return out;
  }

  // How many notices each of the world's users has.
  std::map<std::string, size_t> Counts() {
    std::map<std::string, size_t> out;
    for (const User* u : {&admin_, &reviewer_, &a_admin_, &a_member_, &a_other_, &b_member_}) {
      out[u->username] = NoticesOf(*u).size();
    }
    return out;
  }

  Listings listings_{store(), clock_};
  User a_other_;
};

TEST_F(ListingNoticesTest, ApprovalNotifiesTheCreatorAndTheOrgAdminsOnly) {
  Listing l = Pending("锂电池极片缺陷检测");
  EXPECT_EQ(Counts()["a-member"], 0u) << "submitting notifies nobody";
  auto r = listings_.Apply(Actor::Of(reviewer_), l.kind, l.id, ReviewAction::kApprove);
  ASSERT_TRUE(r.ok()) << r.status().message();

  std::map<std::string, size_t> expected = {{"admin", 0},    {"reviewer", 0}, {"a-admin", 1},
                                            {"a-member", 1}, {"a-other", 0},  {"b-member", 0}};
  EXPECT_EQ(Counts(), expected);
  for (const User* u : {&a_member_, &a_admin_}) {
    auto notes = NoticesOf(*u);
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_EQ(notes[0].kind, "listing_approved");
    EXPECT_EQ(notes[0].listing_id, l.id);
    EXPECT_EQ(notes[0].listing_kind, "demand");
    EXPECT_EQ(notes[0].title, "锂电池极片缺陷检测");
    EXPECT_EQ(notes[0].message, "") << "an approval has no parameter but the listing";
    EXPECT_EQ(notes[0].deal_id, 0);
  }
}

TEST_F(ListingNoticesTest, RejectionCarriesTheReason) {
  Listing l = Pending("t");
  auto r =
      listings_.Apply(Actor::Of(reviewer_), l.kind, l.id, ReviewAction::kReject, "请补充预算范围");
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::map<std::string, size_t> expected = {{"admin", 0},    {"reviewer", 0}, {"a-admin", 1},
                                            {"a-member", 1}, {"a-other", 0},  {"b-member", 0}};
  EXPECT_EQ(Counts(), expected);
  auto notes = NoticesOf(a_member_);
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].kind, "listing_rejected");
  EXPECT_EQ(notes[0].message, "请补充预算范围");
  EXPECT_EQ(notes[0].listing_id, l.id);
}

TEST_F(ListingNoticesTest, ACreatorWhoLeftTheOrganisationIsNotNotified) {
  Listing l = Pending("t");
  Status s = store().Write([&](StoreTx& tx) -> Status {
    User moved = a_member_;
    moved.org_id = org_b_.id;
    return tx.UpdateUser(moved);
  });
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_TRUE(listings_.Apply(Actor::Of(reviewer_), l.kind, l.id, ReviewAction::kApprove).ok());
  EXPECT_EQ(NoticesOf(a_member_).size(), 0u);
  EXPECT_EQ(NoticesOf(a_admin_).size(), 1u) << "the organisation still hears of it";
}

TEST_F(ListingNoticesTest, TheReviewerIsNeverNotifiedOfTheirOwnDecision) {
  // An admin (a reviewer too) posts for the platform's organisation and approves it.
  auto created = listings_.Create(Actor::Of(admin_), DemandDraft("自审"));
  ASSERT_TRUE(created.ok()) << created.status().message();
  const Listing& l = created->listing;
  ASSERT_TRUE(listings_.Apply(Actor::Of(admin_), l.kind, l.id, ReviewAction::kSubmit).ok());
  ASSERT_TRUE(listings_.Apply(Actor::Of(admin_), l.kind, l.id, ReviewAction::kApprove).ok());
  EXPECT_EQ(NoticesOf(admin_).size(), 0u);
}

}  // namespace
}  // namespace kc
