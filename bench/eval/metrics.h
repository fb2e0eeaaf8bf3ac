// Retrieval metrics over ranked document ids and TREC-style judgements.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace kc::eval {

// Reciprocal rank of the first relevant document within the first k, 0 if none.
double ReciprocalRank(const std::vector<std::string>& ranked,
                      const std::map<std::string, int>& gains, size_t k);
// nDCG@k with gain 2^g − 1 and log2 discount; the ideal ranking from all judged documents.
double Ndcg(const std::vector<std::string>& ranked, const std::map<std::string, int>& gains,
            size_t k);
// Share of the relevant documents found within the first k.
double Recall(const std::vector<std::string>& ranked, const std::map<std::string, int>& gains,
              size_t k);
// The p-th percentile (0..100) of values, nearest rank; 0 for none.
double Percentile(std::vector<double> values, double p);

}  // namespace kc::eval
