#include "service/org_policy.h"

namespace kc {

bool CanCreateOrg(const Actor& actor) {
  return actor.is_admin() || (actor.signed_in() && !actor.user->org_id);
}

bool JoinsOrgItCreates(const Actor& actor) { return actor.signed_in() && !actor.is_admin(); }

bool CanEditOrg(const Actor& actor, int64_t org_id) { return actor.manages_org(org_id); }

bool CanSeeMembers(const Actor& actor, int64_t org_id) { return actor.in_org(org_id); }

bool CanManageMembers(const Actor& actor, int64_t org_id) { return actor.manages_org(org_id); }

}  // namespace kc
