#include "service/programme_bodies.h"

#include <gtest/gtest.h>

#include "service/fixture.h"

namespace kc {
namespace {

class ProgrammeBodiesTest : public testing::ServiceTest {
 protected:
  void SetUp() override { MakeWorld(); }
  ProgrammeBodies programme_bodies_{store(), clock_};
};

TEST_F(ProgrammeBodiesTest, AdminsMaintainEveryoneReads) {
  ProgrammeBody committee{0,
                          ProgrammeBodyKind::kAdvisoryCommittee,
                          "advisory-committee",
                          "“科创中国”咨询委员会",
                          "Advisory Committee",
                          "",
                          "2021-01-18",
                          0};
  EXPECT_EQ(programme_bodies_.Create(Actor::Of(a_admin_), committee).status().kind(),
            ErrorKind::kForbidden);
  auto created = programme_bodies_.Create(Actor::Of(admin_), committee);
  ASSERT_TRUE(created.ok()) << created.status().message();
  EXPECT_EQ(programme_bodies_.Create(Actor::Of(admin_), committee).status().code(), "slug_taken");

  ProgrammeBodyMember chair;
  chair.member_type = MemberType::kPerson;
  chair.name = "王主任";
  chair.title = "某大学教授";
  chair.role = "主任";
  chair.term_start = "2021-01-18";
  chair.term_end = "2024-01-17";
  auto added = programme_bodies_.AddMember(Actor::Of(admin_), "advisory-committee", chair);
  ASSERT_TRUE(added.ok()) << added.status().message();
  ProgrammeBodyMember org_member;
  org_member.member_type = MemberType::kOrganisation;
  org_member.name = org_b_.name;
  org_member.org_id = org_b_.id;
  org_member.role = "成员单位";
  ASSERT_TRUE(
      programme_bodies_.AddMember(Actor::Of(admin_), "advisory-committee", org_member).ok());

  ProgrammeBodyMember bad = chair;
  bad.term_end = "2020-01-01";
  EXPECT_EQ(
      programme_bodies_.AddMember(Actor::Of(admin_), "advisory-committee", bad).status().field(),
      "term_end");
  bad = org_member;
  bad.org_id = 99999;
  EXPECT_EQ(
      programme_bodies_.AddMember(Actor::Of(admin_), "advisory-committee", bad).status().field(),
      "org_id");
  EXPECT_EQ(programme_bodies_.AddMember(Actor::Of(admin_), "none", chair).status().kind(),
            ErrorKind::kNotFound);

  auto got = programme_bodies_.Get("advisory-committee");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->body.name, "“科创中国”咨询委员会");
  ASSERT_EQ(got->members.size(), 2u);
  EXPECT_EQ(got->members[0].role, "主任");
  EXPECT_EQ(programme_bodies_.List()->size(), 1u);

  EXPECT_EQ(
      programme_bodies_.RemoveMember(Actor::Of(a_member_), "advisory-committee", added->id).kind(),
      ErrorKind::kForbidden);
  ASSERT_TRUE(
      programme_bodies_.RemoveMember(Actor::Of(admin_), "advisory-committee", added->id).ok());
  EXPECT_EQ(programme_bodies_.Get("advisory-committee")->members.size(), 1u);
}

}  // namespace
}  // namespace kc
