#include "search/search.h"

#include <algorithm>

#include "core/utf8.h"
#include "search/document.h"
#include "search/facets.h"
#include "search/rerank.h"
#include "search/schema.h"
#include "search/snippet.h"

namespace kc::search {
namespace {

std::string SnippetOf(const StoredListing& s, const Highlighter& h, bool member) {
  std::string text = s.excerpt;
  if (s.members_only && !member) {
    size_t pos = 0;
    for (size_t n = 0; n < kSummaryChars && pos < text.size(); ++n) DecodeUtf8(text, &pos);
    text.resize(pos);
  }
  if (text.empty()) {
    for (const std::string& k : s.keywords) text.append(text.empty() ? "" : "，").append(k);
  }
  return h.Snippet(text, kSnippetChars);
}

// Counts the matches whose weight reaches a cutoff, beside the facets' spies.
class GoodCount : public Xapian::MatchSpy {
 public:
  explicit GoodCount(double cutoff) : cutoff_(cutoff) {}
  void operator()(const Xapian::Document&, double weight) override {
    ++seen_;
    if (weight >= cutoff_) ++good_;
  }
  // The count, scaled to `total` when the spy saw only a sample of the matches.
  uint64_t Estimate(uint64_t total) const {
    if (seen_ == 0 || seen_ >= total) return good_;
    return static_cast<uint64_t>(
        static_cast<double>(good_) * static_cast<double>(total) / static_cast<double>(seen_) + 0.5);
  }

 private:
  double cutoff_;
  uint64_t seen_ = 0;
  uint64_t good_ = 0;
};

}  // namespace

Searcher::Searcher(const SearchIndex* index, const Translator* translator,
                   QueryOptions query_options, RankingOptions ranking, RerankOptions rerank)
    : index_(index),
      translator_(translator),
      query_options_(query_options),
      ranking_(ranking),
      rerank_(rerank) {}

Result<SearchResult> Searcher::Search(const SearchRequest& request) const {
  if (request.offset > kMaxOffset) {
    return BadInput("bad_offset", "offset beyond " + std::to_string(kMaxOffset), "page");
  }
  // A long search may see its revision discarded by two commits: retry on a fresh one.
  for (int attempt = 0;; ++attempt) {
    try {
      return SearchOnce(request);
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt >= 2) return Internal(std::string("search: ") + e.get_msg());
    } catch (const Xapian::Error& e) {
      return Internal(std::string("search: ") + e.get_type() + ": " + e.get_msg());
    }
  }
}

Result<SearchResult> Searcher::SearchOnce(const SearchRequest& request) const {
  const size_t limit = std::min(request.limit, kMaxLimit);
  Result<SearchIndex::Reader> reader = index_->AcquireReader();
  KC_RETURN_IF_ERROR(reader);
  Xapian::Database& db = **reader;
  SearchResult result;
  QueryOptions options = query_options_;
  options.members_text = request.member;
  TextQuery text = BuildTextQuery(request.q, db, translator_, options);
  if (text.empty()) return result;
  Filters filters{request.kind, request.category, request.discipline, request.region};
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Bm25Weighting(ranking_.k1, ranking_.b));
  if (ranking_.feedback.docs > 0 && FeedbackApplies(text)) {
    enquire.set_query(ApplyFilters(text.ToXapian(), filters));
    const Xapian::MSet first =
        enquire.get_mset(0, static_cast<Xapian::doccount>(ranking_.feedback.docs));
    for (const auto& [term, w] : FeedbackTerms(db, first, text, ranking_.feedback)) {
      text.terms[term] += w;
    }
  }
  enquire.set_query(ApplyFilters(text.ToXapian(), filters));
  FacetSpy facets;
  enquire.add_matchspy(&facets);
  // No relevance without a threshold (weak_below 0, for measuring what it costs); no weak hits
  // for a query answered mostly through translations (Reference::graded).
  const bool graded = ranking_.weak_below > 0 && text.reference.graded();
  const double reference = ranking_.weak_below > 0 ? text.reference.weight() : 0;
  GoodCount good(ranking_.weak_below * reference);
  if (graded) enquire.add_matchspy(&good);
  // A page within the re-ranked depth is cut from the re-ranked best `depth` (and the first
  // stage's order after them), so that the pages of one query neither repeat nor skip a hit.
  std::shared_ptr<const Ranker> ranker;
  if (rerank_.source != nullptr && request.offset < rerank_.depth && RerankApplies(text)) {
    ranker = rerank_.source->Current();
  }
  const size_t first = ranker ? 0 : request.offset;
  const size_t count = ranker ? std::max(rerank_.depth, request.offset + limit) : limit;
  const Xapian::MSet mset = enquire.get_mset(
      static_cast<Xapian::doccount>(first), static_cast<Xapian::doccount>(count),
      static_cast<Xapian::doccount>(std::max(kFacetSample, request.offset + limit)));
  result.total = mset.get_matches_estimated();
  result.good_total = graded ? good.Estimate(result.total) : result.total;
  result.graded = graded;
  FirstStage stage;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Result<StoredListing> stored = DecodeStored(it.get_document().get_data());
    KC_RETURN_IF_ERROR(stored);
    stage.candidates.push_back({*it, it.get_weight(), std::move(*stored)});
  }
  const Highlighter highlighter(text.highlight);
  auto weak = [&](double weight) {
    return graded && Relevance(weight, reference) < ranking_.weak_below;
  };
  std::vector<RankCandidate> ranked;
  if (ranker) {
    stage.query = text;
    auto reordered = Rerank(db, *ranker, std::move(stage), rerank_.depth);
    KC_RETURN_IF_ERROR(reordered);
    // Weak hits stay after every good one, whatever the model thinks of them.
    std::stable_partition(reordered->begin(), reordered->end(),
                          [&](const RankCandidate& c) { return !weak(c.weight); });
    const size_t begin = std::min(request.offset, reordered->size());
    const size_t end = std::min(begin + limit, reordered->size());
    ranked.assign(std::make_move_iterator(reordered->begin() + begin),
                  std::make_move_iterator(reordered->begin() + end));
  } else {
    ranked = std::move(stage.candidates);
  }
  for (const RankCandidate& c : ranked) {
    const double relevance = Relevance(c.weight, reference);
    result.hits.push_back({c.stored.id, c.stored.kind, c.stored.ref, c.stored.title,
                           SnippetOf(c.stored, highlighter, request.member), c.weight, relevance,
                           weak(c.weight)});
  }
  result.facets = facets.Counts();
  return result;
}

}  // namespace kc::search
