#include "search/ranker_training.h"

#include <cmath>
#include <cstdio>
#include <string_view>
#include <utility>

#include "search/xgboost_api.h"

namespace kc::search {
namespace {

Status BadSet(const std::string& why) {
  return Invalid("queries", "bad_training_set", "cannot train the ranker: " + why);
}

// The rows of every query, one after the other, and each query's width; the set's faults as
// TrainRanker's contract lists them.
Status CheckSet(const RankerTrainingSet& set, size_t* features) {
  if (set.queries.empty()) return BadSet("there is no query");
  *features = set.queries.front().rows.empty() ? 0 : set.queries.front().rows.front().size();
  if (*features == 0) return BadSet("query 0 has no candidate with features");
  for (size_t q = 0; q < set.queries.size(); ++q) {
    const RankerQuery& query = set.queries[q];
    const std::string at = "query " + std::to_string(q);
    if (query.rows.empty()) return BadSet(at + " has no candidate");
    if (query.grades.size() != query.rows.size()) {
      return BadSet(at + " has " + std::to_string(query.grades.size()) + " grades for " +
                    std::to_string(query.rows.size()) + " candidates");
    }
    for (size_t i = 0; i < query.rows.size(); ++i) {
      const std::string candidate = at + ", candidate " + std::to_string(i);
      if (query.rows[i].size() != *features) {
        return BadSet(candidate + " has " + std::to_string(query.rows[i].size()) +
                      " features, not " + std::to_string(*features));
      }
      for (float v : query.rows[i]) {
        if (std::isinf(v)) return BadSet(candidate + " has an infinite feature");
      }
      const float g = query.grades[i];
      if (!(g >= 0 && g <= kMaxRelevanceGrade) || g != std::floor(g)) {
        return BadSet(candidate + "'s grade is not a whole number from 0 to 31");
      }
    }
  }
  return Status::Ok();
}

Status CheckOptions(const RankerTrainingOptions& o) {
  if (o.rounds < 1 || o.max_depth < 1 || !(o.eta > 0 && o.eta <= 1)) {
    return Invalid("options", "bad_training_options",
                   "cannot train the ranker: rounds and max_depth must be at least 1 and eta in "
                   "(0, 1]");
  }
  return Status::Ok();
}

// All the digits of a double (std::to_string keeps six decimals: 1e-7 would become 0).
std::string Decimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

Status XGBoostFailed(std::string_view step) {
  return Internal("training the ranker failed " + std::string(step) + ": " + xgb::LastError());
}

}  // namespace

Result<std::string> TrainRanker(const RankerTrainingSet& set,
                                const RankerTrainingOptions& options) {
  size_t features = 0;
  KC_RETURN_IF_ERROR(CheckSet(set, &features));
  KC_RETURN_IF_ERROR(CheckOptions(options));

  std::vector<float> matrix, labels;
  std::vector<unsigned> groups;  // candidates per query, in order: XGBoost's "group"
  for (const RankerQuery& query : set.queries) {
    for (const std::vector<float>& row : query.rows) {
      matrix.insert(matrix.end(), row.begin(), row.end());
    }
    labels.insert(labels.end(), query.grades.begin(), query.grades.end());
    groups.push_back(static_cast<unsigned>(query.rows.size()));
  }

  DMatrixHandle data_handle = nullptr;
  const std::string values = xgb::DenseArrayInterface(matrix.data(), labels.size(), features);
  if (XGDMatrixCreateFromDense(values.c_str(), R"({"missing":NaN,"nthread":1})", &data_handle) !=
      0) {
    return XGBoostFailed("reading the training set");
  }
  const xgb::DMatrixPtr data(data_handle);
  if (XGDMatrixSetFloatInfo(data_handle, "label", labels.data(), labels.size()) != 0 ||
      XGDMatrixSetUIntInfo(data_handle, "group", groups.data(), groups.size()) != 0) {
    return XGBoostFailed("setting grades and queries");
  }

  BoosterHandle booster_handle = nullptr;
  if (XGBoosterCreate(&data_handle, 1, &booster_handle) != 0) {
    return XGBoostFailed("creating the booster");
  }
  const xgb::BoosterPtr booster(booster_handle);
  // One thread and a fixed seed: the same input gives the same model (docs/ranking.md).
  const std::pair<const char*, std::string> params[] = {
      {"objective", "rank:ndcg"},
      {"tree_method", "hist"},
      {"nthread", "1"},
      {"seed", std::to_string(options.seed)},
      {"max_depth", std::to_string(options.max_depth)},
      {"eta", Decimal(options.eta)},
      {"verbosity", "1"},  // warnings, not progress
  };
  for (const auto& [name, value] : params) {
    if (XGBoosterSetParam(booster_handle, name, value.c_str()) != 0) {
      return XGBoostFailed("setting " + std::string(name));
    }
  }
  for (int round = 0; round < options.rounds; ++round) {
    if (XGBoosterUpdateOneIter(booster_handle, round, data_handle) != 0) {
      return XGBoostFailed("in round " + std::to_string(round));
    }
  }

  bst_ulong length = 0;
  const char* json = nullptr;
  if (XGBoosterSaveModelToBuffer(booster_handle, R"({"format":"json"})", &length, &json) != 0) {
    return XGBoostFailed("saving the model");
  }
  return std::string(json, length);
}

}  // namespace kc::search
