// Organisations and the people who belong to them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kc {

// The kind of an organisation (机构类型).
enum class OrgType {
  kEnterprise,     // 企业
  kUniversity,     // 高校
  kInstitute,      // 科研院所
  kHospital,       // 医院
  kSociety,        // 学会
  kServiceAgency,  // 技术转移服务机构
  kInvestor,       // 投资机构
  kGovernment,     // 政府部门
  kOffshoreBase,   // 离岸创新创业基地
};
std::string_view OrgTypeName(OrgType type);
std::optional<OrgType> OrgTypeFromName(std::string_view name);

// 机构: an organisation on the platform.
struct Org {
  int64_t id = 0;
  std::string name;
  OrgType type = OrgType::kEnterprise;
  std::string region;       // GB/T 2260 code or empty
  std::string country;      // ISO 3166-1 alpha-2, "CN" by default
  std::string credit_code;  // 统一社会信用代码 or empty
  std::string description;
  std::string website;
  bool demo = false;
  int64_t created_at = 0;
  bool shared_to_network = true;  // its listings are offered to partner platforms (docs/network.md §4.1)
  int64_t peer_id = 0;            // not 0: the organisation standing for that partner platform here
};

// A platform-wide role (平台角色): reviewers (审核员) moderate listings, editors (编辑) write and
// publish news, admins may do everything. Independent of the organisation role: a reviewer may
// also be an org admin, and nothing done within an organisation changes the platform role.
enum class Role { kMember, kReviewer, kAdmin, kEditor };
std::string_view RoleName(Role role);
std::optional<Role> RoleFromName(std::string_view name);

// A role within the user's organisation (机构角色): org admins manage its members and listings.
// Meaningful only while the user belongs to an organisation; kMember otherwise.
enum class OrgRole { kMember, kAdmin };
std::string_view OrgRoleName(OrgRole role);  // "member", "org_admin"
std::optional<OrgRole> OrgRoleFromName(std::string_view name);

// 用户: an account.
struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string email;
  Role role = Role::kMember;
  OrgRole org_role = OrgRole::kMember;  // within org_id
  std::optional<int64_t> org_id;
  // 加入申请: the organisation the user asked to join, until one of its admins approves (org_id
  // is then set) or rejects; the request gives no rights in that organisation.
  std::optional<int64_t> requested_org_id;
  std::string password_hash;  // argon2id string; never leaves the service layer
  bool disabled = false;
  int64_t created_at = 0;
};

}  // namespace kc
