// Who may read, see the details of, edit and review a listing: the one place these rules live.
#pragma once

#include "core/listing.h"
#include "service/actor.h"

namespace kc {

// How much of a listing a caller sees.
enum class ViewLevel {
  kSummary,  // visitor, members-only listing: title, keywords, fields, a short summary
  kPublic,   // visitor, public listing: all text but no contact
  kMember,   // signed-in member: everything but the owner's review notes
  kOwner,    // the owning organisation, reviewers and admins: everything
};

// True when the actor may read the listing at all (published listings are public; other states
// only for the owning organisation, reviewers and admins).
bool CanRead(const Actor& actor, const Listing& listing);

// The view level for a listing the actor may read.
ViewLevel ViewLevelFor(const Actor& actor, const Listing& listing);

// True when the actor may edit, submit, close, renew or delete the listing. Nobody may edit a
// partner's listing (Listing::remote()) here; CanFix neither.
bool CanEdit(const Actor& actor, const Listing& listing);

// True when the actor may change a listing's fields: its organisation, or a reviewer fixing it
// in place during moderation.
bool CanFix(const Actor& actor, const Listing& listing);

// True when the actor may approve or reject listings.
bool CanReview(const Actor& actor);

}  // namespace kc
