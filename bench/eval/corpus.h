// The evaluation data sets of ../shared/data (see its README): documents, queries and
// relevance judgements, loaded into one shape.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace kc::eval {

struct Doc {
  std::string id;
  std::string title;
  std::string body;
  std::string category;
  std::string discipline;
};

struct Query {
  std::string id;
  std::string text;
};

// qid → (docid → gain); gains ≤ 0 are not relevant.
using Qrels = std::map<std::string, std::map<std::string, int>>;

// A query for training the re-ranker, and the id of the one document it must find.
struct TrainingQuery {
  std::string text;
  std::string doc_id;
};

struct DataSet {
  std::string name;
  std::vector<Doc> docs;
  std::vector<std::pair<std::string, std::vector<Query>>> query_sets;  // (name, queries)
  Qrels qrels;
  // Queries disjoint from query_sets and their documents, for training (csl-dev only).
  std::vector<TrainingQuery> training;
};

// csl-dev's documents without title and keywords (title = the abstract's first 24
// characters) plus zh-sci-abstracts the same way as distractors; title and keyword queries.
// Training queries: the titles and keywords (joined by spaces) of the zh-sci-abstracts
// documents that have them, each for its own document — never a csl-dev query or document.
Result<DataSet> LoadCsl(const std::string& data_dir);

// Cranfield 1400, graded qrels (gain 4..1; the TREC file's 0 and -1 are not relevant).
Result<DataSet> LoadCranfield(const std::string& data_dir);

// csprd-en2zh: Chinese prospectus passages; their English versions as queries.
Result<DataSet> LoadCsprd(const std::string& data_dir);

}  // namespace kc::eval
