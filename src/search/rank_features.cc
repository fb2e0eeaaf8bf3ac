#include "search/rank_features.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "search/relevance.h"
#include "search/schema.h"
#include "text/analyzer.h"
#include "text/segmenter.h"

namespace kc::search {
namespace {

// BM25's saturation and the body's length normalisation (Xapian's defaults).
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

constexpr size_t kTitle = 0, kKeywords = 1, kBody = 2, kFieldCount = 3;
enum TermSet : size_t { kWordSet, kBigramSet, kCharSet, kTranslationSet };

bool HasPrefix(std::string_view term, std::string_view prefix) {
  return term.substr(0, prefix.size()) == prefix;
}

TermSet SetOf(std::string_view term) {
  if (HasPrefix(term, kBigramPrefix)) return kBigramSet;
  if (HasPrefix(term, kCharPrefix)) return kCharSet;
  return kWordSet;  // W and Z
}

// The index term of a word as the query and the sequence have it: Z<stem> for a Latin word,
// W<word> otherwise.
std::string WordTerm(const std::string& word) {
  return text::KindOf(word) == text::TokenKind::kLatinWord
             ? Term(kStemPrefix, text::StemEnglish(word))
             : Term(kWordPrefix, word);
}

// How often each index term occurs in an analysed field, as document.cc indexes it.
using TermCounts = std::unordered_map<std::string, int>;
TermCounts CountTerms(const text::Terms& t, int* total) {
  TermCounts counts;
  auto add = [&](std::string_view prefix, std::string_view value) {
    if (value.size() > kMaxTermBytes) return;
    ++counts[Term(prefix, value)];
    ++*total;
  };
  for (const std::string& w : t.words) {
    add(kWordPrefix, w);
    for (std::string_view c : CjkChars(w)) add(kCharPrefix, c);
  }
  for (const std::string& b : t.bigrams) add(kBigramPrefix, b);
  for (const std::string& s : t.english_stems) add(kStemPrefix, s);
  return counts;
}

int CountOf(const TermCounts& counts, const std::string& term) {
  auto it = counts.find(term);
  return it == counts.end() ? 0 : it->second;
}

// A term of the query with the parts of its weight (own language, translations) and its idf.
struct QueryTerm {
  std::string term;
  TermSet set = kWordSet;
  double own = 0;
  double translated = 0;
  double idf = 0;
};

// What a query's features need, worked out once for all its candidates.
class QueryProfile {
 public:
  explicit QueryProfile(const TextQuery& q) : sequence_(q.sequence) {
    for (const auto& [term, w] : q.terms) {
      QueryTerm t{term, SetOf(term)};
      auto own = q.own.find(term);
      t.own = own == q.own.end() ? 0 : std::min(own->second, w);
      t.translated = w - t.own;
      auto idf = q.idf.find(term);
      t.idf = idf == q.idf.end() ? 0 : idf->second;
      if (t.own > 0) {
        ++own_terms_;
        own_weight_ += t.own * t.idf;
      }
      terms_.push_back(std::move(t));
    }
    std::unordered_set<std::string> probes;
    for (const QueryTerm& t : terms_) probes.insert(t.term);
    for (const std::string& w : sequence_) probes.insert(w);
    for (size_t i = 0; i + 1 < sequence_.size(); ++i) {
      const std::string bridge = Bridge(sequence_[i], sequence_[i + 1]);
      bridges_.push_back(bridge);
      if (!bridge.empty()) probes.insert(bridge);
    }
    probes_.assign(probes.begin(), probes.end());
    std::sort(probes_.begin(), probes_.end());
    words_.insert(sequence_.begin(), sequence_.end());
  }

  const std::vector<QueryTerm>& terms() const { return terms_; }
  const std::vector<std::string>& probes() const { return probes_; }
  const std::vector<std::string>& sequence() const { return sequence_; }
  // bridges()[i]: the bigram across sequence()[i] and [i + 1] when both are CJK words, else "".
  const std::vector<std::string>& bridges() const { return bridges_; }
  bool IsQueryWord(const std::string& term) const { return words_.count(term) != 0; }
  size_t own_terms() const { return own_terms_; }
  double own_weight() const { return own_weight_; }

 private:
  static std::string Bridge(std::string_view a, std::string_view b) {
    if (!HasPrefix(a, kWordPrefix) || !HasPrefix(b, kWordPrefix)) return "";
    const auto left = CjkChars(a.substr(kWordPrefix.size()));
    const auto right = CjkChars(b.substr(kWordPrefix.size()));
    if (left.empty() || right.empty()) return "";
    std::string bigram(kBigramPrefix);
    bigram.append(left.back()).append(right.front());
    return bigram;
  }

