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
      {Role::kMember, "member"},
      {Role::kReviewer, "reviewer"},
      {Role::kAdmin, "admin"},
      {Role::kEditor, "editor"},
  };
  for (const auto& [role, name] : roles) {
    SCOPED_TRACE(name);
    EXPECT_EQ(RoleName(role), name);
    EXPECT_EQ(RoleFromName(name), role);
  }
}

TEST(RoleTest, UnknownNamesAreRejected) {
  // org_admin is an organisation role, not a platform one.
  for (const char* bad : {"", "Admin", "root", "org-admin", "orgadmin", "superuser", "org_admin"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(RoleFromName(bad), std::nullopt);
  }
}

TEST(OrgRoleTest, NamesRoundTripAndPlatformRolesAreNotOrgRoles) {
  EXPECT_EQ(OrgRoleName(OrgRole::kMember), "member");
  EXPECT_EQ(OrgRoleName(OrgRole::kAdmin), "org_admin");
  EXPECT_EQ(OrgRoleFromName("member"), OrgRole::kMember);
  EXPECT_EQ(OrgRoleFromName("org_admin"), OrgRole::kAdmin);
  for (const char* bad : {"", "admin", "reviewer", "editor", "Org_Admin"}) {
    SCOPED_TRACE(bad);
    EXPECT_EQ(OrgRoleFromName(bad), std::nullopt);
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
