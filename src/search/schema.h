// The layout of the search index: term prefixes, value slots and the boolean terms of a
// listing's fields. Shared by indexing, querying and matching, and by nothing else.
//
// Terms (Xapian's convention: an upper-case prefix, then the term):
//   W<word>     friso word (CJK), Latin word in lower case, or number, from title, keywords, body
//   B<bigram>   CJK character pair (or a lone CJK character), the second term set for recall
//   U<char>     each CJK character of a word, the third (weakest) term set
//   Z<stem>     Snowball English stem of a Latin word
//   K<kind>     demand | achievement | expert                          (boolean)
//   XC<name>    category (门类)                                          (boolean)
//   XD<name>    discipline (学科); an expert has one per discipline      (boolean)
//   XR<code>    region at every level: 440305, 440300 and 440000       (boolean)
//   XN<name>    an expert's name, normalised                            (boolean)
//   XI<name>    an inventor of an achievement, normalised               (boolean)
//   M<term>     a W, B, U, Z or XI term from what only members may read of a members-only
//               listing (its body past the summary, its inventors): matched for signed-in
//               readers only, so a visitor's query or match never finds a listing by it
// Values: the slots of ValueSlot, used for facets and re-ranking.
// Document data: the StoredListing of document.h. Document id: the listing id.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/listing.h"

namespace kc::search {

inline constexpr std::string_view kWordPrefix = "W";
inline constexpr std::string_view kBigramPrefix = "B";
inline constexpr std::string_view kStemPrefix = "Z";
inline constexpr std::string_view kCharPrefix = "U";
inline constexpr std::string_view kKindPrefix = "K";
inline constexpr std::string_view kCategoryPrefix = "XC";
inline constexpr std::string_view kDisciplinePrefix = "XD";
inline constexpr std::string_view kRegionPrefix = "XR";
inline constexpr std::string_view kExpertNamePrefix = "XN";
inline constexpr std::string_view kInventorPrefix = "XI";
inline constexpr std::string_view kMembersPrefix = "M";

// The term under which `term` is indexed when it comes from members-only text: M<term>.
std::string MembersTerm(std::string_view term);

// The CJK characters of a word, in order (empty for other words).
std::vector<std::string_view> CjkChars(std::string_view word);

// Xapian rejects terms longer than 245 bytes; longer tokens are not indexed.
inline constexpr size_t kMaxTermBytes = 240;

enum ValueSlot : Xapian::valueno {
  kKindSlot = 0,        // KindName (slots 0-3 as well in kFacetsSlot)
  kCategorySlot = 1,    // category name
  kDisciplineSlot = 2,  // discipline name (an expert's first)
  kProvinceSlot = 3,    // province code of the region: 440000
  kPublishedSlot = 4,   // published_at, Xapian::sortable_serialise
  kMaturitySlot = 5,    // TRL 1..9 as one digit, empty when unknown
  kFacetsSlot = 6,      // the four above joined, for counting facets (facets.h: FacetsValue)
};

// prefix + value.
std::string Term(std::string_view prefix, std::string_view value);

// The region codes a listing in `region` is found under: the code itself, its city and its
// province (440305 → 440305, 440300, 440000). Empty for a code that is not six digits.
std::vector<std::string> RegionLevels(std::string_view region);

// The province-level code of a six-digit region (440305 → 440000), or "" when not six digits.
std::string ProvinceOf(std::string_view region);

// The normalised form of a person's name under which experts and inventors are matched:
// Normalize()d with the spaces removed (張 偉 → 张伟).
std::string PersonKey(std::string_view name);

}  // namespace kc::search
