// 相关度: a score that means the same for every query, so that one threshold can tell a real
// result from one that shares a single common word with the query (docs/search.md).
//
// BM25 weights grow with the number and rarity of a query's terms, so a weight of 12 is a
// strong hit for a two-word query and a weak one for a demand's twenty key terms. Dividing by
// the query's reference weight — what a document of average length holding every query term
// once would get — makes it comparable: about 1 for a document that has the whole query, a
// small share for one that has a common word of it only (a term's part of the reference is its
// inverse document frequency, so common words weigh little).
#pragma once

#include <xapian.h>

#include <set>
#include <string>

#include "search/query.h"

namespace kc::search {

// The search hits below this relevance are "weak" (listed after the good ones, under their
// own heading); matches below kMinMatchRelevance are not shown. Both were chosen on one half
// of the evaluation queries and checked on the other (docs/search.md, bench/eval/README.md).
inline constexpr double kMinSearchRelevance = 0.25;
inline constexpr double kMinMatchRelevance = 0.25;

// Xapian's BM25 inverse document frequency of a term in `df` of `n` documents (the same
// formula as Xapian::BM25Weight, so that the reference and the weights agree).
double Bm25Idf(double n, double df);

// The reference weight of a query of weighted terms in db: Σ weight × Bm25Idf over the terms.
// A term of `in_members_text` counts its members-only form's documents too (it is queried as
// a synonym of both). 0 for an empty query. Thread-safe given a db used by this thread only.
double ReferenceWeight(const Xapian::Database& db, const TermWeights& terms,
                       const std::set<std::string>& in_members_text = {});

// weight / reference, clamped to [0, 1]; 0 when reference is 0.
double Relevance(double weight, double reference);

// A relevance in words for explanations: "strong" from kStrongRelevance, "medium" from
// kMediumRelevance, "weak" below.
inline constexpr double kStrongRelevance = 0.6;
inline constexpr double kMediumRelevance = 0.4;
const char* RelevanceLevel(double relevance);

}  // namespace kc::search
