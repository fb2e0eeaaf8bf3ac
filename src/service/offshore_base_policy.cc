#include "service/offshore_base_policy.h"

namespace kc {

bool CanCreateBase(const Actor& actor, std::optional<int64_t> org_id) {
  if (actor.is_admin()) return true;
  return org_id && actor.manages_org(*org_id);
}

bool CanMaintainBase(const Actor& actor, const OffshoreBase& base) {
  if (actor.is_admin()) return true;
  return base.org_id && actor.manages_org(*base.org_id);
}

bool CanReassignBase(const Actor& actor) { return actor.is_admin(); }

bool CanSeeBase(const Actor& actor, const OffshoreBase& base) {
  return base.status != BaseStatus::kDraft || CanMaintainBase(actor, base);
}

bool SeesAllDraftBases(const Actor& actor) { return actor.is_admin(); }

}  // namespace kc
