#include "service/event_policy.h"

namespace kc {

bool CanOrganiseFor(const Actor& actor, int64_t org_id) { return actor.manages_org(org_id); }

bool CanManageEvent(const Actor& actor, const Event& event) {
  return CanOrganiseFor(actor, event.org_id);
}

bool CanSeeEvent(const Actor& actor, const Event& event) {
  return event.status != EventStatus::kDraft || CanManageEvent(actor, event);
}

bool SeesRegistrations(const Actor& actor, const Event& event) {
  return CanManageEvent(actor, event);
}

bool OwnsRegistration(const Actor& actor, const EventRegistration& registration) {
  return actor.signed_in() && registration.user_id && *registration.user_id == *actor.id();
}

}  // namespace kc
