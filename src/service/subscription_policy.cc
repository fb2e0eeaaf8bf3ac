#include "service/subscription_policy.h"

#include "service/listing_policy.h"

namespace kc {

bool CanSubscribe(const Actor& actor) { return actor.signed_in(); }

bool CanFollow(const Actor& actor, const Listing& listing) {
  return CanSubscribe(actor) && CanRead(actor, listing);
}

}  // namespace kc
