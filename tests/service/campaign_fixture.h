// The world the campaign service tests start from: the service fixture's accounts and
// organisations, experts with published profiles, and an open young scientists' award.
#pragma once

#include <gtest/gtest.h>

#include "service/campaigns.h"
#include "service/fixture.h"

namespace kc::testing {

class CampaignsTest : public ServiceTest {
 protected:
  void SetUp() override { MakeWorld(); }

  // A published expert listing owned by a new user of `org`, in `discipline`.
  User Expert(const std::string& name, const Org& org, const std::string& discipline) {
    User u = AddUser(name, Role::kMember, org.id);
    Listing l;
    l.kind = ListingKind::kExpert;
    l.org_id = org.id;
    l.owner_id = u.id;
    l.title = name;
    l.body = "专家简介";
    l.discipline = discipline;
    l.status = ListingStatus::kPublished;
    l.created_at = l.updated_at = l.published_at = clock_.Now();
    Status s = store().Write([&](StoreTx& tx) { return tx.InsertListing(l).status(); });
    EXPECT_TRUE(s.ok()) << s.message();
    return u;
  }

  // The young scientists' award for 2026, open now, needing `reviewers` reviewers.
  Campaign OpenAward(int reviewers = 2) {
    Campaign c = *CampaignFromTemplate("qiushi-young-scientist-award", 2026);
    c.nomination_opens = kT0 - kDay;
    c.nomination_closes = kT0 + 10 * kDay;
    c.review_opens = kT0 + 10 * kDay;
    c.review_closes = kT0 + 40 * kDay;
    c.min_reviewers = reviewers;
    auto created = campaigns_.Create(Actor::Of(admin_), c);
    EXPECT_TRUE(created.ok()) << created.status().message();
    auto opened = campaigns_.Open(Actor::Of(admin_), created->id);
    EXPECT_TRUE(opened.ok());
    return *opened;
  }

  Nomination Person(const std::string& name, const std::string& birth, const Org& own) {
    Nomination n;
    n.nominee_type = NomineeType::kPerson;
    n.nominee_name = name;
    n.nominee_org_id = own.id;
    n.birth_date = birth;
    n.discipline = "材料科学与工程";
    n.materials = {{"推荐书", ""}, {"成果证明", ""}};
    return n;
  }

  Campaigns campaigns_{store(), clock_};
};

}  // namespace kc::testing
