// 检索: full-text search of published listings with filters, facets and highlighted snippets
// (GET /api/v1/search, DESIGN §5).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/listing.h"
#include "core/status.h"
#include "search/feedback.h"
#include "search/index.h"
#include "search/query.h"
#include "search/ranker_source.h"
#include "search/relevance.h"
#include "search/translate.h"

namespace kc::search {

struct SearchRequest {
  std::string q;  // Chinese, English or mixed; a query without terms finds nothing
  std::optional<ListingKind> kind;
  std::string category;
  std::string discipline;
  std::string region;  // a region code at any level (440000 or 44: all of Guangdong)
  size_t offset = 0;   // at most kMaxOffset
  size_t limit = 10;   // at most kMaxLimit
  // Whether the reader is a signed-in member: only members find listings by their
  // members-only text, and a visitor's snippets of members-only listings come from the
  // public summary only.
  bool member = false;
};

struct SearchHit {
  int64_t id = 0;
  ListingKind kind = ListingKind::kDemand;
  std::string ref;
  std::string title;    // as stored, not escaped
  std::string snippet;  // HTML: escaped text with <mark>…</mark>
  double score = 0;
  // Comparable across queries (relevance.h): the BM25 weight over the query's reference
  // weight, in [0, 1].
  double relevance = 0;
  // Below RankingOptions::weak_below: the hit has only a small, common part of the query
  // (one common word of several). Hits are ranked by weight, so the weak ones come after
  // every good one.
  bool weak = false;
};

struct FacetCount {
  std::string value;  // kind name, category, discipline, or province code (440000)
  uint64_t count = 0;
};

// Counts over the matching listings (exact up to kFacetSample matches, estimated beyond),
// most frequent first.
struct Facets {
  std::vector<FacetCount> kind;
  std::vector<FacetCount> category;
  std::vector<FacetCount> discipline;
  std::vector<FacetCount> region;  // by province
};

struct SearchResult {
  uint64_t total = 0;  // exact up to kFacetSample matches, Xapian's estimate beyond
  // The matches that are not weak: exact up to kFacetSample matches, estimated beyond from
  // the share among them.
  uint64_t good_total = 0;
  // Whether hits were graded at all (relevance.h: not a query answered mostly through
  // translations); when not, none is weak.
  bool graded = false;
  std::vector<SearchHit> hits;
  Facets facets;
};

inline constexpr size_t kMaxLimit = 100;
inline constexpr size_t kMaxOffset = 10000;
inline constexpr size_t kFacetSample = 1000;
inline constexpr size_t kSnippetChars = 120;

// BM25 parameters (Xapian::BM25Weight); the defaults are the ones bench/eval measured best.
// And the relevance below which a hit is weak (relevance.h); 0: none is, and no relevance is
// computed (SearchHit::relevance stays 0, good_total is total).
struct RankingOptions {
  double k1 = kBm25K1;
  double b = kBm25B;
  double weak_below = kMinSearchRelevance;
  FeedbackOptions feedback;  // for English queries (FeedbackApplies)
};

// The second stage of a search (rerank.h, docs/ranking.md): the model that puts the best
// `depth` hits of a query it applies to (RerankApplies) in its order.
struct RerankOptions {
  const RankerSource* source = nullptr;  // null: the first stage's order
  size_t depth = 50;
};

// Searches one SearchIndex. Thread-safe: every call leases its own reader.
class Searcher {
 public:
  // translator and rerank.source may be null (no cross-lingual terms, no second stage); all
  // must outlive the Searcher.
  explicit Searcher(const SearchIndex* index, const Translator* translator = nullptr,
                    QueryOptions query_options = {}, RankingOptions ranking = {},
                    RerankOptions rerank = {});

  // Fails with kBadInput for an offset beyond kMaxOffset; a limit beyond kMaxLimit is
  // lowered to it. kInternal when the index cannot be read.
  Result<SearchResult> Search(const SearchRequest& request) const;

 private:
  // One attempt; throws Xapian::Error.
  Result<SearchResult> SearchOnce(const SearchRequest& request) const;

  const SearchIndex* index_;
  const Translator* translator_;
  QueryOptions query_options_;
  RankingOptions ranking_;
  RerankOptions rerank_;
};

}  // namespace kc::search
