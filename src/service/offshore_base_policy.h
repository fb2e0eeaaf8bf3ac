// Who may see and maintain the offshore bases (海外人才离岸创新创业基地): the one place these rules
// live (docs/architecture.md, "Permissions: one policy per domain"; docs/bases.md).
#pragma once

#include <cstdint>
#include <optional>

#include "core/offshore_base.h"
#include "service/actor.h"

namespace kc {

// True when the actor may add a base run by `org_id` (nullopt: run by no organisation of the
// platform): platform admins, and the org admins of `org_id` for their own organisation.
bool CanCreateBase(const Actor& actor, std::optional<int64_t> org_id);

// True when the actor maintains `base`: edits it, publishes, closes or deletes it, and sets its
// people and projects. Platform admins and the org admins of the organisation that runs it.
bool CanMaintainBase(const Actor& actor, const OffshoreBase& base);

// True when the actor may hand a base to another organisation (change its `org_id`): platform
// admins only, so that an org admin neither gives a base away nor takes one over.
bool CanReassignBase(const Actor& actor);

// True when the actor may see the base: published and closed bases are public; a draft only to
// those who maintain it (everyone else is told it does not exist).
bool CanSeeBase(const Actor& actor, const OffshoreBase& base);

// True when the actor sees every draft in lists (platform admins); an org admin's lists hold the
// drafts of the bases their organisation runs, others' lists none.
bool SeesAllDraftBases(const Actor& actor);

}  // namespace kc
