// Who may subscribe (订阅) and to what: the one place these rules live (docs/architecture.md,
// "Permissions: one policy per domain"). A subscription and a notification belong to one user:
// the store reads, deletes and marks them only together with their user's id
// (Store::DeleteSubscription, MarkNotificationRead), so no one reaches another user's.
#pragma once

#include "core/listing.h"
#include "service/actor.h"

namespace kc {

// True when the actor may save searches, follow listings, and read and manage their own
// subscriptions and notifications: every signed-in user (visitors are asked to sign in).
bool CanSubscribe(const Actor& actor);

// True when the actor may follow `listing`: a signed-in user who may read it (CanRead in
// listing_policy.h). A listing the actor may not read is reported as unknown.
bool CanFollow(const Actor& actor, const Listing& listing);

}  // namespace kc
