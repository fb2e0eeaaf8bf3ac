#include "search/relevance.h"

#include <algorithm>
#include <cmath>

namespace kc::search {

double Bm25Idf(double n, double df) {
  // Xapian 1.4's BM25Weight::init without a relevance set: a term in more than half of the
  // documents keeps a small positive weight instead of a negative one.
  double tw = (n - df + 0.5) / (df + 0.5);
  if (tw < 2) tw = tw * 0.5 + 1;
  return std::log(tw);
}

Reference ReferenceOf(const TermWeights& own, const std::vector<Alternatives>& translations,
                      const std::map<std::string, double>& idf) {
  auto sum = [&](const TermWeights& terms) {
    double total = 0;
    for (const auto& [term, w] : terms) {
      auto it = idf.find(term);
      if (it != idf.end()) total += w * it->second;
    }
    return total;
  };
  Reference r;
  r.own = sum(own);
  for (const Alternatives& phrase : translations) {
    double best = 0;
    for (const TermWeights& target : phrase) best = std::max(best, sum(target));
    r.translated += best;
  }
  return r;
}

double Relevance(double weight, double reference) {
  if (reference <= 0) return 0;
  return std::clamp(weight / reference, 0.0, 1.0);
}

const char* RelevanceLevel(double relevance) {
  if (relevance >= kStrongRelevance) return "strong";
  if (relevance >= kMediumRelevance) return "medium";
  return "weak";
}

}  // namespace kc::search
