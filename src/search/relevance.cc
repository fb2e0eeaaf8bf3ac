#include "search/relevance.h"

#include <algorithm>
#include <cmath>

#include "search/schema.h"

namespace kc::search {

double Bm25Idf(double n, double df) {
  // Xapian 1.4's BM25Weight::init without a relevance set: a term in more than half of the
  // documents keeps a small positive weight instead of a negative one.
  double tw = (n - df + 0.5) / (df + 0.5);
  if (tw < 2) tw = tw * 0.5 + 1;
  return std::log(tw);
}

double ReferenceWeight(const Xapian::Database& db, const TermWeights& terms,
                       const std::set<std::string>& in_members_text) {
  const double n = db.get_doccount();
  double total = 0;
  for (const auto& [term, w] : terms) {
    double df = db.get_termfreq(term);
    if (in_members_text.count(term) != 0) df += db.get_termfreq(MembersTerm(term));
    total += w * Bm25Idf(n, std::min(df, n));
  }
  return total;
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
