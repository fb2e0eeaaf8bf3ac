// Our engine in two stages: the first stage of search::Searcher and the learned re-ranker
// (search/rerank.h), over the index another engine built; and the training of its model on a
// data set's training queries (bench/eval/README.md, "The learned re-ranker").
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "eval/engine.h"
#include "search/rank_features.h"
#include "search/rank_training_data.h"
#include "search/rerank.h"

namespace kc::eval {
namespace {

class RerankedEngine : public Engine {
 public:
  RerankedEngine(const search::SearchIndex* index, const search::Translator* translator,
                 search::QueryOptions query, search::RankingOptions ranking,
                 const search::Ranker* ranker, size_t depth)
      : index_(index),
        translator_(translator),
        query_(query),
        ranking_(ranking),
        ranker_(ranker),
        depth_(depth) {}

  std::string name() const override { return "kechuang-ltr"; }
  const search::SearchIndex* index() const override { return index_; }

  // The index is the first stage's, built already.
  Status Build(const std::vector<Doc>&, const std::string&) override { return Status::Ok(); }

  Result<std::vector<std::string>> Search(const std::string& query, size_t k) override {
    auto reader = index_->AcquireReader();
    KC_RETURN_IF_ERROR(reader);
    try {
      auto stage = search::RunFirstStage(**reader, translator_, query_, ranking_, query,
                                         search::Filters{}, std::max(k, depth_));
      KC_RETURN_IF_ERROR(stage);
      auto ranked = search::Rerank(**reader, *ranker_, std::move(*stage), depth_);
      KC_RETURN_IF_ERROR(ranked);
      std::vector<std::string> ids;
      for (const auto& c : *ranked) {
        if (ids.size() >= k) break;
        ids.push_back(c.stored.ref);
      }
      return ids;
    } catch (const Xapian::Error& e) {
      return Internal("kechuang-ltr: " + e.get_msg());
    }
  }

 private:
  const search::SearchIndex* index_;
  const search::Translator* translator_;
  search::QueryOptions query_;
  search::RankingOptions ranking_;
  const search::Ranker* ranker_;
  size_t depth_;
};

// search::Searcher as the server builds it: the first stage, then the model of `rankers` for
// the queries it applies to (search/rerank.h, RerankApplies).
class ServedEngine : public Engine {
 public:
  ServedEngine(const search::SearchIndex* index, const search::Translator* translator,
               search::QueryOptions query, search::RankingOptions ranking,
               const search::RankerSource* rankers, size_t depth)
      : index_(index),
        searcher_(index, translator, query, ranking, {.source = rankers, .depth = depth}) {}

  std::string name() const override { return "kechuang-served"; }
  const search::SearchIndex* index() const override { return index_; }
  Status Build(const std::vector<Doc>&, const std::string&) override { return Status::Ok(); }

  Result<std::vector<std::string>> Search(const std::string& query, size_t k) override {
    auto result = searcher_.Search({.q = query, .limit = k});
    KC_RETURN_IF_ERROR(result);
    std::vector<std::string> ids;
    for (const auto& h : result->hits) ids.push_back(h.ref);
    return ids;
  }

 private:
  const search::SearchIndex* index_;
  search::Searcher searcher_;
};

// Data-set id (the listing's ref) → listing id, for every document of the index.
Result<std::map<std::string, int64_t>> IdsByRef(const search::SearchIndex& index) {
  auto reader = index.AcquireReader();
  KC_RETURN_IF_ERROR(reader);
  std::map<std::string, int64_t> ids;
  Xapian::Database& db = **reader;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    auto stored = search::DecodeStored(db.get_document(*it).get_data());
    KC_RETURN_IF_ERROR(stored);
    ids.emplace(stored->ref, stored->id);
  }
  return ids;
}

// The training queries as search::RankTrainingQuery (listing ids), those whose document the
// index holds.
Result<std::vector<search::RankTrainingQuery>> ByListingId(const search::SearchIndex& index,
                                                           const std::vector<TrainingQuery>& in) {
  auto ids = IdsByRef(index);
  KC_RETURN_IF_ERROR(ids);
  std::vector<search::RankTrainingQuery> queries;
  for (const TrainingQuery& q : in) {
    auto it = ids->find(q.doc_id);
    if (it != ids->end()) queries.push_back({q.text, it->second});
  }
  return queries;
}

// Mean reciprocal rank at 10 of the relevant candidate (grade > 0) when each query's rows are
// ordered by `scores` (higher first; null: the first stage's order).
double MrrAt10(const search::RankerTrainingSet& set,
               const std::vector<std::vector<float>>* scores) {
  double sum = 0;
  for (size_t q = 0; q < set.queries.size(); ++q) {
    const auto& grades = set.queries[q].grades;
    const size_t relevant = std::find(grades.begin(), grades.end(), 1.0f) - grades.begin();
    size_t rank = relevant + 1;
    if (scores != nullptr) {
      rank = 1;
      for (size_t i = 0; i < grades.size(); ++i) {
        const float a = (*scores)[q][i], b = (*scores)[q][relevant];
        if (a > b || (a == b && i < relevant)) ++rank;
      }
    }
    if (rank <= 10) sum += 1.0 / static_cast<double>(rank);
  }
  return set.queries.empty() ? 0 : sum / static_cast<double>(set.queries.size());
}

}  // namespace

