// Percolation: whether one newly indexed listing answers a saved search, for alerts
// (subscriptions). The reverse of a search: one query, one document.
#pragma once

#include <cstdint>

#include "core/status.h"
#include "search/index.h"
#include "search/search.h"
#include "search/translate.h"

namespace kc::search {

// True when the indexed listing `id` passes the request's filters and is about the query's
// subject in either language: it holds at least `min_share` of the weight of the query's own
// terms (words, bigrams, stems), or translations of at least `min_share` of the query's words
// (so an English saved search alerts on a Chinese listing and the reverse). An alert fires for
// listings about the saved subject, not for any listing that shares one character pair with
// it. False when `id` is not indexed. translator may be null (no cross-lingual test).
// Members-only text counts only when request.member is set.
Result<bool> ListingMatches(const SearchIndex& index, const Translator* translator,
                            const SearchRequest& request, int64_t id, double min_share = 0.5);

}  // namespace kc::search
