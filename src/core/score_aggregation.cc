#include "core/score_aggregation.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace kc {

namespace {

constexpr double kTieEpsilon = 1e-9;

struct MeanSd {
  double mean = 0;
  double sd = 0;
};

// Sums in sorted order, so the result does not depend on the input order.
MeanSd Stats(std::vector<double> v) {
  MeanSd out;
  if (v.empty()) return out;
  std::sort(v.begin(), v.end());
  double sum = 0;
  for (double x : v) sum += x;
  out.mean = sum / v.size();
  double sq = 0;
  for (double x : v) sq += (x - out.mean) * (x - out.mean);
  out.sd = std::sqrt(sq / v.size());
  return out;
}

}  // namespace

double TrimmedMean(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t k = values.size() / 4;
  double sum = 0;
  for (size_t i = k; i < values.size() - k; ++i) sum += values[i];
  return sum / static_cast<double>(values.size() - 2 * k);
}

std::vector<RankedNomination> RankNominations(const std::vector<Criterion>& criteria,
                                              const std::vector<int64_t>& nominations,
                                              const std::vector<ScoreEntry>& scores) {
  std::set<int64_t> wanted(nominations.begin(), nominations.end());
  double weight_sum = 0;
  for (const auto& c : criteria) weight_sum += c.weight;

  std::map<int64_t, RankedNomination> out;
  for (int64_t id : wanted) out[id].nomination_id = id;
  std::map<int64_t, std::set<int64_t>> reviewers_of;
  std::map<int64_t, std::map<std::string, std::vector<double>>> raw_of;  // nomination → c → raw

  for (const auto& c : criteria) {
    // Every score on c, and each reviewer's scores on c.
    std::vector<double> all;
    std::map<int64_t, std::vector<double>> by_reviewer;
    std::vector<const ScoreEntry*> on_c;
    for (const auto& s : scores) {
      if (s.criterion != c.key || !wanted.count(s.nomination_id)) continue;
      all.push_back(s.value);
      by_reviewer[s.reviewer_id].push_back(s.value);
      on_c.push_back(&s);
    }
    MeanSd pool = Stats(all);
    std::map<int64_t, MeanSd> reviewer_stats;
    for (auto& [r, v] : by_reviewer) reviewer_stats[r] = Stats(v);
    std::map<int64_t, std::vector<double>> adjusted;  // nomination → x' per reviewer
    for (const ScoreEntry* s : on_c) {
      const MeanSd& rs = reviewer_stats[s->reviewer_id];
      double x = s->value;  // a reviewer without spread keeps the raw score
      if (rs.sd > kTieEpsilon) {
        double z = (s->value - rs.mean) / rs.sd;
        x = std::clamp(pool.mean + pool.sd * z, 0.0, static_cast<double>(c.max_score));
      }
      adjusted[s->nomination_id].push_back(x);
      raw_of[s->nomination_id][c.key].push_back(s->value);
      reviewers_of[s->nomination_id].insert(s->reviewer_id);
    }
    for (auto& [id, v] : adjusted) out[id].breakdown[c.key] = TrimmedMean(v);
  }

  std::vector<RankedNomination> ranked;
  for (auto& [id, r] : out) {
    double total = 0, raw = 0;
    for (const auto& c : criteria) {
      auto b = r.breakdown.find(c.key);
      if (b == r.breakdown.end()) r.breakdown[c.key] = 0;
      total += c.weight * r.breakdown[c.key];
      auto& raws = raw_of[id][c.key];
      raw += c.weight * (raws.empty() ? 0 : Stats(raws).mean);
    }
    r.total = weight_sum > 0 ? total / weight_sum : 0;
    r.raw_mean = weight_sum > 0 ? raw / weight_sum : 0;
    r.reviewers = static_cast<int>(reviewers_of[id].size());
    ranked.push_back(r);
  }

  // Criteria by weight, heaviest first; equal weights keep the campaign's order.
  std::vector<const Criterion*> by_weight;
  for (const auto& c : criteria) by_weight.push_back(&c);
  std::stable_sort(by_weight.begin(), by_weight.end(),
                   [](const Criterion* a, const Criterion* b) { return a->weight > b->weight; });

  auto before = [&](const RankedNomination& a, const RankedNomination& b) {
    bool a_scored = a.reviewers > 0, b_scored = b.reviewers > 0;
    if (a_scored != b_scored) return a_scored;
    if (std::abs(a.total - b.total) > kTieEpsilon) return a.total > b.total;
    for (const Criterion* c : by_weight) {
      double x = a.breakdown.at(c->key), y = b.breakdown.at(c->key);
      if (std::abs(x - y) > kTieEpsilon) return x > y;
    }
    if (std::abs(a.raw_mean - b.raw_mean) > kTieEpsilon) return a.raw_mean > b.raw_mean;
    return a.nomination_id < b.nomination_id;
  };
  std::sort(ranked.begin(), ranked.end(), before);
  for (size_t i = 0; i < ranked.size(); ++i) ranked[i].rank = static_cast<int>(i) + 1;
  return ranked;
}

}  // namespace kc
