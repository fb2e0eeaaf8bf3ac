// Who may see and act on a deal: the one place these rules live.
#pragma once

#include "core/deal.h"
#include "service/actor.h"

namespace kc {

// True when the actor belongs to the deal's buyer, seller or broker organisation, or is a
// platform admin. Everyone else is told the deal does not exist.
bool IsDealParty(const Actor& actor, const Deal& deal);

}  // namespace kc
