#include "search/ranking.h"

#include <cmath>
#include <set>

#include "search/schema.h"

namespace kc::search {

MatchWeights DefaultWeights(ListingKind target) {
  switch (target) {
    case ListingKind::kAchievement:
      return {.text = 0.40,
              .key_terms = 0.20,
              .keywords = 0.10,
              .discipline = 0.08,
              .category = 0.04,
              .maturity = 0.08,
              .region = 0.05,
              .recency = 0.05};
    case ListingKind::kExpert:
      return {.text = 0.30,
              .key_terms = 0.15,
              .keywords = 0.10,
              .discipline = 0.12,
              .region = 0.04,
              .recency = 0.04,
              .achievements = 0.25};
    case ListingKind::kTalent:  // docs/talent.md: matched on text and fields alone
      return {.text = 0.45,
              .key_terms = 0.20,
              .keywords = 0.12,
              .discipline = 0.12,
              .region = 0.04,
              .recency = 0.07};
    case ListingKind::kDemand:
    case ListingKind::kTalentDemand:
      break;
  }
  return {.text = 0.45,
          .key_terms = 0.20,
          .keywords = 0.10,
          .discipline = 0.08,
          .category = 0.04,
          .region = 0.08,
          .recency = 0.05};
}

double Score(const MatchFeatures& f, const MatchWeights& w, std::vector<ScoreComponent>* out) {
  const std::pair<const char*, std::pair<double, double>> parts[] = {
      {"text", {f.text, w.text}},
      {"key_terms", {f.key_terms, w.key_terms}},
      {"keywords", {f.keywords, w.keywords}},
      {"discipline", {f.discipline, w.discipline}},
      {"category", {f.category, w.category}},
      {"maturity", {f.maturity, w.maturity}},
      {"region", {f.region, w.region}},
      {"recency", {f.recency, w.recency}},
      {"achievements", {f.achievements, w.achievements}},
  };
  double score = 0;
  for (const auto& [name, vw] : parts) {
    if (vw.second == 0) continue;
    score += vw.first * vw.second;
    if (out != nullptr) out->push_back({name, vw.first, vw.second});
  }
  return score;
}

double KeywordOverlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const std::set<std::string> sa(a.begin(), a.end());
  const std::set<std::string> sb(b.begin(), b.end());
  if (sa.empty() || sb.empty()) return 0;
  size_t common = 0;
  for (const std::string& k : sa) common += sb.count(k);
  return static_cast<double>(common) / static_cast<double>(sa.size() + sb.size() - common);
}

double Recency(int64_t published_at, int64_t now) {
  if (published_at <= 0 || now <= 0) return 0;
  const double age_days = std::max<double>(0, static_cast<double>(now - published_at) / 86400.0);
  return std::exp(-age_days / 365.0);
}

bool SameProvince(const std::string& a, const std::string& b) {
  const std::string pa = ProvinceOf(a);
  return !pa.empty() && pa == ProvinceOf(b);
}

bool SameDiscipline(const Listing& source, const StoredListing& candidate) {
  return !SharedDiscipline(source, candidate).empty();
}

std::string SharedDiscipline(const Listing& source, const StoredListing& candidate) {
  std::set<std::string> mine(source.disciplines.begin(), source.disciplines.end());
  if (!source.discipline.empty()) mine.insert(source.discipline);
  mine.erase("");
  if (mine.count(candidate.discipline)) return candidate.discipline;
  for (const std::string& d : candidate.disciplines) {
    if (mine.count(d)) return d;
  }
  return "";
}

}  // namespace kc::search