Status ValidateReranker(const search::SearchIndex& index, const search::Translator* translator,
                        const std::vector<TrainingQuery>& training,
                        const search::RankTrainingDataOptions& data_options,
                        const std::vector<search::RankerTrainingOptions>& configs) {
  auto queries = ByListingId(index, training);
  KC_RETURN_IF_ERROR(queries);
  // Halves by document, so that a document's title and keyword queries stay together.
  std::vector<search::RankTrainingQuery> fit, check;
  for (const auto& q : *queries) (q.relevant_id % 2 == 0 ? fit : check).push_back(q);
  auto fit_set = search::CollectRankTrainingSet(index, translator, fit, data_options);
  KC_RETURN_IF_ERROR(fit_set);
  auto check_set = search::CollectRankTrainingSet(index, translator, check, data_options);
  KC_RETURN_IF_ERROR(check_set);
  std::printf(
      "\nRe-ranker validation on the training queries (fit: documents of even id, %zu "
      "queries; check: odd, %zu queries; MRR@10 among the first %zu)\n",
      fit_set->queries.size(), check_set->queries.size(), data_options.candidates);
  std::printf("| rounds | max depth | eta | first stage | re-ranked |\n|---|---|---|---|---|\n");
  for (const auto& options : configs) {
    auto model = search::TrainRanker(*fit_set, options);
    KC_RETURN_IF_ERROR(model);
    auto ranker = search::Ranker::FromBuffer(*model);
    KC_RETURN_IF_ERROR(ranker);
    std::vector<std::vector<float>> scores;
    for (const auto& q : check_set->queries) {
      auto s = ranker->Score(q.rows);
      KC_RETURN_IF_ERROR(s);
      scores.push_back(std::move(*s));
    }
    std::printf("| %d | %d | %.2f | %.4f | %.4f |\n", options.rounds, options.max_depth,
                options.eta, MrrAt10(*check_set, nullptr), MrrAt10(*check_set, &scores));
    std::fflush(stdout);
  }
  return Status::Ok();
}

std::unique_ptr<Engine> MakeServedEngine(const search::SearchIndex* index,
                                         const search::Translator* translator,
                                         search::QueryOptions query, search::RankingOptions ranking,
                                         const search::RankerSource* rankers, size_t depth) {
  return std::make_unique<ServedEngine>(index, translator, query, ranking, rankers, depth);
}

std::unique_ptr<Engine> MakeRerankedEngine(const search::SearchIndex* index,
                                           const search::Translator* translator,
                                           search::QueryOptions query,
                                           search::RankingOptions ranking,
                                           const search::Ranker* ranker, size_t depth) {
  return std::make_unique<RerankedEngine>(index, translator, query, ranking, ranker, depth);
}

Result<std::string> TrainRerankerOn(const search::SearchIndex& index,
                                    const search::Translator* translator,
                                    const std::vector<TrainingQuery>& training,
                                    const search::RankTrainingDataOptions& data_options,
                                    const search::RankerTrainingOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  auto queries = ByListingId(index, training);
  KC_RETURN_IF_ERROR(queries);
  search::RankTrainingDataSummary summary;
  auto set = search::CollectRankTrainingSet(index, translator, *queries, data_options, &summary);
  KC_RETURN_IF_ERROR(set);
  const double collect_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  auto model = search::TrainRanker(*set, options);
  KC_RETURN_IF_ERROR(model);
  const double total_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::fprintf(stderr,
               "re-ranker: %zu of %zu training queries found their document among the first %zu "
               "(features in %.1f s); %d rounds, depth %d, eta %.2f trained in %.1f s\n",
               summary.kept, summary.queries, data_options.candidates, collect_s, options.rounds,
               options.max_depth, options.eta, total_s - collect_s);
  return model;
}

}  // namespace kc::eval
