// Who may maintain the programme's bodies (咨询委员会与联合体): the one place this rule lives
// (docs/architecture.md, "Permissions: one policy per domain"). Reading the bodies and their
// members is public: ProgrammeBodies::List and ProgrammeBodies::Get take no caller.
#pragma once

#include "service/actor.h"

namespace kc {

// True when the actor maintains the bodies: creates them, adds and removes their members.
// Platform admins only.
bool CanMaintainProgrammeBodies(const Actor& actor);

}  // namespace kc
