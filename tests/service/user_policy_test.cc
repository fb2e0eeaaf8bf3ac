#include "service/user_policy.h"

#include <gtest/gtest.h>

#include "policy_table.h"

namespace kc {
namespace {

using testing::All;
using testing::Caller;
using testing::CheckTable;
using testing::Everyone;
using testing::kNobody;

// The account of caller `name` (the state of a row names whose account is asked about).
User AccountOf(const std::string& name) {
  for (const Caller& c : Everyone()) {
    if (c.name == name && c.actor.user) return *c.actor.user;
  }
  ADD_FAILURE() << "no account " << name;
  return User{};
}

bool Ask(const std::string& action, const std::string& state, const Caller& caller) {
  const User target = AccountOf(state);
  const Actor& a = caller.actor;
  if (action == "view") return CanViewUser(a, target);
  if (action == "list") return CanListUsers(a);
  if (action == "edit") return CanEditUser(a, target.id);
  if (action == "change_roles") return CanChangeRoles(a);
  if (action == "needs_current_password") return NeedsCurrentPassword(a, target.id);
  if (action == "see_email") return SeesEmail(a, target);
  if (action == "see_join_request") return SeesJoinRequest(a, target);
  ADD_FAILURE() << "no action " << action;
  return false;
}

TEST(UserPolicyTest, RoleByActionByAccount) {
  testing::Callers not_admin = All();
  not_admin.erase("admin");
  CheckTable(
      {
          // An account is seen by its user, its organisation's members, and admins.
          {"view", "member", {"member", "org_admin", "admin"}},
          {"view", "org_admin", {"member", "org_admin", "admin"}},
          {"view", "other_member", {"other_member", "admin"}},
          // Asking to join gives the organisation's members no sight of the account.
          {"view", "pending", {"pending", "admin"}},
          {"view", "no_org", {"no_org", "admin"}},
          {"list", "member", {"admin"}},
          {"edit", "member", {"member", "admin"}},
          {"edit", "reviewer", {"reviewer", "admin"}},
          {"change_roles", "member", {"admin"}},
          // An admin resets another's password without knowing it, but not their own.
          {"needs_current_password", "member", not_admin},
          {"needs_current_password", "admin", All()},
          // The e-mail (and the disabled flag): the user and admins, not the org admin.
          {"see_email", "member", {"member", "admin"}},
          {"see_email", "pending", {"pending", "admin"}},
          {"see_email", "admin", {"admin"}},
          // A request to join: the user and those who decide it.
          {"see_join_request", "pending", {"pending", "org_admin", "admin"}},
          {"see_join_request", "member", kNobody},
      },
      Ask);
}

}  // namespace
}  // namespace kc
