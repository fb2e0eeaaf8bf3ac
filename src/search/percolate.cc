#include "search/percolate.h"

#include <xapian.h>

#include <set>
#include <string>

#include "search/query.h"
#include "text/analyzer.h"

namespace kc::search {

namespace {
// Accepts one document only.
class OnlyDocument : public Xapian::MatchDecider {
 public:
  explicit OnlyDocument(Xapian::docid id) : id_(id) {}
  bool operator()(const Xapian::Document& doc) const override { return doc.get_docid() == id_; }

 private:
  Xapian::docid id_;
};

// The share of the terms' weight that the matched terms hold.
double WeightShare(const TermWeights& terms, const std::set<std::string>& matched) {
  double total = 0, found = 0;
  for (const auto& [term, weight] : terms) {
    total += weight;
    if (matched.count(term) != 0) found += weight;
  }
  return total > 0 ? found / total : 0;
}

// The share of the query's words that the listing has in the other language: a word counts
// when a translation of it (or of a phrase it is in) has at least half of its terms' weight
// matched.
double TranslatedShare(const std::string& q, const TextQuery& text, const QueryOptions& o,
                       const std::set<std::string>& matched) {
  const text::Terms query = text::Analyze(q);
  const std::set<std::string> words(query.words.begin(), query.words.end());
  if (words.empty()) return 0;
  std::set<std::string> covered;
  for (const Translation& tr : text.translations) {
    bool found = false;
    for (const std::string& target : tr.targets) {
      TermWeights target_terms;
      AddTextTerms(text::Analyze(target), 1.0, o, &target_terms);
      TermWeights in_query;  // the target's terms that the query kept
      for (const auto& [term, w] : target_terms) {
        if (text.terms.count(term) != 0) in_query.emplace(term, w);
      }
      if (!in_query.empty() && WeightShare(in_query, matched) >= 0.5) found = true;
    }
    if (!found) continue;
    for (const std::string& w : text::Analyze(tr.source).words) covered.insert(w);
  }
  size_t n = 0;
  for (const std::string& w : words) n += covered.count(w);
  return static_cast<double>(n) / static_cast<double>(words.size());
}
}  // namespace

Result<bool> ListingMatches(const SearchIndex& index, const Translator* translator,
                            const SearchRequest& request, int64_t id, double min_share) {
  if (id <= 0 || id > 0xFFFFFFFFLL) return false;
  try {
    auto reader = index.AcquireReader();
    if (!reader.ok()) return reader.status();
    Xapian::Database& db = **reader;
    QueryOptions options;
    options.members_text = request.member;
    const TextQuery text = BuildTextQuery(request.q, db, translator, options);
    if (text.empty()) return false;
    Filters filters{request.kind, request.category, request.discipline, request.region};
    Xapian::Enquire enquire(db);
    enquire.set_query(ApplyFilters(text.ToXapian(), filters));
    OnlyDocument only(static_cast<Xapian::docid>(id));
    Xapian::MSet mset = enquire.get_mset(0, 1, nullptr, &only);
    if (mset.empty()) return false;
    std::set<std::string> matched;  // a synonym's members-only form counts as its term
    for (auto t = enquire.get_matching_terms_begin(static_cast<Xapian::docid>(id));
         t != enquire.get_matching_terms_end(static_cast<Xapian::docid>(id)); ++t) {
      matched.insert(std::string(PublicFormOf(*t)));
    }
    // In the query's own language: the share of its terms' weight (translations aside, which
    // would only dilute it) ...
    const TextQuery own =
        translator != nullptr ? BuildTextQuery(request.q, db, nullptr, options) : text;
    if (WeightShare(own.terms, matched) >= min_share) return true;
    // ... or across languages: the share of its words that the listing has translated.
    return !text.translations.empty() &&
           TranslatedShare(request.q, text, options, matched) >= min_share;
  } catch (const Xapian::Error& e) {
    return Internal(std::string("percolate: ") + e.get_type() + ": " + e.get_msg());
  }
}

}  // namespace kc::search
