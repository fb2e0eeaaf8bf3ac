// Training data for the learned re-ranker from the platform's own listings, without labels
// (docs/ranking.md, "Training data"): a listing's title, and its keywords, are queries whose
// relevant document is that listing indexed without them — the way a demand's words look for
// an achievement that never quotes them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/listing.h"
#include "core/status.h"
#include "search/index.h"
#include "search/query.h"
#include "search/ranker_training.h"
#include "search/search.h"
#include "search/translate.h"

namespace kc::search {

// A query and the one listing it must find.
struct RankTrainingQuery {
  std::string text;
  int64_t relevant_id = 0;
};

// The queries of listings, in their order: each one's title (not an expert's: it is a name),
// then its keywords joined by spaces, when it has them.
std::vector<RankTrainingQuery> RankTrainingQueriesOf(const std::vector<Listing>& listings);

// The dictionary's English of a Chinese text, word by word: each CJK word's first English,
// Latin words and numbers as they are, joined by spaces. Empty when the text has no CJK word or
// the dictionary knows fewer than half of them (a crude translation teaches nothing). Training
// queries in English made so did not make the re-ranker good at English queries
// (bench/eval `--ltr-english 1`, docs/ranking.md "Where it applies"), so only the evaluation
// uses it.
std::string DictionaryEnglish(std::string_view text, const Translator& translator);

// Code points of the body that stand for the title of a listing indexed without it.
inline constexpr size_t kStandInTitleChars = 24;

// The listing as a training index holds it: without what its queries are made of — no
// keywords, and as title the body's first kStandInTitleChars code points (a listing always has
// a title, and bench/eval indexes its documents so).
Listing WithoutQueryText(const Listing& listing);

struct RankTrainingDataOptions {
  size_t candidates = 50;  // the first stage's best, with features, per query
  QueryOptions query;      // the first stage's, as Searcher's
  RankingOptions ranking;
};

// What collecting found.
struct RankTrainingDataSummary {
  size_t queries = 0;  // given
  size_t kept = 0;     // whose relevant listing was among the candidates
};

// For each query, the features (rank_features.h) of the first stage's best
// options.candidates, graded 1 for the query's relevant listing and 0 for the others. A query
// whose relevant listing is not among them is left out: it teaches LambdaMART nothing. index
// holds the listings as WithoutQueryText made them. translator may be null. Fails with
// kInternal when the index cannot be read.
Result<RankerTrainingSet> CollectRankTrainingSet(const SearchIndex& index,
                                                 const Translator* translator,
                                                 const std::vector<RankTrainingQuery>& queries,
                                                 const RankTrainingDataOptions& options,
                                                 RankTrainingDataSummary* summary = nullptr);

// The whole of it: listings indexed WithoutQueryText in a fresh index in work_dir (removed
// first, left for the caller to remove), their queries collected, and a model trained on them
// (TrainRanker); returns the model's JSON. Fails with kInvalid ("no_training_queries") when no
// query found its listing, with the errors of the steps otherwise.
Result<std::string> TrainRankerOnListings(const std::vector<Listing>& listings,
                                          const std::string& work_dir, const Translator* translator,
                                          const RankTrainingDataOptions& data_options,
                                          const RankerTrainingOptions& training_options,
                                          RankTrainingDataSummary* summary = nullptr);

}  // namespace kc::search
