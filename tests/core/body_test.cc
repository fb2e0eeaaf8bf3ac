#include "core/body.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(BodyTest, ValidatesBodiesAndMembers) {
  Body b{0, BodyKind::kConsortium, "consortium", "联合体", "", "", "2021", 0};
  EXPECT_TRUE(ValidateBody(b).ok());
  b.established = "2021-01";
  EXPECT_EQ(ValidateBody(b).field(), "established");
  b.established = "";
  b.slug = "Con sortium";
  EXPECT_EQ(ValidateBody(b).field(), "slug");

  BodyMember m;
  m.name = "某大学";
  m.role = "成员单位";
  EXPECT_TRUE(ValidateBodyMember(m).ok());
  m.term_start = "2021-02-30x";
  EXPECT_EQ(ValidateBodyMember(m).field(), "term_start");
  m.term_start = "2021-02-01";
  m.term_end = "2021-01-31";
  EXPECT_EQ(ValidateBodyMember(m).field(), "term_end");
  m.term_end = "";
  m.role = " ";
  EXPECT_EQ(ValidateBodyMember(m).field(), "role");
}

TEST(BodyTest, NamesRoundTrip) {
  for (auto k : {BodyKind::kAdvisoryCommittee, BodyKind::kConsortium}) {
    EXPECT_EQ(BodyKindFromName(BodyKindName(k)), k);
  }
  for (auto t : {MemberType::kPerson, MemberType::kOrganisation}) {
    EXPECT_EQ(MemberTypeFromName(MemberTypeName(t)), t);
  }
  EXPECT_EQ(BodyKindFromName("committee"), std::nullopt);
  EXPECT_TRUE(IsDateText("2021-01-18"));
  EXPECT_FALSE(IsDateText("2021-1-18"));
}

}  // namespace
}  // namespace kc
