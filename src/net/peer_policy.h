// Who may manage the partner directory (朋友圈): the one place this rule lives
// (docs/architecture.md, "Permissions: one policy per domain"). The public partners page lists
// active peers to everyone (Peers::ListPartners takes no caller).
#pragma once

#include "service/actor.h"

namespace kc::net {

// True when the actor adds peers, accepts, suspends and removes them, and edits their country
// and frameworks: platform admins only (never an organisation's admin).
bool CanManagePeers(const Actor& actor);

}  // namespace kc::net
