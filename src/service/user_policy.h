// Who may see and change an account, and which of its fields they are shown: the one place
// these rules live (docs/architecture.md, "Permissions: one policy per domain").
#pragma once

#include <cstdint>

#include "core/org.h"
#include "service/actor.h"

namespace kc {

// True when the actor may read the account: its user, members of the same organisation (only
// once they belong to it: a pending request gives no sight of its members), and platform
// admins. Everyone else is told the account does not exist.
bool CanViewUser(const Actor& actor, const User& user);

// True when the actor may list every account: platform admins only.
bool CanListUsers(const Actor& actor);

// True when the actor may edit account `user_id`'s profile and password: its user and platform
// admins.
bool CanEditUser(const Actor& actor, int64_t user_id);

// True when the actor may change an account's platform role, organisation role or disabled
// flag: platform admins only.
bool CanChangeRoles(const Actor& actor);

// True when changing account `user_id`'s password needs the actor's current password: always
// for one's own account, and for anyone who is not a platform admin.
bool NeedsCurrentPassword(const Actor& actor, int64_t user_id);

// True when `viewer` is shown the account's e-mail address and whether it is disabled: the
// account's user and platform admins.
bool SeesEmail(const Actor& viewer, const User& user);

// True when `viewer` is shown the organisation the account asked to join: its user, and those
// who decide the request (the organisation's admins and platform admins).
bool SeesJoinRequest(const Actor& viewer, const User& user);

}  // namespace kc
