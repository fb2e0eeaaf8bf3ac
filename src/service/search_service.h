// 解难题 / 助转化 for callers: full-text search of published listings and the matches of one
// listing, with the visibility rules of listing_policy.h.
#pragma once

#include <vector>

#include "core/clock.h"
#include "search/matcher.h"
#include "search/search.h"
#include "service/actor.h"
#include "store/store.h"

namespace kc {

class SearchService {
 public:
  SearchService(Store& store, const search::Searcher& searcher, const search::Matcher& matcher,
                const Clock& clock)
      : store_(store), searcher_(searcher), matcher_(matcher), clock_(clock) {}

  // Searches published listings; visitors' snippets of members-only listings come from the
  // public summary.
  Result<search::SearchResult> Search(const Actor& actor, search::SearchRequest request);

  // The best listings of kind `target` for listing `id` of kind `source`: achievements and
  // experts for a demand; demands (and experts) for an achievement; demands for an expert.
  // 404 when the source does not exist or the actor may not read it; 400 for a pairing that
  // makes no sense (a demand for a demand). A visitor's matches use only what visitors may
  // read, of the source and of the candidates (members-only details count for members). Only
  // matches above the relevance threshold are returned (search/relevance.h); the result says
  // how many candidates fell below it.
  Result<search::MatchResult> Matches(const Actor& actor, ListingKind source, int64_t id,
                                      ListingKind target, size_t limit);

 private:
  Store& store_;
  const search::Searcher& searcher_;
  const search::Matcher& matcher_;
  const Clock& clock_;
};

}  // namespace kc
