#include "service/listing_policy.h"

namespace kc {

bool CanRead(const Actor& actor, const Listing& listing) {
  if (listing.status == ListingStatus::kPublished) return true;
  if (actor.in_org(listing.org_id)) return true;
  // A draft is its organisation's work in progress: reviewers see it once submitted.
  return actor.is_reviewer() && listing.status != ListingStatus::kDraft;
}

ViewLevel ViewLevelFor(const Actor& actor, const Listing& listing) {
  if (actor.in_org(listing.org_id)) return ViewLevel::kOwner;
  if (actor.is_reviewer() && listing.status != ListingStatus::kDraft) return ViewLevel::kOwner;
  if (actor.signed_in()) return ViewLevel::kMember;
  return listing.visibility == Visibility::kPublic ? ViewLevel::kPublic : ViewLevel::kSummary;
}

// A partner's listing is a copy that only its origin node changes (docs/network.md §4).
bool CanEdit(const Actor& actor, const Listing& listing) {
  return !listing.remote() && actor.in_org(listing.org_id);
}

bool CanFix(const Actor& actor, const Listing& listing) {
  return !listing.remote() && (CanEdit(actor, listing) || actor.is_reviewer());
}

bool CanReview(const Actor& actor) { return actor.is_reviewer(); }

}  // namespace kc
