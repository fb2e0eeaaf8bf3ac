#include "search/feedback.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include "search/schema.h"

namespace kc::search {
namespace {

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

bool FeedbackApplies(const TextQuery& query) {
  if (query.foreign || query.own.empty()) return false;
  bool stem = false;
  for (const auto& [term, w] : query.own) {
    if (StartsWith(term, kStemPrefix)) {
      stem = true;
    } else if (!IsNumberTerm(term)) {
      return false;
    }
  }
  return stem;
}

TermWeights FeedbackTerms(const Xapian::Database& db, const Xapian::MSet& first,
                          const TextQuery& query, const FeedbackOptions& options) {
  TermWeights out;
  if (first.empty() || options.terms == 0) return out;
  double heaviest = 0;
  for (const auto& [term, w] : query.own) heaviest = std::max(heaviest, w);
  const double n = db.get_doccount();
  std::map<std::string, double> share;  // Σ over the hits of wdf ÷ the hit's stem count
  for (auto it = first.begin(); it != first.end(); ++it) {
    std::vector<std::pair<std::string, Xapian::termcount>> stems;
    double length = 0;
    for (auto t = db.termlist_begin(*it); t != db.termlist_end(*it); ++t) {
      std::string term = *t;
      if (!StartsWith(term, kStemPrefix)) continue;
      length += t.get_wdf();
      stems.emplace_back(std::move(term), t.get_wdf());
    }
    if (length == 0) continue;
    for (const auto& [term, wdf] : stems) {
      if (query.terms.count(term) == 0) share[term] += wdf / length;
    }
  }
  std::vector<std::pair<double, std::string>> ranked;
  for (const auto& [term, sum] : share) {
    const double df = db.get_termfreq(term);  // once per term, however many hits have it
    if (df < 1) continue;
    const double s = sum * std::log(n / df);
    if (s > 0) ranked.emplace_back(s, term);
  }
  // Best score first; ties by term, so that the same index gives the same query.
  std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  if (ranked.size() > options.terms) ranked.resize(options.terms);
  const double top = ranked.empty() ? 0 : ranked.front().first;
  for (const auto& [s, term] : ranked) {
    out[term] = options.weight * heaviest * s / top;
  }
  return out;
}

}  // namespace kc::search
