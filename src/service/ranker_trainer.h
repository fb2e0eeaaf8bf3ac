// Training the learned re-ranker on the platform's own published listings (`kechuang
// train-ranker`, docs/ranking.md): their titles and keywords as queries for themselves indexed
// without them (search/rank_training_data.h), the model written into the data directory.
#pragma once

#include <cstddef>
#include <string>

#include "core/status.h"
#include "search/rank_training_data.h"
#include "search/ranker_training.h"
#include "search/translate.h"
#include "store/store.h"

namespace kc {

// The model's file in the data directory.
inline constexpr const char* kRankerFile = "ranker.json";

struct RankerTrainerOptions {
  // At most this many published listings are trained on, spread evenly over the id range
  // (their queries cost a search each: 20,000 listings ≈ 40,000 queries).
  size_t max_listings = 20000;
  search::RankTrainingDataOptions data;
  search::RankerTrainingOptions training;
};

struct RankerTrainerReport {
  size_t listings = 0;  // trained on
  search::RankTrainingDataSummary queries;
  std::string path;  // the model written
};

// Reads the published listings from store, trains a model on them (in a scratch index under
// data_dir, removed afterwards) and writes it to data_dir/kRankerFile atomically, replacing
// the one there. translator may be null. Fails with kInvalid ("no_training_queries") when the
// store holds nothing to learn from, and with the store's, the index's or the file's errors.
Result<RankerTrainerReport> TrainRankerFromStore(Store& store, const std::string& data_dir,
                                                 const search::Translator* translator,
                                                 const RankerTrainerOptions& options);

}  // namespace kc
