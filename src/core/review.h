// The review workflow (审核) of a listing as a state machine, free of I/O.
#pragma once

#include <string_view>

#include "core/listing.h"
#include "core/status.h"

namespace kc {

// What someone does to a listing's status.
enum class ReviewAction {
  kSubmit,   // owner: draft | rejected → pending
  kApprove,  // reviewer: pending → published
  kReject,   // reviewer: pending → rejected (needs a reason)
  kClose,    // owner or admin: any status but closed → closed
  kRenew,    // owner: published | expired → published with a later expiry
  kEdit,     // owner: any but closed; a published or expired listing goes back to pending
};
std::string_view ActionName(ReviewAction action);

// Returns the status after `action` on a listing in `from`, or a Conflict status
// ("invalid_transition") naming both when the workflow does not allow it.
Result<ListingStatus> NextStatus(ListingStatus from, ReviewAction action);

}  // namespace kc
