#include "core/programme_body.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(ProgrammeBodyTest, ValidatesBodiesAndMembers) {
  ProgrammeBody b{0, ProgrammeBodyKind::kConsortium, "consortium", "联合体", "", "", "2021", 0};
  EXPECT_TRUE(ValidateProgrammeBody(b).ok());
  b.established = "2021-01";
  EXPECT_EQ(ValidateProgrammeBody(b).field(), "established");
  b.established = "";
  b.slug = "Con sortium";
  EXPECT_EQ(ValidateProgrammeBody(b).field(), "slug");

  ProgrammeBodyMember m;
  m.name = "某大学";
  m.role = "成员单位";
  EXPECT_TRUE(ValidateProgrammeBodyMember(m).ok());
  m.term_start = "2021-02-30x";
  EXPECT_EQ(ValidateProgrammeBodyMember(m).field(), "term_start");
  m.term_start = "2021-02-01";
  m.term_end = "2021-01-31";
  EXPECT_EQ(ValidateProgrammeBodyMember(m).field(), "term_end");
  m.term_end = "";
  m.role = " ";
  EXPECT_EQ(ValidateProgrammeBodyMember(m).field(), "role");
}

TEST(ProgrammeBodyTest, NamesRoundTrip) {
  for (auto k : {ProgrammeBodyKind::kAdvisoryCommittee, ProgrammeBodyKind::kConsortium}) {
    EXPECT_EQ(ProgrammeBodyKindFromName(ProgrammeBodyKindName(k)), k);
  }
  for (auto t : {MemberType::kPerson, MemberType::kOrganisation}) {
    EXPECT_EQ(MemberTypeFromName(MemberTypeName(t)), t);
  }
  EXPECT_EQ(ProgrammeBodyKindFromName("committee"), std::nullopt);
  EXPECT_TRUE(IsDateText("2021-01-18"));
  EXPECT_FALSE(IsDateText("2021-1-18"));
}

}  // namespace
}  // namespace kc
