// 解难题 / 助转化: for a demand the best achievements and experts, for an achievement the
// demands — candidates from the source's key terms, re-ranked by features (ranking.h), each
// with its explanation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/listing.h"
#include "core/status.h"
#include "search/index.h"
#include "search/query.h"
#include "search/ranking.h"
#include "search/relevance.h"
#include "search/translate.h"

namespace kc::search {

struct MatchRequest {
  ListingKind target = ListingKind::kAchievement;
  size_t limit = 10;  // at most kMaxLimit of search.h
  int64_t now = 0;    // for recency (seconds since the epoch); 0 leaves recency at 0
  // Whether the reader is a signed-in member: only then do candidates' members-only text and
  // inventors count (the source is matched as given: a caller hides what the reader may not
  // read of it).
  bool member = false;
};

struct MatchHit {
  int64_t id = 0;
  ListingKind kind = ListingKind::kAchievement;
  std::string ref;
  std::string title;
  double score = 0;  // Σ value × weight of explanation.components, in [0, 1]
  // Comparable across sources (relevance.h): the candidate's retrieval weight over the
  // reference weight of the source's query; what the threshold applies to.
  double relevance = 0;
  Explanation explanation;
};

// The matches shown and how many candidates the threshold held back.
struct MatchResult {
  std::vector<MatchHit> hits;  // best first, at most the request's limit, all ≥ the threshold
  size_t good_total = 0;       // candidates at or above the threshold (hits is the best of them)
  size_t below_threshold = 0;  // candidates found but below the threshold, not shown
  // Whether the threshold applied: to a demand's matches (the direction it was measured in,
  // docs/search.md), not to a source matched mostly through translations (relevance.h), nor
  // to an achievement's or expert's: their key terms describe more than a demand holds, so a
  // demand that fits covers only part of them and its relevance is not comparable.
  bool graded = false;
  // Fewer good matches than asked for: the page says so rather than padding with noise.
  bool few_good_matches(size_t limit) const { return good_total < limit; }
};

struct MatchOptions {
  size_t key_terms = 24;  // key terms of the source: shared terms and the key-term feature
  // The heaviest terms of the source that make the candidate query (their words, bigrams and
  // translations), at least. At 1M documents the candidate query's cost grows with its
  // postings; bench/scale/README.md measured 12 within the latency goal.
  size_t candidate_terms = 12;
  // A source matched mostly through translations (a foreign-language listing,
  // Reference::graded() false) is queried instead with its whole text (title, keywords, body)
  // as a search with it is built (BuildTextQuery): it matches through many translations and
  // through names, numbers and Latin terms kept untranslated, none of which weighs much alone
  // (csprd-en2zh English demands, bench/eval/README.md). A source in the index's language keeps
  // its key terms: its threshold and 1M latency were measured so. false: key terms always.
  bool foreign_whole_text = true;
  // BM25's k1 and b for the candidates' text weight, those of search.
  double k1 = kBm25K1;
  double b = kBm25B;
  size_t candidates = 100;  // candidates re-ranked
  // When the candidate query finds fewer than the request's limit, it is run again with
  // every key term and characters at widen_char_weight.
  bool widen_when_few = true;
  double widen_char_weight = 0.3;
  // Bigram weight, translation weight, frequent-term dropping of the candidate query; no
  // character terms by default (most of the postings of a listing's query, little of its
  // meaning once whole key terms are matched), and no bigram in more than 5% of the documents
  // of a large index (QueryOptions::max_bigram_share).
  QueryOptions query = {.char_weight = 0, .max_bigram_share = 0.05};
  // A candidate whose relevance (MatchHit::relevance) is below this is not shown; 0 shows
  // every candidate.
  double min_relevance = kMinMatchRelevance;
  // How the features count; empty: DefaultWeights of the target kind (ranking.h).
  std::optional<MatchWeights> weights;
};

// Matches listings of one index. Thread-safe: every call leases its own reader.
//
// Experts are found two ways: by their own profile (keywords, disciplines, bio), and as
// inventors of the achievements that match the source — an achievement's inventors are
// indexed (XI terms) and an expert's name (XN), so the matcher follows that link in the index
// itself and the caller supplies nothing. Names are matched after normalisation, so two
// experts of the same name are both credited.
class Matcher {
 public:
  // translator may be null; both must outlive the Matcher.
  explicit Matcher(const SearchIndex* index, const Translator* translator = nullptr,
                   MatchOptions options = {});

  // The best `request.limit` listings of kind request.target for source (which need not be
  // indexed; if it is, it is never its own match) whose relevance reaches
  // options.min_relevance (unless not graded, see MatchResult::graded), best first,
  // and how many candidates fell below it. No hits when the
  // source has no usable terms. Fails with kInternal when the index cannot be read.
  Result<MatchResult> Match(const Listing& source, const MatchRequest& request) const;

 private:
  // One attempt; throws Xapian::DatabaseModifiedError for the caller to retry.
  Result<MatchResult> MatchOnce(const Listing& source, const MatchRequest& request) const;

  const SearchIndex* index_;
  const Translator* translator_;
  MatchOptions options_;
};

}  // namespace kc::search
