// Nominations: eligibility checked on submission, with the reason when refused.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "service/campaign_fixture.h"

namespace kc {
namespace {

using testing::CampaignsTest;
using testing::kDay;
using testing::kT0;

TEST_F(CampaignsTest, NominationsAreCheckedWithAReason) {
  Campaign award = OpenAward();
  Org institute = AddOrg("某研究院");
  // An organisation's admin nominates; a plain member may not.
  EXPECT_EQ(
      campaigns_.Nominate(Actor::Of(a_member_), award.id, Person("甲", "1990-01-01", institute))
          .status()
          .kind(),
      ErrorKind::kForbidden);
  auto ok =
      campaigns_.Nominate(Actor::Of(a_admin_), award.id, Person("甲", "1990-01-01", institute));
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->nominator_org_id, org_a_.id);

  auto too_old =
      campaigns_.Nominate(Actor::Of(a_admin_), award.id, Person("乙", "1980-05-01", institute));
  EXPECT_EQ(too_old.status().code(), "ineligible");
  EXPECT_EQ(too_old.status().field(), "birth_date");
  EXPECT_NE(too_old.status().message().find("46"), std::string::npos) << too_old.status().message();

  // The award takes no self-nomination: org A may not nominate its own researcher.
  auto self =
      campaigns_.Nominate(Actor::Of(a_admin_), award.id, Person("丙", "1990-01-01", org_a_));
  EXPECT_EQ(self.status().code(), "ineligible");
  EXPECT_EQ(self.status().field(), "nominator_org_id");

  auto again =
      campaigns_.Nominate(Actor::Of(a_admin_), award.id, Person("甲", "1990-01-01", institute));
  EXPECT_EQ(again.status().code(), "already_nominated");

  clock_.Advance(20 * kDay);
  auto late =
      campaigns_.Nominate(Actor::Of(a_admin_), award.id, Person("丁", "1990-01-01", institute));
  EXPECT_EQ(late.status().code(), "nominations_closed");
}

// A 7 MiB discipline was once stored as it came: every field is bounded before anything is.
TEST_F(CampaignsTest, EveryNominationFieldIsBoundedAndNotEchoed) {
  Campaign award = OpenAward();
  Org institute = AddOrg("某研究院");
  const std::string huge(7 << 20, 'x');
  struct Case {
    const char* field;
    std::function<void(Nomination&)> edit;
  };
  const std::vector<Case> cases = {
      {"discipline", [&](Nomination& n) { n.discipline = huge; }},
      {"nominee_name", [&](Nomination& n) { n.nominee_name = huge; }},
      {"birth_date", [&](Nomination& n) { n.birth_date = huge; }},
      {"summary", [&](Nomination& n) { n.summary = huge; }},
      {"materials", [&](Nomination& n) { n.materials[0].title = huge; }},
      {"materials", [&](Nomination& n) { n.materials[0].url = "https://a.example/" + huge; }},
  };
  for (const Case& c : cases) {
    Nomination n = Person("甲", "1990-01-01", institute);
    c.edit(n);
    auto r = campaigns_.Nominate(Actor::Of(a_admin_), award.id, n);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.status().code(), "too_long") << c.field;
    EXPECT_EQ(r.status().field(), c.field);
    EXPECT_LT(r.status().message().size(), 100u) << c.field;
  }
  // A discipline of 100 Chinese characters (300 bytes) is within bounds.
  Nomination fine = Person("乙", "1990-01-01", institute);
  fine.discipline.clear();
  for (int i = 0; i < 100; ++i) fine.discipline += "材";
  EXPECT_TRUE(campaigns_.Nominate(Actor::Of(a_admin_), award.id, fine).ok());
}

}  // namespace
}  // namespace kc
