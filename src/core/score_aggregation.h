// Turning reviewers' scores into a ranking, reproducibly (same scores → same ranking, on any
// machine, in any input order) and robustly (one harsh or lenient reviewer, or one outlier,
// moves a nominee little).
//
// The method, for each criterion c separately:
// 1. Normalise each reviewer's scores (z-score per reviewer): for reviewer r, with m_rc and s_rc
//    the mean and population standard deviation of r's scores on c over every nomination r
//    scored, z = (x − m_rc) / s_rc.
// 2. Put z back on the criterion's scale, so the breakdown reads like scores: x' = M_c + S_c·z,
//    with M_c and S_c the mean and population standard deviation of all raw scores on c,
//    clamped to [0, max_score]. A reviewer who cannot be normalised (s_rc = 0: one nomination
//    scored, or the same score for all) keeps the raw score, x' = x.
// 3. The nomination's score on c is the trimmed mean of its x' over its reviewers: with n
//    values, the ⌊n/4⌋ highest and ⌊n/4⌋ lowest are dropped (n < 4: plain mean; n = 4..7: one
//    each side; 8..11: two).
// The total is the weighted mean of the criterion scores, Σ w_c·score_c / Σ w_c.
//
// Ties (totals within 1e-9) are broken, in order, by: the higher score on the criterion with
// the highest weight (then the next weight; equal weights in the campaign's order); the higher
// weighted mean of the raw, unnormalised scores; the smaller nomination id (submitted first).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/campaign.h"

namespace kc {

// One reviewer's score of one nomination on one criterion.
struct ScoreEntry {
  int64_t nomination_id = 0;
  int64_t reviewer_id = 0;
  std::string criterion;  // Criterion::key
  double value = 0;
};

struct RankedNomination {
  int rank = 0;  // 1, 2, 3 … (never shared: the tie-break decides)
  int64_t nomination_id = 0;
  double total = 0;
  std::map<std::string, double> breakdown;  // criterion key → score on the criterion's scale
  double raw_mean = 0;                      // weighted mean of the raw scores
  int reviewers = 0;                        // how many reviewers scored it
};

// Ranks `nominations` (ids; those without any score rank last, total 0, by id) from `scores`.
// Scores on keys not among `criteria` are ignored.
std::vector<RankedNomination> RankNominations(const std::vector<Criterion>& criteria,
                                              const std::vector<int64_t>& nominations,
                                              const std::vector<ScoreEntry>& scores);

// The trimmed mean described above; 0 for no values.
double TrimmedMean(std::vector<double> values);

}  // namespace kc
