// The relevance study (docs/search.md, "Thresholds"): how the relevance thresholds of search
// (weak hits) and matching (hidden candidates) trade the relevant results kept against noise,
// on two disjoint halves of the queries, and what grading costs in latency.
#pragma once

#include "core/status.h"
#include "eval/corpus.h"
#include "search/index.h"
#include "search/query.h"
#include "search/search.h"
#include "search/translate.h"

namespace kc::eval {

// Prints, for each query set of data (and for matching, on csl-dev), a table by threshold of:
// the relevant documents of the top 10 that are kept (at or above the threshold), the noise
// left among the kept hits (a hit with at most one of the query's whole words, that one in ≥
// 0.5% of the documents; for csl-dev also hits of another discipline than the known item's),
// the kept hits per query, and for judged sets the precision of the kept hits. The "tune" half
// is the queries of even position, "test" the odd ones. Then the latency of search with and
// without grading (the same queries, alternating) and of matching.
Status RunRelevanceStudy(const DataSet& data, const search::SearchIndex& index,
                         const search::Translator* translator, const search::QueryOptions& query,
                         const search::RankingOptions& ranking);

}  // namespace kc::eval
