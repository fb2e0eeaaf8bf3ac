// Pseudo-relevance feedback for queries in Latin script (docs/search.md, "Feedback"): the
// words that weigh most in a query's best first hits join it at a lower weight, so that an
// English abstract about "flutter of a swept wing" also finds those that say "aeroelastic".
#pragma once

#include <xapian.h>

#include "search/query.h"

namespace kc::search {

// Chosen on half of Cranfield's queries and checked on the other (bench/eval/README.md,
// "Feedback for English queries").
struct FeedbackOptions {
  size_t docs = 4;      // the best hits of the first pass read; 0 turns feedback off
  size_t terms = 30;    // stems added
  double weight = 0.5;  // of the best added stem, relative to the query's heaviest own term
};

// Whether feedback applies: a query whose own terms are all English stems (or numbers) and
// that is not foreign to the index (QueryOptions::foreign_found_share). Chinese queries
// (feedback is measured on English ones only) and English demands over Chinese listings,
// answered through translations, are left as they are.
bool FeedbackApplies(const TextQuery& query);

// The `options.terms` stems (Z terms) not already in query.terms of most score, the sum over
// the documents of `first` of (wdf ÷ the document's stem count) × log(N ÷ df), weighted
// options.weight × the heaviest own term's weight × score ÷ the best score. Empty when
// `first` is.
TermWeights FeedbackTerms(const Xapian::Database& db, const Xapian::MSet& first,
                          const TextQuery& query, const FeedbackOptions& options);

}  // namespace kc::search
