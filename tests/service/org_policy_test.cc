#include "service/org_policy.h"

#include <gtest/gtest.h>

#include "policy_table.h"

namespace kc {
namespace {

using testing::AllSignedIn;
using testing::Caller;
using testing::CheckTable;
using testing::kOrg;
using testing::kOtherOrg;
using testing::PolicyRow;

bool Ask(const std::string& action, const std::string& state, const Caller& caller) {
  const int64_t org = state == "org" ? kOrg : kOtherOrg;
  const Actor& a = caller.actor;
  if (action == "create") return CanCreateOrg(a);
  if (action == "join_on_create") return JoinsOrgItCreates(a);
  if (action == "edit") return CanEditOrg(a, org);
  if (action == "see_members") return CanSeeMembers(a, org);
  if (action == "manage_members") return CanManageMembers(a, org);
  ADD_FAILURE() << "no action " << action;
  return false;
}

TEST(OrgPolicyTest, RoleByActionByOrganisation) {
  testing::Callers joiners = AllSignedIn();
  joiners.erase("admin");
  CheckTable(
      {
          // Every caller without an organisation may found one (a pending request included);
          // admins found organisations without joining them.
          {"create", "org", {"no_org", "pending", "reviewer", "editor", "admin"}},
          {"join_on_create", "org", joiners},
          {"edit", "org", {"org_admin", "admin"}},
          {"edit", "other_org", {"admin"}},
          // A pending member sees nothing of the organisation's members until approved.
          {"see_members", "org", {"member", "org_admin", "admin"}},
          {"see_members", "other_org", {"other_member", "admin"}},
          {"manage_members", "org", {"org_admin", "admin"}},
          {"manage_members", "other_org", {"admin"}},
      },
      Ask);
}

}  // namespace
}  // namespace kc
