#include "net/peer_policy.h"

namespace kc::net {

bool CanManagePeers(const Actor& actor) { return actor.signed_in() && actor.is_admin(); }

}  // namespace kc::net
