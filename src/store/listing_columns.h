// The column list the stores read a listing with, the same SQL in every backend: the full row,
// and the summary a list page reads (ListingQuery::summary_only) at the same positions, so one
// row reader serves both.
#pragma once

#include <string>

#include "store/records.h"

namespace kc {

inline constexpr const char* kListingCols =
    "id, kind, org_id, owner_id, ref, title, body, keywords, category, discipline, region, "
    "status, reject_reason, visibility, contact, demo, created_at, updated_at, published_at, "
    "expires_at, budget_min, budget_max, deadline, cooperation_modes, maturity, patents, "
    "transfer_modes, price_min, price_max, inventors, rank, affiliation, disciplines, shared, "
    "origin_peer_id, origin_id, origin_url, origin_org_name, person_name, talent_type, languages, "
    "talent_modes, country";

// kListingCols with the details a list does not show read as NULL and the body cut to
// kSummaryChars + 1 characters.
inline const std::string kListingSummaryCols =
    "id, kind, org_id, owner_id, ref, title, substr(body, 1, " + std::to_string(kSummaryChars + 1) +
    "), keywords, category, discipline, region, status, reject_reason, visibility, NULL, demo, "
    "created_at, updated_at, published_at, expires_at, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
    "NULL, NULL, NULL, rank, affiliation, NULL, shared, origin_peer_id, origin_id, origin_url, "
    "origin_org_name, NULL, talent_type, NULL, talent_modes, country";

}  // namespace kc
