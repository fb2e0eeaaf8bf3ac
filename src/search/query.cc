#include "search/query.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/utf8.h"
#include "search/aliases.h"
#include "search/relevance.h"
#include "search/schema.h"
#include "text/char_class.h"
#include "text/normalize.h"

namespace kc::search {
namespace {

std::vector<std::string_view> SplitOnSpace(std::string_view q) {
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i < q.size()) {
    while (i < q.size() && (q[i] == ' ' || q[i] == '\t' || q[i] == '\n' || q[i] == '\r')) ++i;
    size_t j = i;
    while (j < q.size() && q[j] != ' ' && q[j] != '\t' && q[j] != '\n' && q[j] != '\r') ++j;
    if (j > i) parts.push_back(q.substr(i, j - i));
    i = j;
  }
  return parts;
}

bool IsCjkWord(std::string_view w) {
  size_t pos = 0;
  return !w.empty() && text::IsCjkChar(DecodeUtf8(w, &pos));
}

void Add(TermWeights* out, std::string_view prefix, std::string_view value, double w) {
  if (value.empty() || value.size() > kMaxTermBytes || w <= 0) return;
  (*out)[Term(prefix, value)] += w;
}

// The terms of the corpus-mined variants of a query part (as a whole) and of its words.
void AddAliases(const Xapian::Database& db, std::string_view part, const text::Terms& t,
                double scale, const QueryOptions& o, TermWeights* out) {
  std::vector<std::string> names;
  std::string whole = text::Normalize(part);
  whole.erase(std::remove(whole.begin(), whole.end(), ' '), whole.end());
  names.push_back(whole);
  for (const std::string& w : t.words) {
    if (w != whole && text::KindOf(w) != text::TokenKind::kNumber) names.push_back(w);
  }
  for (const std::string& name : names) {
    for (const std::string& alias : LookupAliases(db, name, o.max_aliases)) {
      TermWeights alias_terms;
      AddTextTerms(text::Analyze(alias), 1.0, o, &alias_terms);
      if (alias_terms.empty()) continue;
      const double per =
          o.alias_weight * scale / std::sqrt(static_cast<double>(alias_terms.size()));
      for (const auto& [term, w] : alias_terms) (*out)[term] += w * per;
    }
  }
}

// Term frequencies remembered for one revision of one database. Every search looks up each term
// of its query, the same terms come back in many queries, and each lookup walks the postings
// table's B-tree (bench/http/README.md, "Search through HTTP"). One memo per thread (the search
// pool's threads), started again when the database or its revision changes, or when it is full.
// A database without a UUID (in memory) is not remembered.
class TermFreqMemo {
 public:
  static TermFreqMemo& ForThisThread() {
    thread_local TermFreqMemo memo;
    return memo;
  }

  // Prepares for lookups in db; false when db's frequencies cannot be remembered.
  bool Use(const Xapian::Database& db) {
    std::string uuid = db.get_uuid();
    if (uuid.empty()) return false;
    const Xapian::rev revision = db.get_revision();
    if (uuid != uuid_ || revision != revision_ || freqs_.size() >= kMaxTerms) {
      freqs_.clear();
      uuid_ = std::move(uuid);
      revision_ = revision;
    }
    return true;
  }

  // db's frequency of term; Use(db) must have returned true.
  Xapian::doccount Get(const Xapian::Database& db, const std::string& term) {
    auto [it, added] = freqs_.try_emplace(term, 0);
    if (added) it->second = db.get_termfreq(term);
    return it->second;
  }

 private:
  static constexpr size_t kMaxTerms = 200000;
  std::string uuid_;
  Xapian::rev revision_ = 0;
  std::unordered_map<std::string, Xapian::doccount> freqs_;
};

// The term frequencies of one database, through this thread's memo when it can remember them.
class TermFreqs {
 public:
  explicit TermFreqs(const Xapian::Database& db)
      : db_(db), memo_(TermFreqMemo::ForThisThread()), remembered_(memo_.Use(db)) {}

  Xapian::doccount operator()(const std::string& term) {
    return remembered_ ? memo_.Get(db_, term) : db_.get_termfreq(term);
  }

 private:
  const Xapian::Database& db_;
  TermFreqMemo& memo_;
  const bool remembered_;
};

}  // namespace

void AddTextTerms(const text::Terms& terms, double scale, const QueryOptions& o, TermWeights* out) {
  for (const std::string& w : terms.words) {
    if (text::KindOf(w) == text::TokenKind::kLatinWord) {
      Add(out, kStemPrefix, text::StemEnglish(w), scale * o.word_weight);
    } else {
      Add(out, kWordPrefix, w, scale * o.word_weight);
      if (o.char_weight > 0) {
        for (std::string_view c : CjkChars(w)) Add(out, kCharPrefix, c, scale * o.char_weight);
      }
    }
  }
  for (const std::string& b : terms.bigrams) {
    Add(out, kBigramPrefix, b, scale * o.bigram_weight);
  }
}

