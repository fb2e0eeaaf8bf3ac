// In-app notices about a listing's review (审核结果) to the people responsible for it.
#pragma once

#include <optional>
#include <string>

#include "core/listing.h"
#include "store/store.h"

namespace kc {

// Notifies, inside `tx`, the people who answer for `listing`: its creator while they are an
// active member of the listing's organisation, and the organisation's active org admins (who
// manage its listings), each once, never `actor_id` (who did it). `kind` is a Notification kind
// ("listing_approved", "listing_rejected") that clients render in their language; `message` is
// its one parameter besides the listing (the rejection reason, or empty). Returns the number of
// notices written.
Result<int> NotifyListingOwners(StoreTx& tx, const Listing& listing,
                                std::optional<int64_t> actor_id, const std::string& kind,
                                const std::string& message, int64_t now);

}  // namespace kc
