#include "search/ranker.h"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "search/ranker_model_check.h"
#include "search/xgboost_api.h"

namespace kc::search {
namespace {

// In-place prediction of plain scores (type 0) with every tree; NaN marks a missing value.
constexpr char kPredictConfig[] =
    R"({"type":0,"training":false,"iteration_begin":0,"iteration_end":0,)"
    R"("strict_shape":false,"cache_id":0,"missing":NaN})";

Status BadModel(std::string_view label, const std::string& why) {
  return Invalid("ranker_model", "bad_ranker_model",
                 "the ranker model " + std::string(label) + " is unusable: " + why);
}

// FNV-1a 64 of the model's bytes, its first 8 hex digits: enough to tell two models apart in
// a log or the health check.
std::string ShortHash(std::string_view bytes) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string(buf, 8);
}

}  // namespace

void Ranker::BoosterFree::operator()(void* booster) const { xgb::BoosterFree{}(booster); }

Result<Ranker> Ranker::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::Error(ErrorKind::kUnavailable, "ranker_model_unavailable",
                         "cannot read the ranker model " + path + ": " + std::strerror(errno));
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) {
    return Status::Error(ErrorKind::kUnavailable, "ranker_model_unavailable",
                         "cannot read the ranker model " + path);
  }
  return FromBuffer(bytes, std::filesystem::path(path).filename().string());
}

Result<Ranker> Ranker::FromBuffer(std::string_view bytes, std::string_view label) {
  // XGBoost 1.7 reads what does not begin with '{' as its old binary format and '{' followed
  // by a letter as UBJSON, and reads damaged ones of either out of bounds (it crashed on
  // truncated UBJSON models): only JSON text comes through, checked before XGBoost sees it
  // (docs/ranking.md, "Model file").
  if (bytes.empty()) return BadModel(label, "it is empty");
  const size_t first_member = bytes.find_first_not_of(" \t\r\n", 1);
  if (bytes.front() != '{' || first_member == std::string_view::npos ||
      bytes[first_member] != '"') {
    return BadModel(label,
                    "it is not an XGBoost model in JSON (UBJSON and the old binary "
                    "format are not accepted)");
  }
  Result<size_t> features = CheckRankerModel(bytes);
  if (!features.ok()) return BadModel(label, features.status().message());

  BoosterHandle handle = nullptr;
  if (XGBoosterCreate(nullptr, 0, &handle) != 0) return Internal(xgb::LastError());
  Ranker ranker;
  ranker.booster_.reset(handle);
  ranker.feature_count_ = *features;
  ranker.name_ = std::string(label) + "@" + ShortHash(bytes);
  if (XGBoosterLoadModelFromBuffer(handle, bytes.data(), bytes.size()) != 0) {
    return BadModel(label, "XGBoost cannot read it (" + xgb::LastError() + ")");
  }
  bst_ulong loaded_features = 0;
  if (XGBoosterGetNumFeature(handle, &loaded_features) != 0 ||
      loaded_features != ranker.feature_count_) {
    return BadModel(label, "XGBoost reads another feature count from it");
  }
  // One thread per prediction: the server predicts on its search threads (docs/ranking.md).
  // Set before the Ranker is shared; the first prediction, here, configures the booster with
  // it, so that no Score has to.
  if (XGBoosterSetParam(handle, "nthread", "1") != 0) return Internal(xgb::LastError());
  Result<std::vector<float>> probe =
      ranker.Score({std::vector<float>(ranker.feature_count_, std::nanf(""))});
  if (!probe.ok()) return BadModel(label, probe.status().message());
  return ranker;
}

Result<std::vector<float>> Ranker::Score(const std::vector<std::vector<float>>& rows) const {
  if (!booster_) return Internal("the ranker has no model (moved from)");
  if (rows.empty()) return std::vector<float>();
  std::vector<float> matrix;
  matrix.reserve(rows.size() * feature_count_);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].size() != feature_count_) {
      return Invalid("features", "feature_count_mismatch",
                     "candidate " + std::to_string(i) + " has " + std::to_string(rows[i].size()) +
                         " features; the ranker model " + name_ + " takes " +
                         std::to_string(feature_count_));
    }
    matrix.insert(matrix.end(), rows[i].begin(), rows[i].end());
  }
  const std::string values = xgb::DenseArrayInterface(matrix.data(), rows.size(), feature_count_);
  const bst_ulong* shape = nullptr;
  bst_ulong dimensions = 0;
  const float* scores = nullptr;
  if (XGBoosterPredictFromDense(booster_.get(), values.c_str(), kPredictConfig, nullptr, &shape,
                                &dimensions, &scores) != 0) {
    return Internal("the ranker model " + name_ + " failed to score: " + xgb::LastError());
  }
  // One score per row: a ranking model has one output (not one per class).
  bst_ulong count = dimensions == 0 ? 0 : 1;
  for (bst_ulong d = 0; d < dimensions; ++d) count *= shape[d];
  if (count != rows.size()) {
    return Internal("the ranker model " + name_ + " gave " + std::to_string(count) +
                    " scores for " + std::to_string(rows.size()) + " candidates");
  }
  // The scores live in XGBoost's buffer for this thread until its next call: copied now.
  return std::vector<float>(scores, scores + rows.size());
}

}  // namespace kc::search
