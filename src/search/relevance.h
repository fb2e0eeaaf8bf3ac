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

#include <map>
#include <string>
#include <vector>

namespace kc::search {

// Weighted terms, each a full Xapian term (the same type as query.h's, which includes this).
using TermWeights = std::map<std::string, double>;

// The search hits below this relevance are "weak" (listed after the good ones, under their
// own heading); matches below kMinMatchRelevance are not shown. Both were chosen on one half
// of the evaluation queries and checked on the other (docs/search.md, bench/eval/README.md).
inline constexpr double kMinSearchRelevance = 0.30;
inline constexpr double kMinMatchRelevance = 0.35;

// The BM25 parameters k1 and b of search and matching (Xapian::BM25Weight), chosen on csl-dev
// for search. The matcher ranks with the same: Xapian's defaults (k1 1, b 0.5) ranked csprd's
// English demands at 0.85 MRR@10 against 0.90 on the half of the queries not used to decide
// (bench/eval/README.md, "The match ranks with search's BM25 parameters").
inline constexpr double kBm25K1 = 1.2;
inline constexpr double kBm25B = 0.9;

// Xapian's BM25 inverse document frequency of a term in `df` of `n` documents (the same
// formula as Xapian::BM25Weight, so that the reference and the weights agree).
double Bm25Idf(double n, double df);

// The terms of one translated phrase, one TermWeights per alternative translation, weighted as
// in the query.
using Alternatives = std::vector<TermWeights>;

// The reference weight of a query, in two parts.
struct Reference {
  double own = 0;         // Σ weight × idf over the terms in the query's own language
  double translated = 0;  // of each translated phrase, its best alternative's
  double weight() const { return own + translated; }
  // Whether relevance grades this query's hits. A query answered mostly through translations
  // (an English query for Chinese listings) matches only a part of any document's translated
  // words — a dictionary offers translations the document does not use — so its relevant
  // hits score far lower than a monolingual query's (measured: docs/search.md); no threshold
  // applies to it.
  bool graded() const { return own >= translated; }
};

// The reference of a query from its own terms and, for each translated phrase, the terms of
// each alternative (a document holds one translation of a word, not all three). idf holds the
// BM25 idf of every term the query kept (DropFrequentTerms fills it from the frequencies it
// reads anyway); a term not in it counts nothing.
Reference ReferenceOf(const TermWeights& own, const std::vector<Alternatives>& translations,
                      const std::map<std::string, double>& idf);

// weight / reference, clamped to [0, 1]; 0 when reference is 0.
double Relevance(double weight, double reference);

// A relevance in words for explanations: "strong" from kStrongRelevance, "medium" from
// kMediumRelevance, "weak" below.
inline constexpr double kStrongRelevance = 0.6;
inline constexpr double kMediumRelevance = 0.4;
const char* RelevanceLevel(double relevance);

}  // namespace kc::search
