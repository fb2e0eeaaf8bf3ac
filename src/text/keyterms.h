// Key terms of a long text (a demand's description, an achievement's abstract), ranked by
// tf-idf against corpus statistics: what a matcher queries with and what an explanation shows.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "text/analyzer.h"

namespace kc::text {

// The key under which a word is counted: its English stem for a Latin word (controllers and
// controller count together), the word itself otherwise.
std::string TermKey(std::string_view word);

// 语料统计: how many documents contain each term key, and how many documents there are. Built
// incrementally as documents are indexed. Not synchronised: guard it, or build one per thread
// and Merge.
class TermStats {
 public:
  // Counts a document: documents() + 1, and + 1 for each distinct key of its words.
  void Add(const Terms& document);
  // Counts a document made of several fields (title and body) once.
  void Add(const Terms& title, const Terms& body);
  // Undoes Add of the same terms (a listing closed or edited); counts never go below zero.
  void Remove(const Terms& document);
  void Remove(const Terms& title, const Terms& body);
  // Adds the counts of other.
  void Merge(const TermStats& other);

  uint64_t documents() const { return documents_; }
  // Number of documents containing key (a TermKey), 0 if unknown.
  uint64_t DocumentFrequency(std::string_view key) const;
  // Number of distinct keys.
  size_t size() const { return df_.size(); }

  // A text form: the line "kc-termstats 1", the line "documents N", then "DF KEY" per key,
  // sorted by key. Keys never contain white space.
  std::string Serialize() const;
  // Reads Serialize()'s form; fails with kInvalid ("bad_term_stats") naming the bad line.
  static Result<TermStats> Parse(std::string_view text);

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  void Count(const std::vector<std::string>& keys, int delta);

  uint64_t documents_ = 0;
  std::unordered_map<std::string, uint64_t, Hash, std::equal_to<>> df_;
};

// A key term and its weight.
struct WeightedTerm {
  std::string term;  // the word as first seen in the text: 神经网络, controllers
  std::string key;   // TermKey(term)
  double weight = 0;
  uint32_t frequency = 0;  // occurrences of the key in title and body
  bool in_title = false;
};

// The k highest-weighted terms of a text, best first (ties by key). The weight of a key is
//   (1 + ln tf) · ln(1 + (N − df + ½) / (df + ½)) · length · title · weak
// with tf its occurrences, N and df from stats; length 0.3 for a one-character CJK word,
// 1.0 / 1.25 / 1.5 / 1.6 for 2 / 3 / 4 / 5+ characters, 0.5 for a Latin word of one or two
// letters, 0.2 for a number, 1 otherwise; title 1.6 if the key occurs in the title; weak 0.25
// for IsWeakTerm words. Longer CJK words are boosted because the segmenter's lexicon keeps
// technical terms whole and those are what a text is about. Thread-safe for const stats.
std::vector<WeightedTerm> KeyTerms(const Terms& title, const Terms& body, const TermStats& stats,
                                   size_t k);

// KeyTerms of a text without a title.
std::vector<WeightedTerm> KeyTerms(const Terms& text, const TermStats& stats, size_t k);

}  // namespace kc::text
