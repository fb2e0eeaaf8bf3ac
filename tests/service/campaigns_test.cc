// Campaign set-up: who runs campaigns and who sees them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "service/campaign_fixture.h"

namespace kc {
namespace {

using testing::CampaignsTest;
using testing::kDay;
using testing::kT0;

TEST_F(CampaignsTest, OnlyAdminsRunCampaignsAndVisitorsNeverSeeDrafts) {
  Campaign c = *CampaignFromTemplate("pioneer-technology", 2026);
  c.nomination_opens = kT0;
  c.nomination_closes = kT0 + kDay;
  c.review_opens = kT0 + kDay;
  c.review_closes = kT0 + 2 * kDay;
  EXPECT_EQ(campaigns_.Create(Actor::Of(a_admin_), c).status().kind(), ErrorKind::kForbidden);
  auto draft = campaigns_.Create(Actor::Of(admin_), c);
  ASSERT_TRUE(draft.ok()) << draft.status().message();
  EXPECT_EQ(draft->status, CampaignStatus::kDraft);
  EXPECT_EQ(campaigns_.Get(Actor::Visitor(), draft->id).status().kind(), ErrorKind::kNotFound);
  EXPECT_EQ(campaigns_.List(Actor::Visitor(), CampaignQuery{})->total, 0);
  EXPECT_EQ(campaigns_.List(Actor::Of(admin_), CampaignQuery{})->total, 1);
  EXPECT_EQ(campaigns_.Create(Actor::Of(admin_), c).status().code(), "edition_exists");
  ASSERT_TRUE(campaigns_.Open(Actor::Of(admin_), draft->id).ok());
  EXPECT_TRUE(campaigns_.Get(Actor::Visitor(), draft->id).ok());
}

}  // namespace
}  // namespace kc
