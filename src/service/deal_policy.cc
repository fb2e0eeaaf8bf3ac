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

}  // namespace kc