  std::vector<QueryTerm> terms_;
  std::vector<std::string> sequence_;
  std::vector<std::string> bridges_;
  std::vector<std::string> probes_;
  std::unordered_set<std::string> words_;
  size_t own_terms_ = 0;
  double own_weight_ = 0;
};

// The within-document frequency of each probe the document has.
std::unordered_map<std::string, Xapian::termcount> FindProbes(
    const Xapian::Database& db, Xapian::docid docid, const std::vector<std::string>& probes) {
  std::unordered_map<std::string, Xapian::termcount> found;
  Xapian::TermIterator it = db.termlist_begin(docid);
  const Xapian::TermIterator end = db.termlist_end(docid);
  for (const std::string& probe : probes) {
    it.skip_to(probe);
    if (it == end) break;
    if (*it == probe) found.emplace(probe, it.get_wdf());
  }
  return found;
}

// The longest run of consecutive sequence words the document has (see kLongestRun).
size_t LongestRun(const QueryProfile& p,
                  const std::unordered_map<std::string, Xapian::termcount>& found) {
  size_t best = 0, run = 0;
  for (size_t i = 0; i < p.sequence().size(); ++i) {
    if (found.count(p.sequence()[i]) == 0) {
      run = 0;
      continue;
    }
    const bool joined = run > 0 && (p.bridges()[i - 1].empty() || found.count(p.bridges()[i - 1]));
    run = joined ? run + 1 : 1;
    best = std::max(best, run);
  }
  return best;
}

// A candidate field's text analysed as the features need it: its terms counted as the index
// counts them and their total, and its distinct words as index terms (WordTerm).
struct FieldTerms {
  TermCounts counts;
  int total = 0;
  size_t words = 0;
  std::unordered_set<std::string> word_terms;
};

// Analysed fields by their text. The same listings are candidates of many queries, and
// analysing their title and keywords again (segmentation, normalisation, stemming) cost most of
// the features' time (docs/ranking.md, "Cost"); the analysis is a function of the text alone,
// so a remembered one is the same as a fresh one. At most kMaxEntries texts are kept; when
// full, it starts again empty. Thread-safe.
class FieldMemo {
 public:
  static FieldMemo& Shared() {
    static FieldMemo memo;
    return memo;
  }

  std::shared_ptr<const FieldTerms> Get(const std::string& text) {
    {
      std::lock_guard lock(mu_);
      auto it = entries_.find(text);
      if (it != entries_.end()) return it->second;
    }
    auto analysed = std::make_shared<FieldTerms>();
    text::Terms terms = text::Analyze(text);
    analysed->counts = CountTerms(terms, &analysed->total);
    analysed->words = terms.words.size();
    for (const std::string& w : terms.words) analysed->word_terms.insert(WordTerm(w));
    std::lock_guard lock(mu_);
    if (entries_.size() >= kMaxEntries) entries_.clear();
    entries_.emplace(text, analysed);
    return analysed;
  }

