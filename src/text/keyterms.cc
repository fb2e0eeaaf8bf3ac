#include "text/keyterms.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_set>

#include "core/utf8.h"
#include "text/stopwords.h"

namespace kc::text {
namespace {

constexpr std::string_view kHeader = "kc-termstats 1";
constexpr double kTitleBoost = 1.6;
constexpr double kWeakFactor = 0.25;

std::vector<std::string> DistinctKeys(const Terms& a, const Terms* b) {
  std::unordered_set<std::string> seen;
  std::vector<std::string> keys;
  for (const Terms* t : {&a, b}) {
    if (t == nullptr) continue;
    for (const std::string& w : t->words) {
      std::string key = TermKey(w);
      if (seen.insert(key).second) keys.push_back(std::move(key));
    }
  }
  return keys;
}

double LengthFactor(std::string_view word) {
  switch (KindOf(word)) {
    case TokenKind::kNumber:
      return 0.2;
    case TokenKind::kLatinWord:
      return Utf8Length(word) <= 2 ? 0.5 : 1.0;
    case TokenKind::kCjkWord:
      break;
  }
  switch (Utf8Length(word)) {
    case 1:
      return 0.3;
    case 2:
      return 1.0;
    case 3:
      return 1.25;
    case 4:
      return 1.5;
    default:
      return 1.6;
  }
}

Status BadLine(size_t line, std::string what) {
  return Invalid("term_stats", "bad_term_stats",
                 "term statistics line " + std::to_string(line) + ": " + std::move(what));
}

bool ParseNumber(std::string_view s, uint64_t* out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

}  // namespace

std::string TermKey(std::string_view word) {
  return KindOf(word) == TokenKind::kLatinWord ? StemEnglish(word) : std::string(word);
}

void TermStats::Count(const std::vector<std::string>& keys, int delta) {
  if (delta > 0) {
    ++documents_;
    for (const std::string& key : keys) ++df_[key];
    return;
  }
  if (documents_ > 0) --documents_;
  for (const std::string& key : keys) {
    auto it = df_.find(key);
    if (it == df_.end()) continue;
    if (--it->second == 0) df_.erase(it);
  }
}

void TermStats::Add(const Terms& document) { Count(DistinctKeys(document, nullptr), +1); }
void TermStats::Add(const Terms& title, const Terms& body) {
  Count(DistinctKeys(title, &body), +1);
}
void TermStats::Remove(const Terms& document) { Count(DistinctKeys(document, nullptr), -1); }
void TermStats::Remove(const Terms& title, const Terms& body) {
  Count(DistinctKeys(title, &body), -1);
}

void TermStats::Merge(const TermStats& other) {
  documents_ += other.documents_;
  for (const auto& [key, df] : other.df_) df_[key] += df;
}

uint64_t TermStats::DocumentFrequency(std::string_view key) const {
  auto it = df_.find(key);
  return it == df_.end() ? 0 : it->second;
}

std::string TermStats::Serialize() const {
  std::vector<const std::pair<const std::string, uint64_t>*> rows;
  rows.reserve(df_.size());
  for (const auto& row : df_) rows.push_back(&row);
  std::sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return a->first < b->first; });
  std::string out;
  out.append(kHeader).append("\ndocuments ").append(std::to_string(documents_)).append("\n");
  for (const auto* row : rows) {
    out.append(std::to_string(row->second)).append(" ").append(row->first).append("\n");
  }
  return out;
}

Result<TermStats> TermStats::Parse(std::string_view text) {
  TermStats stats;
  size_t line_no = 0;
  while (!text.empty()) {
    const size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    ++line_no;
    if (line_no == 1) {
      if (line != kHeader) return BadLine(1, "expected \"kc-termstats 1\"");
      continue;
    }
    const size_t space = line.find(' ');
    if (space == std::string_view::npos) return BadLine(line_no, "expected two fields");
    const std::string_view first = line.substr(0, space);
    const std::string_view second = line.substr(space + 1);
    if (line_no == 2) {
      if (first != "documents" || !ParseNumber(second, &stats.documents_)) {
        return BadLine(2, "expected \"documents N\"");
      }
      continue;
    }
    uint64_t df = 0;
    if (!ParseNumber(first, &df) || df == 0) return BadLine(line_no, "bad document frequency");
    if (second.empty() || second.find_first_of(" \t\r") != std::string_view::npos) {
      return BadLine(line_no, "bad key");
    }
    if (!stats.df_.emplace(std::string(second), df).second) {
      return BadLine(line_no, "duplicate key");
    }
  }
  if (line_no < 2) return BadLine(line_no + 1, "missing header");
  return stats;
}

std::vector<WeightedTerm> KeyTerms(const Terms& title, const Terms& body, const TermStats& stats,
                                   size_t k) {
  std::map<std::string, WeightedTerm> by_key;
  for (const Terms* field : {&title, &body}) {
    for (const std::string& word : field->words) {
      std::string key = TermKey(word);
      auto [it, inserted] = by_key.try_emplace(key);
      WeightedTerm& term = it->second;
      if (inserted) {
        term.term = word;
        term.key = std::move(key);
      }
      ++term.frequency;
      term.in_title = term.in_title || field == &title;
    }
  }
  const double n = static_cast<double>(stats.documents());
  std::vector<WeightedTerm> ranked;
  ranked.reserve(by_key.size());
  for (auto& [key, term] : by_key) {
    const double df = static_cast<double>(stats.DocumentFrequency(key));
    const double idf = std::log(1.0 + (std::max(n - df, 0.0) + 0.5) / (df + 0.5));
    term.weight = (1.0 + std::log(static_cast<double>(term.frequency))) * idf *
                  LengthFactor(term.term) * (term.in_title ? kTitleBoost : 1.0) *
                  (IsWeakTerm(term.term) ? kWeakFactor : 1.0);
    ranked.push_back(std::move(term));
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.weight > b.weight;  // by_key is ordered: ties stay by key.
  });
  if (ranked.size() > k) ranked.resize(k);
  return ranked;
}

std::vector<WeightedTerm> KeyTerms(const Terms& text, const TermStats& stats, size_t k) {
  return KeyTerms(Terms(), text, stats, k);
}

}  // namespace kc::text
