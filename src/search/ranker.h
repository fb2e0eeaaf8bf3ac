// 学习排序: the learned re-ranker — a LambdaMART model (XGBoost, objective rank:ndcg) that
// scores the top candidates of a search or match from their features, so that they can be put
// in a better order than the first stage's (docs/ranking.md).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kc::search {

// A loaded ranking model. Move-only; it owns the XGBoost booster and frees it with itself.
// Score may be called from several threads at once on one Ranker without locking: XGBoost
// (from 1.4) keeps each thread's predictions apart and guarantees concurrent prediction for
// tree models, which Load and FromBuffer insist on (docs/ranking.md, "Thread safety").
// Nothing else may change the model meanwhile, which this class never does after loading.
class Ranker {
 public:
  // Loads an XGBoost model file in JSON (what TrainRanker writes, and XGBoost's save_model to
  // a .json file). Fails with kUnavailable ("ranker_model_unavailable") when the file cannot be
  // read, and with kInvalid ("bad_ranker_model") when it is empty, in another format (UBJSON,
  // the old binary one), truncated, corrupt, or not a one-output tree model whose trees pass
  // CheckRankerModel (ranker_model_check.h); the message names the file and why.
  static Result<Ranker> Load(const std::string& path);

  // The same, from the model's bytes in memory (the built-in model, a test's). `label` says
  // where they come from, in messages and in name().
  static Result<Ranker> FromBuffer(std::string_view bytes, std::string_view label = "buffer");

  Ranker(Ranker&&) noexcept = default;
  Ranker& operator=(Ranker&&) noexcept = default;
  Ranker(const Ranker&) = delete;
  Ranker& operator=(const Ranker&) = delete;
  ~Ranker() = default;

  // One score per row, in the order of `rows`: a higher score ranks the candidate higher.
  // Scores compare only candidates of one query (LambdaMART learns an order, not a scale).
  // Every row has feature_count() values; a NaN value is a missing feature. Fails with
  // kInvalid ("feature_count_mismatch") when a row has another number of values, kInternal
  // when XGBoost fails. No rows: no scores. Predicts on the calling thread alone.
  Result<std::vector<float>> Score(const std::vector<std::vector<float>>& rows) const;

  // The number of features the model was trained on.
  size_t feature_count() const { return feature_count_; }

  // Which model this is, for logs and the health check: the file's name (or the label) and
  // the first 8 hex digits of an FNV-1a hash of its bytes, as "ranker.json@1f3a9c07".
  const std::string& name() const { return name_; }

 private:
  struct BoosterFree {
    void operator()(void* booster) const;
  };

  Ranker() = default;

  std::unique_ptr<void, BoosterFree> booster_;
  size_t feature_count_ = 0;
  std::string name_;
};

}  // namespace kc::search
