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

// The number of Unicode code points in valid UTF-8 text.
size_t Utf8Length(std::string_view s);

// The first `max_chars` code points of `s` followed by "…" when it was longer.
std::string Utf8Prefix(std::string_view s, size_t max_chars);

// True for a valid calendar date written YYYY-MM-DD.
bool IsIsoDate(std::string_view s);

}  // namespace kc
