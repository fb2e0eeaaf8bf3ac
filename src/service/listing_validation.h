// The rules a listing's fields must meet before it is stored.
#pragma once

#include <string_view>

#include "core/listing.h"
#include "core/status.h"

namespace kc {

// Checks and normalises a listing's fields for its kind: trims text, removes duplicate
// keywords, fills the category from the discipline, maps English taxonomy names to Chinese
// ones, normalises patent numbers. Returns a 422 status naming the first bad field (with the
// JSON name: "description"/"abstract"/"bio", "name" for an expert's name).
Status ValidateListing(Listing& listing);

// Checks and trims a contact as listings take it (name ≤ 50 characters, phone ≤ 40 of digits
// and + - ( ) #, e-mail ≤ 254 with an @); 422 naming "contact.name", "contact.phone" or
// "contact.email". Offshore bases share the rule (service/offshore_bases.h).
Status ValidateContact(Contact& contact);


// True for a valid calendar date written YYYY-MM-DD.
bool IsIsoDate(std::string_view s);

}  // namespace kc
