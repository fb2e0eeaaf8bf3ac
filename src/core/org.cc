#include "core/org.h"

#include <array>
#include <utility>

namespace kc {

namespace {
constexpr std::array<std::pair<OrgType, std::string_view>, 9> kTypes{{
    {OrgType::kEnterprise, "enterprise"},
    {OrgType::kUniversity, "university"},
    {OrgType::kInstitute, "institute"},
    {OrgType::kHospital, "hospital"},
    {OrgType::kSociety, "society"},
    {OrgType::kServiceAgency, "service_agency"},
    {OrgType::kInvestor, "investor"},
    {OrgType::kGovernment, "government"},
    {OrgType::kOffshoreBase, "offshore_base"},
}};
constexpr std::array<std::pair<Role, std::string_view>, 4> kRoles{{
    {Role::kMember, "member"},
    {Role::kReviewer, "reviewer"},
    {Role::kAdmin, "admin"},
    {Role::kEditor, "editor"},
}};
constexpr std::array<std::pair<OrgRole, std::string_view>, 2> kOrgRoles{{
    {OrgRole::kMember, "member"},
    {OrgRole::kAdmin, "org_admin"},
}};
}  // namespace

std::string_view OrgTypeName(OrgType type) {
  for (const auto& [t, n] : kTypes) {
    if (t == type) return n;
  }
  return "";
}
std::optional<OrgType> OrgTypeFromName(std::string_view name) {
  for (const auto& [t, n] : kTypes) {
    if (n == name) return t;
  }
  return std::nullopt;
}
std::string_view RoleName(Role role) {
  for (const auto& [r, n] : kRoles) {
    if (r == role) return n;
  }
  return "";
}
std::optional<Role> RoleFromName(std::string_view name) {
  for (const auto& [r, n] : kRoles) {
    if (n == name) return r;
  }
  return std::nullopt;
}
std::string_view OrgRoleName(OrgRole role) {
  for (const auto& [r, n] : kOrgRoles) {
    if (r == role) return n;
  }
  return "";
}
std::optional<OrgRole> OrgRoleFromName(std::string_view name) {
  for (const auto& [r, n] : kOrgRoles) {
    if (n == name) return r;
  }
  return std::nullopt;
}

}  // namespace kc