 private:
  static constexpr size_t kMaxEntries = 50000;
  std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const FieldTerms>> entries_;
};

std::string KeywordText(const StoredListing& s) {
  std::string text;
  for (const std::string& k : s.keywords) text.append(k).append("，");
  if (s.kind == ListingKind::kExpert || s.kind == ListingKind::kTalent) {
    for (const std::string& d : s.disciplines) text.append(d).append("，");
  }
  return text;
}

std::vector<float> FeaturesOf(const Xapian::Database& db, const QueryProfile& p,
                              const TextQuery& query, const RankCandidate& c, size_t rank,
                              double best_weight, double avg_length) {
  std::vector<float> f(kRankFeatureCount, 0.0F);
  // An expert's name is not indexed as text (document.cc), so it has no title field.
  FieldMemo& memo = FieldMemo::Shared();
  const auto title_field = memo.Get(c.stored.kind == ListingKind::kExpert ? "" : c.stored.title);
  const auto keyword_field = memo.Get(KeywordText(c.stored));
  const TermCounts& title = title_field->counts;
  const TermCounts& keywords = keyword_field->counts;
  const int title_total = title_field->total, keyword_total = keyword_field->total;
  const double body_length =
      std::max(0.0, static_cast<double>(db.get_doclength(c.docid)) -
                        static_cast<double>(kTitleWdf * title_total + kKeywordWdf * keyword_total));
  const double body_norm = 1 - kB + kB * body_length / std::max(avg_length, 1.0);

  const auto found = FindProbes(db, c.docid, p.probes());
  double matched_own = 0, matched_translated = 0;
  size_t matched_terms[kFieldCount + 1] = {};
  double matched_weight[kFieldCount + 1] = {};
  for (const QueryTerm& t : p.terms()) {
    auto hit = found.find(t.term);
    if (hit == found.end()) continue;
    int tf[kFieldCount];
    tf[kTitle] = CountOf(title, t.term);
    tf[kKeywords] = CountOf(keywords, t.term);
    tf[kBody] =
        std::max(0, static_cast<int>(hit->second) - static_cast<int>(kTitleWdf) * tf[kTitle] -
                        static_cast<int>(kKeywordWdf) * tf[kKeywords]);
    for (size_t field = 0; field < kFieldCount; ++field) {
      if (tf[field] == 0) continue;
      const double norm = field == kBody ? body_norm : 1.0;
      const double saturation = tf[field] * (kK1 + 1) / (tf[field] + kK1 * norm);
      f[t.set * kFieldCount + field] += static_cast<float>(t.own * t.idf * saturation);
      f[kTranslationSet * kFieldCount + field] +=
          static_cast<float>(t.translated * t.idf * saturation);
      if (t.own > 0) {
        ++matched_terms[field];
        matched_weight[field] += t.own * t.idf;
      }
    }
    matched_own += t.own * t.idf;
    matched_translated += t.translated * t.idf;
    if (t.own > 0) {
      ++matched_terms[kFieldCount];
      matched_weight[kFieldCount] += t.own * t.idf;
    }
  }
  for (size_t field = 0; field <= kFieldCount; ++field) {
    if (p.own_terms() > 0) {
      f[kTermsTitle + field] = static_cast<float>(matched_terms[field]) / p.own_terms();
    }
    if (p.own_weight() > 0) {
      f[kWeightTitle + field] = static_cast<float>(matched_weight[field] / p.own_weight());
    }
  }

  const size_t run = LongestRun(p, found);
  f[kLongestRun] = static_cast<float>(run);
  if (!p.sequence().empty()) f[kLongestRunShare] = static_cast<float>(run) / p.sequence().size();

  const std::unordered_set<std::string>& keyword_words = keyword_field->word_terms;
  size_t shared_keywords = 0;
  for (const std::string& w : keyword_words) shared_keywords += p.IsQueryWord(w) ? 1 : 0;
  if (!keyword_words.empty()) {
    f[kKeywordOverlap] = static_cast<float>(shared_keywords) / keyword_words.size();
  }

  f[kTitleLength] = static_cast<float>(title_field->words);
  f[kBodyLength] = static_cast<float>(std::log1p(body_length));
  if (matched_own + matched_translated > 0) {
    f[kTranslationShare] =
        static_cast<float>(matched_translated / (matched_own + matched_translated));
  }
  f[kFirstStageScore] = static_cast<float>(c.weight);
  f[kFirstStageRatio] = best_weight > 0 ? static_cast<float>(c.weight / best_weight) : 0;
  f[kRelevance] = static_cast<float>(Relevance(c.weight, query.reference.weight()));
  f[kFirstStageRank] = static_cast<float>(rank + 1);
  f[kQueryTerms] = static_cast<float>(p.own_terms());
  f[kQueryWords] = static_cast<float>(p.sequence().size());
  return f;
}

}  // namespace

std::vector<std::vector<float>> ComputeRankFeatures(const Xapian::Database& db,
                                                    const TextQuery& query,
                                                    const std::vector<RankCandidate>& candidates) {
  const QueryProfile profile(query);
  double best = 0;
  for (const RankCandidate& c : candidates) best = std::max(best, c.weight);
  const double avg_length = db.get_avlength();
  std::vector<std::vector<float>> rows;
  rows.reserve(candidates.size());
  for (size_t i = 0; i < candidates.size(); ++i) {
    rows.push_back(FeaturesOf(db, profile, query, candidates[i], i, best, avg_length));
  }
  return rows;
}

std::vector<std::pair<std::string_view, float>> NamedRankFeatures(const std::vector<float>& row) {
  std::vector<std::pair<std::string_view, float>> named;
  for (size_t i = 0; i < row.size() && i < kRankFeatureCount; ++i) {
    named.emplace_back(kRankFeatureNames[i], row[i]);
  }
  return named;
}

}  // namespace kc::search
