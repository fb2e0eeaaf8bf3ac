// Training of the learned re-ranker (ranker.h): LambdaMART with XGBoost's rank:ndcg, from
// queries whose candidates carry relevance grades; used by the tests and by
// `kechuang train-ranker` (docs/ranking.md, "Training").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace kc::search {

// One training query: the feature rows of its candidates and how relevant each is.
struct RankerQuery {
  std::vector<std::vector<float>> rows;  // one per candidate; NaN is a missing value
  // grades[i]: the relevance of rows[i], a whole number from 0 (not relevant) to
  // kMaxRelevanceGrade; NDCG's gain of a grade g is 2^g − 1.
  std::vector<float> grades;
};

// The highest relevance grade: XGBoost 1.7's NDCG computes 2^grade in 32 bits.
inline constexpr float kMaxRelevanceGrade = 31;

// The queries to learn from; every row of every query has the same number of features.
struct RankerTrainingSet {
  std::vector<RankerQuery> queries;
};

struct RankerTrainingOptions {
  int rounds = 100;   // boosting rounds: one tree each
  int max_depth = 6;  // of each tree
  double eta = 0.3;   // learning rate (shrinkage), in (0, 1]
  uint32_t seed = 0;  // the same set, options and seed give the same model, byte for byte
};

// Trains a LambdaMART model (objective rank:ndcg, one group per query, tree_method hist) on one
// thread and returns it as XGBoost JSON, which Ranker::FromBuffer loads and a file written with
// it Ranker::Load. Fails with kInvalid ("bad_training_set", field "queries") when there is no
// query, a query has no candidate or not one grade per candidate, the rows differ in length or
// have none, a grade is not a whole number in [0, kMaxRelevanceGrade], or a value is infinite;
// with kInvalid ("bad_training_options") for rounds or max_depth below 1 or eta outside (0, 1];
// kInternal when XGBoost fails.
Result<std::string> TrainRanker(const RankerTrainingSet& set, const RankerTrainingOptions& options);

}  // namespace kc::search
