// Who may see and act on a deal: the one place these rules live.
#pragma once

#include <optional>

#include "core/deal.h"
#include "service/actor.h"

namespace kc {

// True when the actor belongs to the deal's buyer, seller or broker organisation, or is a
// platform admin. Everyone else is told the deal does not exist.
bool IsDealParty(const Actor& actor, const Deal& deal);

// The side (buyer or seller organisation) the actor may agree for in a step that binds both
// parties (NeedsBothParties): the actor's own organisation when it is the buyer or the seller.
// Empty for brokers, platform admins of other organisations and everyone else.
std::optional<int64_t> BindingSide(const Actor& actor, const Deal& deal);

}  // namespace kc
