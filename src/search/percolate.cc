#include "search/percolate.h"

#include <xapian.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "search/query.h"
#include "text/analyzer.h"

namespace kc::search {

namespace {
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

PercolationBatch::PercolationBatch(SearchIndex::Reader index, Xapian::WritableDatabase batch,
                                   size_t size)
    : index_(std::move(index)), batch_(std::move(batch)), size_(size) {}

PercolationBatch::~PercolationBatch() = default;

Result<std::unique_ptr<PercolationBatch>> PercolationBatch::Create(
    const SearchIndex& index, const std::vector<int64_t>& ids) {
  try {
    auto reader = index.AcquireReader();
    if (!reader.ok()) return reader.status();
    const Xapian::Database& db = **reader;
    Xapian::WritableDatabase batch(std::string(), Xapian::DB_BACKEND_INMEMORY);
    size_t size = 0;
    for (int64_t id : std::set<int64_t>(ids.begin(), ids.end())) {
      if (id <= 0 || id > 0xFFFFFFFFLL) continue;
      const auto docid = static_cast<Xapian::docid>(id);
      try {
        batch.replace_document(docid, db.get_document(docid));
        ++size;
      } catch (const Xapian::DocNotFoundError&) {
        // Not indexed (removed meanwhile): it answers nothing.
      }
    }
    return std::unique_ptr<PercolationBatch>(
        new PercolationBatch(std::move(*reader), std::move(batch), size));
  } catch (const Xapian::Error& e) {
    return Internal(std::string("percolate: ") + e.get_type() + ": " + e.get_msg());
  }
}

Result<std::vector<int64_t>> PercolationBatch::Matches(const Translator* translator,
                                                       const SearchRequest& request,
                                                       double min_share) {
  std::vector<int64_t> out;
  if (size_ == 0) return out;
  try {
    const Xapian::Database& db = *index_;
    QueryOptions options;
    options.members_text = request.member;
    // Weights and dropped terms come from the whole index, as in a search.
    const TextQuery text = BuildTextQuery(request.q, db, translator, options);
    if (text.empty()) return out;
    Filters filters{request.kind, request.category, request.discipline, request.region};
    Xapian::Enquire enquire(batch_);
    enquire.set_query(ApplyFilters(text.ToXapian(), filters));
    Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(size_));
    if (mset.empty()) return out;
    // The query in its own language: the share of its terms' weight (translations aside,
    // which would only dilute it) ...
    std::optional<TextQuery> own;
    if (translator != nullptr) own = BuildTextQuery(request.q, db, nullptr, options);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      std::set<std::string> matched;  // a synonym's members-only form counts as its term
      for (auto t = enquire.get_matching_terms_begin(it); t != enquire.get_matching_terms_end(it);
           ++t) {
        matched.insert(std::string(PublicFormOf(*t)));
      }
      // ... or across languages: the share of its words that the listing has translated.
      if (WeightShare(own ? own->terms : text.terms, matched) >= min_share ||
          (!text.translations.empty() &&
           TranslatedShare(request.q, text, options, matched) >= min_share)) {
        out.push_back(static_cast<int64_t>(*it));
      }
    }
  } catch (const Xapian::Error& e) {
    return Internal(std::string("percolate: ") + e.get_type() + ": " + e.get_msg());
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<bool> ListingMatches(const SearchIndex& index, const Translator* translator,
                            const SearchRequest& request, int64_t id, double min_share) {
  auto batch = PercolationBatch::Create(index, {id});
  if (!batch.ok()) return batch.status();
  auto ids = (*batch)->Matches(translator, request, min_share);
  if (!ids.ok()) return ids.status();
  return !ids->empty();
}

}  // namespace kc::search
