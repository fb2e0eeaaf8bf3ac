// Who may organise events (对接会、路演与年会), see their registrants and check them in: the one
// place these rules live (docs/architecture.md, "Permissions: one policy per domain";
// docs/events.md).
#pragma once

#include "core/event.h"
#include "service/actor.h"

namespace kc {

// True when the actor may create events organised by `org_id`: platform admins and the org
// admins of that organisation.
bool CanOrganiseFor(const Actor& actor, int64_t org_id);

// True when the actor may edit, publish and cancel the event, see its registrations with their
// e-mail addresses and check-in codes, check registrants in and cancel anyone's registration:
// its organisers (platform admins and the organising organisation's org admins).
bool CanManageEvent(const Actor& actor, const Event& event);

// True when the actor may read the event: published and cancelled events are public; a draft
// is its organisers' alone (everyone else is told it does not exist).
bool CanSeeEvent(const Actor& actor, const Event& event);

// True when the actor may see the event's registrants (names, organisations, e-mail addresses,
// codes): its organisers only.
bool SeesRegistrations(const Actor& actor, const Event& event);

// True when the registration is the actor's own: a member's registration made while signed in.
// A visitor's registration is reached only through its code.
bool OwnsRegistration(const Actor& actor, const EventRegistration& registration);

}  // namespace kc
