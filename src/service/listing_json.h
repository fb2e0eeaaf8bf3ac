// Listings as JSON, in the field names of the API contract (DESIGN §5): the one mapping used by
// the API, bulk import and export.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/json_writer.h"
#include "core/listing.h"
#include "core/org.h"
#include "core/status.h"
#include "service/listing_policy.h"

namespace kc {

enum class JsonMode {
  kStrict,   // API: an unknown field is a 400 error
  kLenient,  // import: unknown fields are skipped and reported; "id" becomes "ref"
};

// Reads a listing of `kind` from a JSON object. Field types are checked here (wrong type: 422
// "invalid_type" naming the field); values are checked later by ValidateListing. An "org_id"
// field is read into listing.org_id. Skipped field names are appended to `ignored`.
Result<Listing> ListingFromJson(const nlohmann::json& j, ListingKind kind, JsonMode mode,
                                std::vector<std::string>* ignored = nullptr);

// The listing as the API shows it at `level` (GET /{kind}/{id}); `org` may be null. Written
// straight as text (the detail route's answer), with keys in the order nlohmann::json::dump()
// writes them; ListingToJson is the same as a json value.
void WriteListing(JsonWriter& writer, const Listing& listing, const Org* org, ViewLevel level);
nlohmann::json ListingToJson(const Listing& listing, const Org* org, ViewLevel level);

// The listing as a list shows it at `level`: id, type, ref, title (experts: name, title,
// affiliation), summary, keywords, category, discipline, region, region_name, status,
// visibility, org_id, org, demo, the four timestamps, and reject_reason for its owner;
// details_hidden when the reader may not see the details. Needs only what a
// ListingQuery::summary_only read gives. Written straight as text (a list page writes twenty of
// them); ListingSummaryJson is the same as a json value.
void WriteListingSummary(JsonWriter& writer, const Listing& listing, const Org* org,
                         ViewLevel level);
nlohmann::json ListingSummaryJson(const Listing& listing, const Org* org, ViewLevel level);

// Reads a contact {name, phone, email} (null: an empty contact); 422 "invalid_type" or 400
// "unknown_field" naming "contact.…" otherwise. Values are checked by ValidateContact.
Status ReadContact(const nlohmann::json& value, Contact* out);

// The editable fields in the input shape, so that a PATCH body can be merged over them.
nlohmann::json EditableJson(const Listing& listing);

// The JSON name of the main text field of a kind: description, abstract or bio.
const char* BodyField(ListingKind kind);

}  // namespace kc