TermWeights Heaviest(const TermWeights& terms, size_t n) {
  if (n == 0 || terms.size() <= n) return terms;
  std::vector<std::pair<std::string, double>> v(terms.begin(), terms.end());
  std::stable_sort(v.begin(), v.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  v.resize(n);
  return TermWeights(v.begin(), v.end());
}

void DropFrequentTerms(const Xapian::Database& db, const QueryOptions& o, TermWeights* terms,
                       std::map<std::string, double>* idf, const TermWeights* own) {
  const Xapian::doccount n = db.get_doccount();
  const bool drop = n >= o.min_docs_for_share;
  if (!drop && idf == nullptr) return;
  const double limit = o.max_term_share * n;
  // A share with a floor: never above the general limit, never below `floor` documents.
  auto limit_of = [&](double share, size_t floor) {
    return std::min(limit, std::max(share * n, static_cast<double>(floor)));
  };
  const double char_limit = limit_of(o.max_char_share, o.char_docs_floor);
  const double bigram_limit = limit_of(o.max_bigram_share, o.bigram_docs_floor);
  TermWeights kept;
  std::map<std::string, double> kept_idf, all_idf;
  TermFreqs freq_of(db);
  for (const auto& [term, w] : *terms) {
    const bool is_char = term.compare(0, kCharPrefix.size(), kCharPrefix) == 0;
    const bool own_bigram = term.compare(0, kBigramPrefix.size(), kBigramPrefix) == 0 &&
                            (own == nullptr || own->count(term) != 0);
    const double term_limit = is_char ? char_limit : own_bigram ? bigram_limit : limit;
    // A term no document has is not worth keeping: were only such terms left, the query would
    // find nothing where its common words find something.
    const Xapian::doccount freq = freq_of(term) + (o.members_text ? freq_of(MembersTerm(term)) : 0);
    const double term_idf = Bm25Idf(n, std::min(freq, n));
    if (idf != nullptr) all_idf.emplace(term, term_idf);
    if (!drop || (freq > 0 && freq <= term_limit)) {
      kept.emplace(term, w);
      if (idf != nullptr) kept_idf.emplace(term, term_idf);
    }
  }
  if (idf != nullptr) *idf = kept.empty() ? std::move(all_idf) : std::move(kept_idf);
  if (!kept.empty()) terms->swap(kept);
}

namespace {

bool IsLatin(std::string_view word) { return text::KindOf(word) == text::TokenKind::kLatinWord; }

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Collects the Latin words that may be joined to the next part's first (QueryOptions::
// joined_latin_weight): adjacent Latin words with nothing but a space between them, as in
// "WPS Office", which a Chinese text may write WPSOffice.
class LatinJoiner {
 public:
  // One whitespace-free part of the query and its analysis.
  void AddPart(std::string_view part, const text::Terms& t) {
    if (t.words.empty()) {
      last_.clear();
      return;
    }
    if (!last_.empty() && IsAsciiAlnum(part.front()) && t.positions[0] == 0 &&
        IsLatin(t.words[0])) {
      joined_.push_back(last_ + t.words[0]);
    }
    for (size_t i = 0; i + 1 < t.words.size(); ++i) {
      if (t.positions[i + 1] == t.positions[i] + 1 && IsLatin(t.words[i]) &&
          IsLatin(t.words[i + 1])) {
        joined_.push_back(t.words[i] + t.words[i + 1]);
      }
    }
    const bool ends_in_word = IsAsciiAlnum(part.back()) && IsLatin(t.words.back());
    last_ = ends_in_word ? t.words.back() : std::string();
  }

  // The joined words' stem terms at weight w.
  void AddTerms(double w, TermWeights* out) const {
    if (w <= 0) return;
    for (const std::string& j : joined_) search::Add(out, kStemPrefix, text::StemEnglish(j), w);
  }

 private:
  std::string last_;
  std::vector<std::string> joined_;
};

}  // namespace

TextQuery BuildTextQuery(std::string_view q, const Xapian::Database& db,
                         const Translator* translator, const QueryOptions& o) {
  TextQuery out;
  text::Terms all;
  LatinJoiner joiner;
  for (std::string_view part : SplitOnSpace(q)) {
    text::Terms t = text::Analyze(part);
    joiner.AddPart(part, t);
    TermWeights part_terms;
    AddTextTerms(t, 1.0, o, &part_terms);
    if (part_terms.empty()) continue;
    const double scale = o.keyword_terms > 0
                             ? std::sqrt(o.keyword_terms / static_cast<double>(part_terms.size()))
                             : 1.0;
    for (const auto& [term, w] : part_terms) out.terms[term] += w * scale;
    if (o.alias_weight > 0) AddAliases(db, part, t, scale, o, &out.terms);
    const uint32_t base = all.positions.empty() ? 0 : all.positions.back() + 2;
    for (size_t i = 0; i < t.words.size(); ++i) {
      all.words.push_back(t.words[i]);
      all.positions.push_back(base + t.positions[i]);
    }
    all.bigrams.insert(all.bigrams.end(), t.bigrams.begin(), t.bigrams.end());
    all.english_stems.insert(all.english_stems.end(), t.english_stems.begin(),
                             t.english_stems.end());
  }
  joiner.AddTerms(o.joined_latin_weight, &out.terms);
  for (const std::string& w : all.words) {
    out.highlight.words.push_back(w);
    if (w.size() > kMaxTermBytes) continue;
    out.sequence.push_back(text::KindOf(w) == text::TokenKind::kLatinWord
                               ? Term(kStemPrefix, text::StemEnglish(w))
                               : Term(kWordPrefix, w));
  }
  for (const std::string& b : all.bigrams) out.highlight.words.push_back(b);
  for (const std::string& s : all.english_stems) out.highlight.stems.insert(s);

  const TermWeights own = out.terms;
  std::vector<Alternatives> alternatives;
  if (translator != nullptr && o.translation_weight > 0 && !all.words.empty()) {
    out.translations = translator->Translate(all, o.max_translations);
    TermWeights translated;
    for (const Translation& tr : out.translations) {
      // A phrase's translations share the weight of one term of the source.
      const double w = o.translation_weight / static_cast<double>(tr.targets.size());
      Alternatives& phrase = alternatives.emplace_back();
      for (const std::string& target : tr.targets) {
        const text::Terms t = text::Analyze(target);
        TermWeights target_terms;
        AddTextTerms(t, 1.0, o, &target_terms);
        if (target_terms.empty()) continue;
        // A translation is one term of meaning however many words or bigrams it has.
        const double per = w / std::sqrt(static_cast<double>(target_terms.size()));
        TermWeights& alternative = phrase.emplace_back();
        for (const auto& [term, tw] : target_terms) {
          translated[term] += tw * per;
          alternative[term] += tw * per;
        }
        for (const std::string& word : t.words) {
          if (IsCjkWord(word) || text::KindOf(word) == text::TokenKind::kLatinWord) {
            out.highlight.words.push_back(word);
          }
        }
        for (const std::string& s : t.english_stems) out.highlight.stems.insert(s);
      }
    }
    for (const auto& [term, w] : Heaviest(translated, o.max_translated_terms)) {
      out.terms[term] += w;
    }
  }
  DropFrequentTerms(db, o, &out.terms, &out.idf);
  out.reference = ReferenceOf(own, alternatives, out.idf);
  out.foreign = WeighForeignQuery(db, o, own, TranslatedTerms(out.translations, o), alternatives,
                                  out.idf, &out.terms, &out.reference);
  out.own = own;
  out.in_members_text = InMembersText(db, o, out.terms);
  out.max_terms = o.max_terms;
  return out;
}

bool IsNumberTerm(const std::string& term) {
  return term.compare(0, kWordPrefix.size(), kWordPrefix) == 0 &&
         text::KindOf(std::string_view(term).substr(kWordPrefix.size())) ==
             text::TokenKind::kNumber;
}

Xapian::BM25Weight Bm25Weighting(double k1, double b) {
  return Xapian::BM25Weight(k1, 0, 1, b, 0.5);
}

std::set<std::string> TranslatedTerms(const std::vector<Translation>& translations,
                                      const QueryOptions& o) {
  std::set<std::string> out;
  for (const Translation& tr : translations) {
    TermWeights terms;
    AddTextTerms(text::Analyze(tr.source), 1.0, o, &terms);
    for (const auto& [term, w] : terms) out.insert(term);
  }
  return out;
}

bool WeighForeignQuery(const Xapian::Database& db, const QueryOptions& o, const TermWeights& own,
                       const std::set<std::string>& translated,
                       const std::vector<Alternatives>& translations,
                       const std::map<std::string, double>& idf, TermWeights* terms,
                       Reference* reference) {
  if ((o.foreign_own_weight == 1.0 && o.foreign_untranslated_weight == 1.0) ||
      translations.empty()) {
    return false;
  }
  TermFreqs freq_of(db);
  double total = 0, found = 0;
  for (const auto& [term, w] : own) {
    if (IsNumberTerm(term)) continue;
    total += w;
    if (freq_of(term) > 0 || (o.members_text && freq_of(MembersTerm(term)) > 0)) found += w;
  }
  if (total == 0 || found >= o.foreign_found_share * total) return false;
  TermWeights scaled;
  for (const auto& [term, w] : own) {
    if (IsNumberTerm(term)) {
      scaled[term] = w;
      continue;
    }
    const double weight =
        translated.count(term) ? o.foreign_own_weight : o.foreign_untranslated_weight;
    scaled[term] = w * weight;
    auto it = terms->find(term);
    if (it != terms->end()) it->second -= w * (1 - weight);
  }
  *reference = ReferenceOf(scaled, translations, idf);
  return true;
}

std::set<std::string> InMembersText(const Xapian::Database& db, const QueryOptions& o,
                                    const TermWeights& terms) {
  std::set<std::string> out;
  if (!o.members_text) return out;
  for (const auto& [term, w] : terms) {
    if (db.term_exists(MembersTerm(term))) out.insert(term);
  }
  return out;
}

std::string_view PublicFormOf(std::string_view term) {
  if (term.substr(0, kMembersPrefix.size()) == kMembersPrefix) {
    term.remove_prefix(kMembersPrefix.size());
  }
  return term;
}

namespace {

// The terms the OR holds, in term order: every term that only translations brought, and of the
// query's own terms all, or the `n` of most weight × idf (ties: the smaller term). Translations
// are not cut: a query answered through them (an English query over Chinese listings) needs
// them all (bench/eval/README.md, "Long queries").
std::vector<std::pair<std::string_view, double>> RetrievalTerms(
    const TermWeights& terms, const TermWeights& own, const std::map<std::string, double>& idf,
    size_t n) {
  std::vector<std::pair<std::string_view, double>> all(terms.begin(), terms.end());
  if (n == 0 || all.size() <= n) return all;
  std::vector<std::pair<double, size_t>> by_value;  // own terms: (weight × idf, position in all)
  for (size_t i = 0; i < all.size(); ++i) {
    const std::string term(all[i].first);
    if (own.count(term) == 0) continue;
    auto it = idf.find(term);
    by_value.emplace_back(all[i].second * (it == idf.end() ? 0 : it->second), i);
  }
  if (by_value.size() <= n) return all;
  std::stable_sort(by_value.begin(), by_value.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<bool> cut(all.size(), false);
  for (size_t k = n; k < by_value.size(); ++k) cut[by_value[k].second] = true;
  std::vector<std::pair<std::string_view, double>> kept;
  kept.reserve(all.size() - (by_value.size() - n));
  for (size_t i = 0; i < all.size(); ++i) {
    if (!cut[i]) kept.push_back(all[i]);
  }
  return kept;
}

}  // namespace

Xapian::Query TextQuery::ToXapian() const {
  if (terms.empty()) return Xapian::Query();
  std::vector<Xapian::Query> parts;
  parts.reserve(std::min(terms.size(), max_terms == 0 ? terms.size() : max_terms));
  for (const auto& [term_view, w] : RetrievalTerms(terms, own, idf, max_terms)) {
    const std::string term(term_view);
    if (in_members_text.count(term) != 0) {
      // One term for the weighting, whichever part of the listing it is in.
      const Xapian::Query both[] = {Xapian::Query(term), Xapian::Query(MembersTerm(term))};
      parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                         Xapian::Query(Xapian::Query::OP_SYNONYM, std::begin(both), std::end(both)),
                         w);
    } else {
      parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(term), w);
    }
  }
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

std::optional<Xapian::Query> FilterQuery(const Filters& f) {
  std::vector<Xapian::Query> parts;
  if (f.kind) parts.emplace_back(Term(kKindPrefix, KindName(*f.kind)));
  if (!f.category.empty()) parts.emplace_back(Term(kCategoryPrefix, f.category));
  if (!f.discipline.empty()) parts.emplace_back(Term(kDisciplinePrefix, f.discipline));
  if (!f.region.empty()) {
    // A province or city may be given by its prefix: 44 or 4403.
    std::string code = f.region;
    if (code.size() == 2 || code.size() == 4) code.append(6 - code.size(), '0');
    parts.emplace_back(Term(kRegionPrefix, code));
  }
  if (parts.empty()) return std::nullopt;
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query ApplyFilters(const Xapian::Query& query, const Filters& filters) {
  std::optional<Xapian::Query> f = FilterQuery(filters);
  if (!f) return query;
  return Xapian::Query(Xapian::Query::OP_FILTER, query, *f);
}

}  // namespace kc::search
