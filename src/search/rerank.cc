#include "search/rerank.h"

#include <algorithm>
#include <numeric>

#include "search/schema.h"

namespace kc::search {

Result<FirstStage> RunFirstStage(const Xapian::Database& db, const Translator* translator,
                                 const QueryOptions& query_options, const RankingOptions& ranking,
                                 std::string_view q, const Filters& filters, size_t k) {
  FirstStage stage;
  stage.query = BuildTextQuery(q, db, translator, query_options);
  if (stage.query.empty() || k == 0) return stage;
  Xapian::Enquire enquire(db);
  enquire.set_query(ApplyFilters(stage.query.ToXapian(), filters));
  enquire.set_weighting_scheme(Bm25Weighting(ranking.k1, ranking.b));
  const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(k));
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Result<StoredListing> stored = DecodeStored(it.get_document().get_data());
    KC_RETURN_IF_ERROR(stored);
    stage.candidates.push_back({*it, it.get_weight(), std::move(*stored)});
  }
  return stage;
}

bool RerankApplies(const TextQuery& query) {
  size_t cjk = 0;
  for (const std::string& term : query.sequence) {
    if (term.starts_with(kWordPrefix) && term.size() > kWordPrefix.size() &&
        static_cast<unsigned char>(term[kWordPrefix.size()]) >= 0xE0) {
      ++cjk;
    }
  }
  return cjk > 0 && cjk * 2 > query.sequence.size();
}

Result<std::vector<RankCandidate>> Rerank(const Xapian::Database& db, const Ranker& ranker,
                                          FirstStage stage, size_t depth) {
  std::vector<RankCandidate>& all = stage.candidates;
  depth = std::min(depth, all.size());
  if (depth < 2) return std::move(all);
  std::vector<RankCandidate> head(std::make_move_iterator(all.begin()),
                                  std::make_move_iterator(all.begin() + depth));
  Result<std::vector<float>> scores = ranker.Score(ComputeRankFeatures(db, stage.query, head));
  KC_RETURN_IF_ERROR(scores);
  std::vector<size_t> order(depth);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return (*scores)[a] > (*scores)[b]; });
  std::vector<RankCandidate> out;
  out.reserve(all.size());
  for (size_t i : order) out.push_back(std::move(head[i]));
  for (size_t i = depth; i < all.size(); ++i) out.push_back(std::move(all[i]));
  return out;
}

}  // namespace kc::search
