// How list- and object-valued fields of records are kept in a text column, the same in every
// backend (so a backup moves between them unchanged): string lists as JSON arrays, a contact as
// a JSON object.
#pragma once

#include <string>
#include <vector>

#include "core/listing.h"
#include "core/news.h"
#include "core/open_call.h"

namespace kc {

// ["a","b"] text for a list of strings.
std::string JoinArray(const std::vector<std::string>& v);
// The strings of a JSON array text; anything else (or non-string elements) is skipped.
std::vector<std::string> SplitArray(const std::string& text);

// {"name","phone","email"} text for a contact, and back (missing members read as "").
std::string ContactJson(const Contact& c);
Contact ContactFrom(const std::string& text);

// [{"name","weight"}] text for an open call's criteria, and back (a missing weight reads as 1).
std::string CriteriaJson(const std::vector<Criterion>& criteria);
std::vector<Criterion> CriteriaFrom(const std::string& text);

// [{"url","caption","credit"}] text for a news article's images, and back.
std::string ImagesJson(const std::vector<NewsImage>& images);
std::vector<NewsImage> ImagesFrom(const std::string& text);

}  // namespace kc
