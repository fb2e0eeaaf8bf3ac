#include "eval/metrics.h"

#include <algorithm>
#include <cmath>

namespace kc::eval {
namespace {
int GainOf(const std::map<std::string, int>& gains, const std::string& id) {
  auto it = gains.find(id);
  return it == gains.end() ? 0 : it->second;
}
}  // namespace

double ReciprocalRank(const std::vector<std::string>& ranked,
                      const std::map<std::string, int>& gains, size_t k) {
  for (size_t i = 0; i < ranked.size() && i < k; ++i) {
    if (GainOf(gains, ranked[i]) > 0) return 1.0 / static_cast<double>(i + 1);
  }
  return 0;
}

double Ndcg(const std::vector<std::string>& ranked, const std::map<std::string, int>& gains,
            size_t k) {
  double dcg = 0;
  for (size_t i = 0; i < ranked.size() && i < k; ++i) {
    const int g = GainOf(gains, ranked[i]);
    if (g > 0) dcg += (std::pow(2.0, g) - 1) / std::log2(static_cast<double>(i) + 2);
  }
  std::vector<int> ideal;
  for (const auto& [id, g] : gains) {
    if (g > 0) ideal.push_back(g);
  }
  std::sort(ideal.rbegin(), ideal.rend());
  double idcg = 0;
  for (size_t i = 0; i < ideal.size() && i < k; ++i) {
    idcg += (std::pow(2.0, ideal[i]) - 1) / std::log2(static_cast<double>(i) + 2);
  }
  return idcg > 0 ? dcg / idcg : 0;
}

double Recall(const std::vector<std::string>& ranked, const std::map<std::string, int>& gains,
              size_t k) {
  size_t relevant = 0, found = 0;
  for (const auto& [id, g] : gains) relevant += g > 0;
  for (size_t i = 0; i < ranked.size() && i < k; ++i) found += GainOf(gains, ranked[i]) > 0;
  return relevant > 0 ? static_cast<double>(found) / static_cast<double>(relevant) : 0;
}

double Percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
  rank = std::clamp<size_t>(rank, 1, values.size());
  return values[rank - 1];
}

}  // namespace kc::eval
