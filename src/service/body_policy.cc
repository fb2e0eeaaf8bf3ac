#include "service/body_policy.h"

namespace kc {

bool CanMaintainBodies(const Actor& actor) { return actor.is_admin(); }

}  // namespace kc
