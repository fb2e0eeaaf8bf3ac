#include "service/deal_policy.h"

namespace kc {

bool IsDealParty(const Actor& actor, const Deal& deal) {
  if (!actor.signed_in()) return false;
  if (actor.is_admin()) return true;
  if (!actor.user->org_id) return false;
  const int64_t org = *actor.user->org_id;
  return org == deal.buyer_org_id || org == deal.seller_org_id ||
         (deal.broker_org_id && org == *deal.broker_org_id);
}

std::optional<int64_t> BindingSide(const Actor& actor, const Deal& deal) {
  if (!actor.signed_in() || !actor.user->org_id) return std::nullopt;
  const int64_t org = *actor.user->org_id;
  if (org == deal.buyer_org_id || org == deal.seller_org_id) return org;
  return std::nullopt;
}

}  // namespace kc
