// What the ranker's two files share over XGBoost's C API (<xgboost/c_api.h>, 1.7): owned
// handles, the library's last error, and a dense float matrix as XGBoost's array interface
// (docs/ranking.md). Included by .cc files only, so that no other header sees XGBoost's.
#pragma once

#include <xgboost/c_api.h>

#include <cstdint>
#include <memory>
#include <string>

namespace kc::search::xgb {

struct BoosterFree {
  void operator()(void* booster) const { XGBoosterFree(booster); }
};
struct DMatrixFree {
  void operator()(void* matrix) const { XGDMatrixFree(matrix); }
};
// A BoosterHandle / DMatrixHandle that is freed with its owner.
using BoosterPtr = std::unique_ptr<void, BoosterFree>;
using DMatrixPtr = std::unique_ptr<void, DMatrixFree>;

// The message of the calling thread's last failed XGBoost call (XGBGetLastError is
// thread-local): its first line, without the time and source location XGBoost puts before it
// ("[12:00:00] ../src/learner.cc:1008: Invalid model format" → "Invalid model format"); the
// lines after it are a stack trace in some builds.
inline std::string LastError() {
  std::string message = XGBGetLastError();
  const size_t end = message.find('\n');
  if (end != std::string::npos) message.resize(end);
  if (message.rfind("[", 0) == 0) {
    const size_t location = message.find("] ");
    const size_t text = location == std::string::npos ? location : message.find(": ", location);
    if (text != std::string::npos) message.erase(0, text + 2);
  }
  return message.empty() ? "unknown XGBoost error" : message;
}

// The __array_interface__ (version 3) of `rows` × `cols` little-endian floats at `data`,
// row-major, which XGDMatrixCreateFromDense and XGBoosterPredictFromDense read in place.
inline std::string DenseArrayInterface(const float* data, size_t rows, size_t cols) {
  return "{\"data\":[" + std::to_string(reinterpret_cast<uintptr_t>(data)) + ",true],\"shape\":[" +
         std::to_string(rows) + "," + std::to_string(cols) + "],\"typestr\":\"<f4\",\"version\":3}";
}

}  // namespace kc::search::xgb
