#include "search/shared_terms.h"

#include <algorithm>
#include <map>

#include "core/utf8.h"
#include "search/schema.h"

namespace kc::search {
namespace {

constexpr size_t kMaxJoinedWords = 4;

// Whether a key term can be named on its own: not a single CJK character, not a number.
bool Nameable(const std::string& term) {
  const text::TokenKind kind = text::KindOf(term);
  if (kind == text::TokenKind::kNumber) return false;
  return kind != text::TokenKind::kCjkWord || Utf8Length(term) > 1;
}

std::string Trimmed(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool Contains(const std::vector<std::string>& named, const std::string& phrase) {
  for (const std::string& n : named) {
    if (n.find(phrase) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::string SharedTerms::IndexTermOf(const std::string& key) {
  return text::KindOf(key) == text::TokenKind::kLatinWord ? Term(kStemPrefix, key)
                                                          : Term(kWordPrefix, key);
}

SharedTerms::SharedTerms(const Listing& source, const ListingTerms& analysed,
                         const std::vector<text::WeightedTerm>& key_terms)
    : key_terms_(key_terms) {
  for (const std::string& written : source.keywords) {
    Phrase p{Trimmed(written), {}};
    const text::Terms t = text::Analyze(p.text);
    if (t.words.empty() || (t.words.size() == 1 && !Nameable(t.words[0]))) continue;
    for (const std::string& w : t.words) p.needs.push_back(IndexTermOf(text::TermKey(w)));
    for (const std::string& b : t.bigrams) p.needs.push_back(Term(kBigramPrefix, b));
    keywords_.push_back(std::move(p));
  }
  std::map<std::string, size_t> by_key;
  for (size_t i = 0; i < key_terms_.size(); ++i) {
    key_index_terms_.push_back(IndexTermOf(key_terms_[i].key));
    by_key.emplace(key_terms_[i].key, i);
  }
  for (const text::Terms* field : {&analysed.title, &analysed.keywords, &analysed.body}) {
    for (size_t i = 0; i + 1 < field->words.size(); ++i) {
      if (field->positions[i + 1] != field->positions[i] + 1) continue;  // a stop word between
      const std::string& a = field->words[i];
      const std::string& b = field->words[i + 1];
      if (text::KindOf(a) != text::TokenKind::kCjkWord ||
          text::KindOf(b) != text::TokenKind::kCjkWord) {
        continue;
      }
      auto fa = by_key.find(text::TermKey(a));
      auto fb = by_key.find(text::TermKey(b));
      if (fa == by_key.end() || fb == by_key.end() || fa->second == fb->second) continue;
      const std::vector<std::string_view> ca = CjkChars(a), cb = CjkChars(b);
      if (ca.empty() || cb.empty()) continue;
      Join j{fa->second, fb->second,
             Term(kBigramPrefix, std::string(ca.back()) + std::string(cb.front()))};
      const bool seen = std::any_of(joins_.begin(), joins_.end(), [&](const Join& o) {
        return o.first == j.first && o.second == j.second;
      });
      if (!seen) joins_.push_back(std::move(j));
    }
  }
  for (const Phrase& p : keywords_) probes_.insert(probes_.end(), p.needs.begin(), p.needs.end());
  probes_.insert(probes_.end(), key_index_terms_.begin(), key_index_terms_.end());
  for (const Join& j : joins_) probes_.push_back(j.bigram);
  std::sort(probes_.begin(), probes_.end());
  probes_.erase(std::unique(probes_.begin(), probes_.end()), probes_.end());
}

std::vector<std::string> SharedTerms::Shared(const std::unordered_set<std::string>& found) const {
  std::vector<std::string> named;
  for (const Phrase& p : keywords_) {
    const bool has = std::all_of(p.needs.begin(), p.needs.end(),
                                 [&](const std::string& t) { return found.count(t) != 0; });
    if (has && !Contains(named, p.text)) named.push_back(p.text);
  }
  // Key terms the candidate has, and the joins it has across them: next[i] follows i.
  const size_t n = key_terms_.size();
  std::vector<bool> has(n);
  for (size_t i = 0; i < n; ++i) has[i] = found.count(key_index_terms_[i]) != 0;
  std::vector<long> next(n, -1);
  std::vector<bool> followed(n, false);
  for (const Join& j : joins_) {
    if (!has[j.first] || !has[j.second] || found.count(j.bigram) == 0) continue;
    if (next[j.first] >= 0 || followed[j.second]) continue;  // one chain through each term
    next[j.first] = static_cast<long>(j.second);
    followed[j.second] = true;
  }
  // Phrases by the weight of their heaviest key term (key_terms_ is heaviest first).
  std::vector<bool> used(n, false);
  for (size_t i = 0; i < n; ++i) {
    if (!has[i] || used[i]) continue;
    // The chain that holds i starts at a term nothing follows.
    size_t start = i;
    for (size_t steps = 0; followed[start] && steps < n; ++steps) {
      for (size_t k = 0; k < n; ++k) {
        if (next[k] == static_cast<long>(start)) {
          start = k;
          break;
        }
      }
    }
    std::string phrase;
    size_t words = 0;
    for (long k = static_cast<long>(start); k >= 0 && !used[k] && words < kMaxJoinedWords;
         k = next[k]) {
      phrase += key_terms_[k].term;
      used[k] = true;
      ++words;
    }
    if (words == 0) {  // start was used by a longer chain's cut
      used[i] = true;
      phrase = key_terms_[i].term;
      words = 1;
    }
    if (words == 1 && !Nameable(phrase)) continue;
    if (!Contains(named, phrase)) named.push_back(phrase);
  }
  return named;
}

}  // namespace kc::search
