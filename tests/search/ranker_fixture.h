// Queries for the ranker's tests, made by the test: each has one relevant candidate among
// distractors, told apart only by feature 2 (planted, with noise); the other features are noise.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "search/ranker_training.h"

namespace kc::search::testing {

inline constexpr size_t kRankerFeatures = 5;
inline constexpr size_t kPlantedFeature = 2;

// `queries` queries of `candidates` candidates each; the relevant one (grade 1) sits at a
// random place. Feature 2 is uniform in [0.45, 1) for it and in [0, 0.5) for the others, so
// they overlap a little; features 0, 1, 3 and 4 are uniform in [0, 1) for all. Another seed
// gives other queries: train on one, score on another.
inline RankerTrainingSet PlantedQueries(size_t queries, size_t candidates, uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> noise(0, 1);
  std::uniform_int_distribution<size_t> place(0, candidates - 1);
  RankerTrainingSet set;
  for (size_t q = 0; q < queries; ++q) {
    RankerQuery query;
    const size_t relevant = place(rng);
    for (size_t c = 0; c < candidates; ++c) {
      std::vector<float> row(kRankerFeatures);
      for (float& v : row) v = noise(rng);
      row[kPlantedFeature] = c == relevant ? 0.45f + 0.55f * noise(rng) : 0.5f * noise(rng);
      query.rows.push_back(std::move(row));
      query.grades.push_back(c == relevant ? 1 : 0);
    }
    set.queries.push_back(std::move(query));
  }
  return set;
}

// The place of the relevant candidate (grade > 0) of a query.
inline size_t RelevantPlace(const RankerQuery& query) {
  for (size_t i = 0; i < query.grades.size(); ++i) {
    if (query.grades[i] > 0) return i;
  }
  return query.grades.size();
}

// A small model trained on PlantedQueries(40, 10, 1).
inline RankerTrainingOptions SmallModelOptions() {
  RankerTrainingOptions options;
  options.rounds = 20;
  options.max_depth = 3;
  options.eta = 0.3;
  options.seed = 7;
  return options;
}

}  // namespace kc::search::testing
