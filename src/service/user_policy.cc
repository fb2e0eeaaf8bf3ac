#include "service/user_policy.h"

#include "service/org_policy.h"

namespace kc {

namespace {

bool IsSelf(const Actor& actor, int64_t user_id) {
  return actor.signed_in() && actor.user->id == user_id;
}

}  // namespace

bool CanViewUser(const Actor& actor, const User& user) {
  return IsSelf(actor, user.id) || actor.is_admin() || (user.org_id && actor.in_org(*user.org_id));
}

bool CanListUsers(const Actor& actor) { return actor.is_admin(); }

bool CanEditUser(const Actor& actor, int64_t user_id) {
  return IsSelf(actor, user_id) || actor.is_admin();
}

bool CanChangeRoles(const Actor& actor) { return actor.is_admin(); }

bool NeedsCurrentPassword(const Actor& actor, int64_t user_id) {
  return IsSelf(actor, user_id) || !actor.is_admin();
}

bool SeesEmail(const Actor& viewer, const User& user) {
  return IsSelf(viewer, user.id) || viewer.is_admin();
}

bool SeesJoinRequest(const Actor& viewer, const User& user) {
  if (!user.requested_org_id) return false;
  return IsSelf(viewer, user.id) || CanManageMembers(viewer, *user.requested_org_id);
}

}  // namespace kc
