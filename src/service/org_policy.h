// Who may create and edit an organisation (机构) and manage its members and requests to join:
// the one place these rules live (docs/architecture.md, "Permissions: one policy per domain").
// An organisation's record is public (Orgs::Get and Orgs::List take no caller). A user who
// asked to join (a pending member, `requested_org_id`) has no rights in the organisation until
// one of its admins approves.
#pragma once

#include <cstdint>

#include "service/actor.h"

namespace kc {

// True when the actor may create an organisation: a signed-in user who belongs to none yet, or
// a platform admin. (Others are told 409 "already_member".)
bool CanCreateOrg(const Actor& actor);

// True when creating an organisation makes the actor its org admin: everyone but platform
// admins, who create organisations without joining them.
bool JoinsOrgItCreates(const Actor& actor);

// True when the actor may edit organisation `org_id`'s record: its org admins and platform
// admins.
bool CanEditOrg(const Actor& actor, int64_t org_id);

// True when the actor may list organisation `org_id`'s members: its members (org admins
// included) and platform admins.
bool CanSeeMembers(const Actor& actor, int64_t org_id);

// True when the actor may add, re-role and remove organisation `org_id`'s members, and see and
// decide the requests to join it: its org admins (whatever their platform role) and platform
// admins.
bool CanManageMembers(const Actor& actor, int64_t org_id);

}  // namespace kc
