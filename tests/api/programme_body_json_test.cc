#include "api/programme_body_json.h"

#include <gtest/gtest.h>

#include "api/schema_check.h"

namespace kc::api {
namespace {

using nlohmann::json;

TEST(ProgrammeBodyJsonTest, BodiesAndMembersValidateAgainstTheirSchemas) {
  ProgrammeBody b;
  b.id = 1;
  b.kind = ProgrammeBodyKind::kConsortium;
  b.slug = "consortium";
  b.name = "联合体";
  ProgrammeBodyMember person;
  person.id = 2;
  person.name = "王教授";
  person.role = "主任";
  ProgrammeBodyMember org = person;
  org.member_type = MemberType::kOrganisation;
  org.org_id = 7;
  json with_members = ProgrammeBodyJson(ProgrammeBodyWithMembers{b, {person, org}});
  EXPECT_EQ(with_members["members"].size(), 2u);
  EXPECT_TRUE(with_members["members"][0]["org_id"].is_null());
  EXPECT_EQ(with_members["members"][1]["org_id"], 7);
  EXPECT_FALSE(ProgrammeBodyJson(b).contains("members"));
  testing::ExpectValid(ProgrammeBodySchema(),
                       {ProgrammeBodyJson(b), ProgrammeBodyJson(ProgrammeBody{})});
  testing::ExpectValid(ProgrammeBodySchema(/*with_members=*/true), {with_members});
  testing::ExpectValid(MemberSchema(), {MemberJson(person), MemberJson(org)});
}

TEST(ProgrammeBodyJsonTest, ReadsBodiesAndMembers) {
  auto b =
      ReadProgrammeBody({{"kind", "advisory_committee"}, {"slug", "ac"}, {"name", "咨询委员会"}});
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(b->kind, ProgrammeBodyKind::kAdvisoryCommittee);
  EXPECT_EQ(ReadProgrammeBody({{"kind", "club"}, {"slug", "c"}, {"name", "c"}}).status().field(),
            "kind");
  EXPECT_EQ(ReadProgrammeBody({{"slug", "c"}, {"name", "c"}}).status().field(), "kind");
  auto m = ReadMember({{"member_type", "organisation"},
                       {"name", "某大学"},
                       {"role", "成员"},
                       {"org_id", 4},
                       {"position", 2000000}});
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m->org_id, 4);
  EXPECT_EQ(m->position, 100000) << "clamped";
  EXPECT_EQ(ReadMember({{"member_type", "robot"}, {"name", "x"}, {"role", "y"}}).status().field(),
            "member_type");
}

}  // namespace
}  // namespace kc::api
