#include "core/org.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace kc {
namespace {

TEST(OrgTypeTest, NamesRoundTripForEveryType) {
  const std::vector<std::pair<OrgType, std::string>> types = {
      {OrgType::kEnterprise, "enterprise"},
      {OrgType::kUniversity, "university"},
      {OrgType::kInstitute, "institute"},
      {OrgType::kHospital, "hospital"},
      {OrgType::kSociety, "society"},
      {OrgType::kServiceAgency, "service_agency"},
      {OrgType::kInvestor, "investor"},
      {OrgType::kGovernment, "government"},
      {OrgType::kOffshoreBase, "offshore_base"},
  };
  std::set<std::string> seen;
  for (const auto& [type, name] : types) {
    SCOPED_TRACE(name);
    EXPECT_EQ(OrgTypeName(type), name);
    EXPECT_EQ(OrgTypeFromName(name), type);
    seen.insert(std::string(OrgTypeName(type)));
  }
  EXPECT_EQ(seen.size(), types.size());
}

TEST(OrgTypeTest, UnknownNamesAreRejected) {
  for (const char* bad :
       {"", "Enterprise", "company", "service-agency", "service agency", "企业", "university "}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(OrgTypeFromName(bad), std::nullopt);
  }
}

TEST(RoleTest, NamesRoundTripForEveryRole) {
  const std::vector<std::pair<Role, std::string>> roles = {
      {Role::kMember, "member"}, {Role::kOrgAdmin, "org_admin"}, {Role::kReviewer, "reviewer"},
      {Role::kAdmin, "admin"},   {Role::kEditor, "editor"},
  };
  for (const auto& [role, name] : roles) {
    SCOPED_TRACE(name);
    EXPECT_EQ(RoleName(role), name);
    EXPECT_EQ(RoleFromName(name), role);
  }
}

TEST(RoleTest, UnknownNamesAreRejected) {
  for (const char* bad : {"", "Admin", "root", "org-admin", "orgadmin", "superuser"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(RoleFromName(bad), std::nullopt);
  }
}

TEST(OrgTest, DefaultsAreAnEnterpriseAndAMember) {
  EXPECT_EQ(Org{}.type, OrgType::kEnterprise);
  EXPECT_FALSE(Org{}.demo);
  User u;
  EXPECT_EQ(u.role, Role::kMember);
  EXPECT_FALSE(u.org_id.has_value());
  EXPECT_FALSE(u.disabled);
}

}  // namespace
}  // namespace kc
