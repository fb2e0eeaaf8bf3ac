// Review: conflict-of-interest exclusion when drawing reviewers from the expert pool.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "service/campaign_fixture.h"

namespace kc {
namespace {

using testing::CampaignsTest;
using testing::kDay;
using testing::kT0;

TEST_F(CampaignsTest, AReviewerIsNeverAssignedANomineeOfTheirOwnOrganisation) {
  Campaign award = OpenAward(2);
  Org institute = AddOrg("某研究院");
  Org university = AddOrg("某大学");
  Org other = AddOrg("第三方机构");
  // Experts: one of the nominee's institute, one of the nominator (org A), one who declares a
  // conflict with the institute, one in another discipline, and two free ones.
  User same_org = Expert("同单位专家", institute, "材料科学与工程");
  User nominator_org = Expert("推荐单位专家", org_a_, "材料科学与工程");
  User declared = Expert("申报回避专家", university, "材料科学与工程");
  User elsewhere = Expert("外学科专家", other, "化学");
  User free1 = Expert("独立专家一", university, "材料科学与工程");
  User free2 = Expert("独立专家二", other, "材料科学与工程");
  auto n =
      campaigns_.Nominate(Actor::Of(a_admin_), award.id, Person("甲", "1990-01-01", institute));
  ASSERT_TRUE(n.ok()) << n.status().message();
  ASSERT_TRUE(
      campaigns_.DeclareConflict(Actor::Of(declared), award.id, 0, institute.id, "合作者").ok());

  auto report = campaigns_.StartReview(Actor::Of(admin_), award.id);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->assigned, 2);
  EXPECT_TRUE(report->short_of.empty());
  std::set<int64_t> assigned;
  ASSERT_TRUE(store()
                  .Read([&](StoreTx& tx) -> Status {
                    auto a = tx.campaigns().ListAssignments(award.id);
                    if (!a.ok()) return a.status();
                    for (const auto& x : *a) assigned.insert(x.reviewer_id);
                    return Status::Ok();
                  })
                  .ok());
  EXPECT_EQ(assigned, (std::set<int64_t>{free1.id, free2.id}));
  for (const User& excluded : {same_org, nominator_org, declared, elsewhere}) {
    EXPECT_FALSE(assigned.count(excluded.id)) << excluded.username;
    EXPECT_TRUE(campaigns_.MyReviews(Actor::Of(excluded))->empty());
  }
  ASSERT_EQ(campaigns_.MyReviews(Actor::Of(free1))->size(), 1u);

  // A conflict declared after assignment withdraws it; topping up finds nobody else.
  ASSERT_TRUE(
      campaigns_.DeclareConflict(Actor::Of(admin_), award.id, free1.id, institute.id, "").ok());
  EXPECT_TRUE(campaigns_.MyReviews(Actor::Of(free1))->empty());
  auto top_up = campaigns_.StartReview(Actor::Of(admin_), award.id);
  ASSERT_TRUE(top_up.ok());
  EXPECT_EQ(top_up->assigned, 0);
  EXPECT_EQ(top_up->short_of.at(n->id), 1);
}

TEST_F(CampaignsTest, AConflictsReasonIsCheckedInCharactersAndMustBeUtf8) {
  Campaign award = OpenAward(2);
  Org institute = AddOrg("某研究院");
  User expert = Expert("专家", AddOrg("某大学"), "材料科学与工程");
  std::string long_reason;
  for (int i = 0; i < 2000; ++i) long_reason += "合";  // 2000 characters, 6000 bytes
  EXPECT_TRUE(
      campaigns_.DeclareConflict(Actor::Of(expert), award.id, 0, institute.id, long_reason).ok());
  Status too_long = campaigns_.DeclareConflict(Actor::Of(expert), award.id, 0,
                                               AddOrg("另一机构").id, long_reason + "作");
  EXPECT_EQ(too_long.code(), "too_long");
  EXPECT_EQ(too_long.field(), "reason");
  Status bad = campaigns_.DeclareConflict(Actor::Of(expert), award.id, 0, AddOrg("第三机构").id,
                                          std::string("\xff\xfe"));
  EXPECT_EQ(bad.code(), "invalid_utf8");
}

}  // namespace
}  // namespace kc
