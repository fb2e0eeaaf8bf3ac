#include "service/programme_body_policy.h"

namespace kc {

bool CanMaintainProgrammeBodies(const Actor& actor) { return actor.is_admin(); }

}  // namespace kc
