// A retrieval engine under evaluation: index a data set's documents, answer queries with
// ranked document ids.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "eval/corpus.h"
#include "search/index.h"
#include "search/matcher.h"
#include "search/query.h"
#include "search/rank_training_data.h"
#include "search/ranker.h"
#include "search/ranker_training.h"
#include "search/search.h"
#include "search/translate.h"

namespace kc::eval {

class Engine {
 public:
  virtual ~Engine() = default;
  virtual std::string name() const = 0;
  // Indexes docs into a fresh index under work_dir.
  virtual Status Build(const std::vector<Doc>& docs, const std::string& work_dir) = 0;
  // The ids of the best k documents for query, best first.
  virtual Result<std::vector<std::string>> Search(const std::string& query, size_t k) = 0;
  // What the last Build measured besides its wall time (rates of its stages), or empty.
  virtual std::string note() const { return ""; }
  // Our engine's index after Build (for the relevance study), null for the others.
  virtual const search::SearchIndex* index() const { return nullptr; }
};

// How our engine's index is filled.
enum class IndexPath {
  // The product's path: a JSON Lines file imported by an admin with kc::Importer into a SQLite
  // store (OpenSqliteStore), then indexed from the change log by kc::Indexer::CatchUp.
  kImport,
  // Each document handed straight to search::SearchIndex::Upsert (no store).
  kDirect,
};

// Our engine: one achievement listing per document in a search::SearchIndex filled as `path`
// says, searched by search::Searcher. Named "kechuang" (import) or "kechuang-direct".
// reuse: open an index left by an earlier run in work_dir instead of building it (for tuning
// query options).
std::unique_ptr<Engine> MakeOurEngine(const search::Translator* translator,
                                      search::QueryOptions query, search::RankingOptions ranking,
                                      bool reuse = false, IndexPath path = IndexPath::kImport);

// Our engine in two stages over `index` (built by our engine): the first `depth` candidates of
// search::RunFirstStage re-ranked by `ranker` (search/rerank.h), the rest after them. Named
// "kechuang-ltr"; Build does nothing. index, translator and ranker must outlive it.
std::unique_ptr<Engine> MakeRerankedEngine(const search::SearchIndex* index,
                                           const search::Translator* translator,
                                           search::QueryOptions query,
                                           search::RankingOptions ranking,
                                           const search::Ranker* ranker, size_t depth);

// The search the server runs over `index` (built by our engine): search::Searcher with the
// re-ranking model of `rankers` where it applies (search/rerank.h) to the best `depth` hits (0:
// none). Named "kechuang-served"; Build does nothing. index, translator and rankers must outlive
// it.
std::unique_ptr<Engine> MakeServedEngine(const search::SearchIndex* index,
                                         const search::Translator* translator,
                                         search::QueryOptions query, search::RankingOptions ranking,
                                         const search::RankerSource* rankers, size_t depth);

// The match path over `index` (built by our engine): each query a demand listing, its matches
// among the achievements (search::Matcher with `options`). Named "kechuang-match"; Build does
// nothing. index and translator must outlive it.
std::unique_ptr<Engine> MakeMatchEngine(const search::SearchIndex* index,
                                        const search::Translator* translator,
                                        search::MatchOptions options);

// A re-ranker model trained on `training` (queries with the data-set id of their document)
// over `index`, which holds those documents; prints what it found and how long it took.
Result<std::string> TrainRerankerOn(const search::SearchIndex& index,
                                    const search::Translator* translator,
                                    const std::vector<TrainingQuery>& training,
                                    const search::RankTrainingDataOptions& data_options,
                                    const search::RankerTrainingOptions& options);

// Tuning without the scored sets: the training queries split by document into two halves, a
// model trained with each of `configs` on one, and MRR@10 among the candidates on the other
// (first stage and re-ranked) printed as a table.
Status ValidateReranker(const search::SearchIndex& index, const search::Translator* translator,
                        const std::vector<TrainingQuery>& training,
                        const search::RankTrainingDataOptions& data_options,
                        const std::vector<search::RankerTrainingOptions>& configs);

// Stock Xapian 1.4: TermGenerator with FLAG_CJK_NGRAM (characters and bigrams of CJK text)
// and the English stemmer; BM25 with default parameters; the query is the OR of the terms
// TermGenerator makes of the query text (QueryParser's CJK mode would AND them).
std::unique_ptr<Engine> MakeXapianNgramEngine();

// SQLite FTS5 with the trigram tokenizer, bm25 ranking; the query is the OR of the query's
// trigrams (words of 3+ characters for Latin text).
std::unique_ptr<Engine> MakeFts5TrigramEngine();

}  // namespace kc::eval
