// Re-ranking of match candidates: the features of a (source, candidate) pair, their weights,
// and the one score with the explanation a person can read (DESIGN §6).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/listing.h"
#include "search/document.h"

namespace kc::search {

// One part of a match score: score = Σ value × weight over the components.
struct ScoreComponent {
  std::string name;  // text, key_terms, keywords, discipline, category, maturity, region,
                     // recency, achievements
  double value = 0;  // in [0, 1]
  double weight = 0;
};

// Why a candidate matched: codes and values, worded by the reader's interface.
struct Explanation {
  // The source's keywords and key terms the candidate has, whole (shared_terms.h): keywords
  // first, then the others by weight.
  std::vector<std::string> shared_terms;
  std::vector<std::string> field_match;  // "discipline", "category", "region" when the same
  // The value they share for each of field_match: the discipline's and the category's name,
  // the province's code (440000).
  std::map<std::string, std::string> field_values;
  // How close the texts are, from the hit's relevance (relevance.h): "strong", "medium" or
  // "weak".
  std::string text_similarity;
  // An expert matched through achievements that name the expert as an inventor: their titles.
  std::vector<std::string> via_achievements;
  std::vector<ScoreComponent> components;
};

// The features of one candidate, each in [0, 1].
struct MatchFeatures {
  double text = 0;          // retrieval score / the best candidate's
  double key_terms = 0;     // share of the source's key-term weight found in the candidate
  double keywords = 0;      // Jaccard overlap of the two keyword sets (by term key)
  double discipline = 0;    // 1 when a discipline is the same
  double category = 0;      // 1 when the category is the same
  double maturity = 0;      // TRL / 9 (achievements), 0 when unknown
  double region = 0;        // 1 when in the same province
  double recency = 0;       // exp(−age / 1 year) since publication
  double achievements = 0;  // experts: best text score of an achievement they invented
};

// How much each feature counts; components with weight 0 are left out of explanations.
struct MatchWeights {
  double text = 0;
  double key_terms = 0;
  double keywords = 0;
  double discipline = 0;
  double category = 0;
  double maturity = 0;
  double region = 0;
  double recency = 0;
  double achievements = 0;
};

// The weights used for candidates of `target` kind (each set sums to 1).
MatchWeights DefaultWeights(ListingKind target);

// The score and its components.
double Score(const MatchFeatures& f, const MatchWeights& w, std::vector<ScoreComponent>* out);

// Feature helpers.
double KeywordOverlap(const std::vector<std::string>& source_keys,
                      const std::vector<std::string>& candidate_keys);  // Jaccard of key sets
double Recency(int64_t published_at, int64_t now);
bool SameProvince(const std::string& a, const std::string& b);
// Whether the two listings share a discipline (an expert's list counts).
bool SameDiscipline(const Listing& source, const StoredListing& candidate);
// The discipline the two share, or "" (the candidate's own first, then an expert's list).
std::string SharedDiscipline(const Listing& source, const StoredListing& candidate);

}  // namespace kc::search
