#include "service/search_service.h"

#include "core/utf8.h"
#include "service/listing_policy.h"
#include "service/listing_validation.h"

namespace kc {

Result<search::SearchResult> SearchService::Search(const Actor& actor,
                                                   search::SearchRequest request) {
  request.member = actor.signed_in();
  return searcher_.Search(request);
}

Result<search::MatchResult> SearchService::Matches(const Actor& actor, ListingKind source,
                                                   int64_t id, ListingKind target, size_t limit) {
  if (source == target) {
    return BadInput("invalid_parameter",
                    "a " + std::string(KindName(source)) + " is matched with other kinds", "type");
  }
  Result<Listing> listing = NotFound(std::string(KindName(source)));
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto l = tx.GetListing(id);
    if (!l.ok()) return l.status();
    if (l->kind != source || !CanRead(actor, *l)) return NotFound(std::string(KindName(source)));
    listing = std::move(*l);
    return Status::Ok();
  }));
  if (ViewLevelFor(actor, *listing) == ViewLevel::kSummary) {
    // A visitor's matches come from what the visitor may read of the listing: its details
    // would otherwise show through the shared terms.
    listing->body = Utf8Prefix(listing->body, kSummaryChars);
    listing->inventors.clear();
    listing->patents.clear();
  }
  search::MatchRequest request;
  request.target = target;
  request.limit = limit;
  request.now = clock_.Now();
  request.member = actor.signed_in();
  return matcher_.Match(*listing, request);
}

}  // namespace kc
