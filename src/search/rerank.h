// 重排序: a search in two stages — the first stage's BM25 query (search.h) finds the
// candidates, the learned re-ranker (ranker.h) puts the best of them in its order from their
// features (rank_features.h). Used by the evaluation and by training (rank_training_data.h).
#pragma once

#include <xapian.h>

#include <string_view>
#include <vector>

#include "core/status.h"
#include "search/query.h"
#include "search/rank_features.h"
#include "search/ranker.h"
#include "search/search.h"
#include "search/translate.h"

namespace kc::search {

// The first stage of a query: its terms and its best candidates, best first.
struct FirstStage {
  TextQuery query;
  std::vector<RankCandidate> candidates;
};

// The best k candidates of q under filters, found and weighted exactly as Searcher ranks hits
// (the same query, options and BM25 parameters). translator may be null. No candidates when q
// has no terms. Throws Xapian::Error as Xapian does; fails with kInternal on document data it
// cannot decode. Thread-safe given a db used by this thread only.
Result<FirstStage> RunFirstStage(const Xapian::Database& db, const Translator* translator,
                                 const QueryOptions& query_options, const RankingOptions& ranking,
                                 std::string_view q, const Filters& filters, size_t k);

// Whether a query is one the learned re-ranker puts in a better order: one in Chinese (most
// of its words, TextQuery::sequence, are CJK words). English queries, and queries answered
// through translations, keep the first stage's order: a model trained on Chinese title and
// keyword queries ranked them worse on held-out data (docs/ranking.md, "Where it applies").
bool RerankApplies(const TextQuery& query);

// The first `depth` candidates of stage reordered by ranker's scores of their features (ties
// keep the first stage's order), followed by the rest in the first stage's order. Fails as
// Ranker::Score does (a model of another feature count: kInvalid "feature_count_mismatch").
Result<std::vector<RankCandidate>> Rerank(const Xapian::Database& db, const Ranker& ranker,
                                          FirstStage stage, size_t depth);

}  // namespace kc::search
