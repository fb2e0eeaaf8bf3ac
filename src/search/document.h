// A listing as the index holds it: the Xapian document built from a Listing, and the fields
// kept in the document's data to render a hit without asking the store.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/listing.h"
#include "core/status.h"
#include "text/analyzer.h"

namespace kc::search {

// Within-document frequency given to each occurrence of a term by field: title and keywords
// count above body text.
inline constexpr Xapian::termcount kTitleWdf = 3;
inline constexpr Xapian::termcount kKeywordWdf = 3;
inline constexpr Xapian::termcount kBodyWdf = 1;

// Code points of the body kept for snippets. Of a members-only listing only the first
// kSummaryChars (core/listing.h) are public; the rest is indexed under kMembersPrefix.
inline constexpr size_t kExcerptChars = 300;

// The fields of a listing that search results and the matcher need.
struct StoredListing {
  int64_t id = 0;
  ListingKind kind = ListingKind::kDemand;
  int64_t org_id = 0;
  std::string ref;
  std::string title;
  std::string excerpt;  // the body's first kExcerptChars code points
  bool members_only = false;
  std::vector<std::string> keywords;
  std::string category;
  std::string discipline;
  std::vector<std::string> disciplines;  // an expert's
  std::string region;
  std::optional<int> maturity;
  std::vector<std::string> inventors;  // an achievement's
  int64_t published_at = 0;
  int64_t updated_at = 0;

  bool operator==(const StoredListing&) const = default;
};

// The stored fields of a listing.
StoredListing StoredFieldsOf(const Listing& listing);

// StoredListing ↔ document data (netstrings, see document.cc). Decode fails with kInternal
// on data that this code did not write.
std::string EncodeStored(const StoredListing& stored);
Result<StoredListing> DecodeStored(const std::string& data);

// The text of a listing as analysed for the index: title (with keywords and, for experts,
// disciplines) and body. Matching and key-term statistics use the same split.
struct ListingTerms {
  text::Terms title;     // title
  text::Terms keywords;  // keywords, an expert's disciplines
  text::Terms body;      // description, abstract or bio (and an expert's rank, affiliation)
};
ListingTerms AnalyzeListing(const Listing& listing);

// The Xapian document of a listing: the terms of schema.h, the value slots and the data.
// Fails with kInvalid when the id is outside Xapian's document ids (1 .. 2^32 − 1).
Result<Xapian::Document> BuildDocument(const Listing& listing);

}  // namespace kc::search
