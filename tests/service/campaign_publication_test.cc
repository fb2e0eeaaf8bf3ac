// Scoring, publication and the freeze after it (409).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "service/campaign_fixture.h"

namespace kc {
namespace {

using testing::CampaignsTest;
using testing::kDay;
using testing::kT0;

TEST_F(CampaignsTest, ScoringPublicationAndTheFreeze) {
  Campaign award = OpenAward(2);
  Org institute = AddOrg("某研究院");
  Org other = AddOrg("第三方机构");
  User r1 = Expert("评审一", other, "材料科学与工程");
  User r2 = Expert("评审二", other, "材料科学与工程");
  auto n1 =
      campaigns_.Nominate(Actor::Of(a_admin_), award.id, Person("甲", "1990-01-01", institute));
  auto n2 =
      campaigns_.Nominate(Actor::Of(a_admin_), award.id, Person("乙", "1991-01-01", institute));
  ASSERT_TRUE(n1.ok() && n2.ok());
  ASSERT_TRUE(campaigns_.StartReview(Actor::Of(admin_), award.id).ok());

  std::map<std::string, double> high = {{"achievement", 9}, {"transfer", 8}, {"potential", 7}};
  std::map<std::string, double> low = {{"achievement", 6}, {"transfer", 5}, {"potential", 7}};
  EXPECT_EQ(campaigns_.Score(Actor::Of(a_member_), n1->id, high).kind(), ErrorKind::kForbidden);
  EXPECT_EQ(campaigns_.Score(Actor::Of(r1), n1->id, {{"achievement", 9}}).code(),
            "missing_criterion");
  EXPECT_EQ(
      campaigns_
          .Score(Actor::Of(r1), n1->id, {{"achievement", 11}, {"transfer", 1}, {"potential", 1}})
          .code(),
      "out_of_range");
  ASSERT_TRUE(campaigns_.Score(Actor::Of(r1), n1->id, high).ok());
  ASSERT_TRUE(campaigns_.Score(Actor::Of(r1), n2->id, low).ok());
  ASSERT_TRUE(campaigns_.Score(Actor::Of(r2), n1->id, high).ok());
  auto incomplete = campaigns_.Publish(Actor::Of(admin_), award.id);
  EXPECT_EQ(incomplete.status().code(), "reviews_incomplete");
  EXPECT_NE(incomplete.status().message().find(std::to_string(n2->id)), std::string::npos);
  ASSERT_TRUE(campaigns_.Score(Actor::Of(r2), n2->id, low).ok());

  EXPECT_EQ(campaigns_.Results(award.id).status().kind(), ErrorKind::kNotFound);
  auto published = campaigns_.Publish(Actor::Of(admin_), award.id);
  ASSERT_TRUE(published.ok()) << published.status().message();
  EXPECT_EQ(published->campaign.status, CampaignStatus::kPublished);
  EXPECT_EQ(published->campaign.published_at, clock_.Now());
  const std::vector<CampaignResult>& rows = published->results;
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].nominee_name, "甲");
  EXPECT_EQ(rows[0].rank, 1);
  EXPECT_EQ(rows[0].reviewers, 2);
  EXPECT_GT(rows[0].total, rows[1].total);
  EXPECT_EQ(campaigns_.Results(award.id)->size(), 2u);

  // Frozen: nothing changes after publication.
  EXPECT_EQ(campaigns_.Score(Actor::Of(r1), n1->id, low).code(), "campaign_published");
  EXPECT_EQ(campaigns_.Publish(Actor::Of(admin_), award.id).status().code(), "campaign_published");
  EXPECT_EQ(campaigns_.StartReview(Actor::Of(admin_), award.id).status().code(),
            "campaign_published");
  EXPECT_EQ(campaigns_.DeclareConflict(Actor::Of(r1), award.id, 0, institute.id, "").code(),
            "campaign_published");
  Campaign changed = *campaigns_.Get(Actor::Of(admin_), award.id);
  changed.title = "改名";
  EXPECT_EQ(campaigns_.Update(Actor::Of(admin_), changed).status().code(), "campaign_published");
  EXPECT_EQ(
      campaigns_.Nominate(Actor::Of(a_admin_), award.id, Person("丙", "1990-01-01", institute))
          .status()
          .kind(),
      ErrorKind::kConflict);
  EXPECT_EQ(campaigns_.Results(award.id)->at(0).total, rows[0].total);
}

}  // namespace
}  // namespace kc
