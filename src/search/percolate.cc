#include "search/percolate.h"

#include <xapian.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <vector>
#include <string>

#include "search/query.h"
#include "search/schema.h"
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

// The share of the query's words that a listing has in the other language: a word counts
// when a translation of it (or of a phrase it is in) has at least half of its terms' weight
// matched. Prepared once per query, then asked of each listing.
class TranslatedShare {
 public:
  TranslatedShare(const std::string& q, const TextQuery& text, const QueryOptions& o) {
    const text::Terms query = text::Analyze(q);
    words_.insert(query.words.begin(), query.words.end());
    for (const Translation& tr : text.translations) {
      Source source;
      for (const std::string& w : text::Analyze(tr.source).words) source.words.insert(w);
      for (const std::string& target : tr.targets) {
        TermWeights target_terms;
        AddTextTerms(text::Analyze(target), 1.0, o, &target_terms);
        TermWeights in_query;  // the target's terms that the query kept
        for (const auto& [term, w] : target_terms) {
          if (text.terms.count(term) != 0) in_query.emplace(term, w);
        }
        if (!in_query.empty()) source.targets.push_back(std::move(in_query));
      }
      if (!source.targets.empty()) sources_.push_back(std::move(source));
    }
  }

  double Of(const std::set<std::string>& matched) const {
    if (words_.empty()) return 0;
    std::set<std::string> covered;
    for (const Source& source : sources_) {
      for (const TermWeights& target : source.targets) {
        if (WeightShare(target, matched) >= 0.5) {
          covered.insert(source.words.begin(), source.words.end());
          break;
        }
      }
    }
    size_t n = 0;
    for (const std::string& w : words_) n += covered.count(w);
    return static_cast<double>(n) / static_cast<double>(words_.size());
  }

 private:
  struct Source {
    std::set<std::string> words;       // the words translated
    std::vector<TermWeights> targets;  // each translation's terms that the query kept
  };
  std::set<std::string> words_;
  std::vector<Source> sources_;
};
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
    // The query's terms each listing holds, read from the batch's posting lists: the terms
    // Xapian would report as matching (a members-only form counts as its term), without
    // walking every hit's term list.
    std::map<Xapian::docid, std::set<std::string>> matched;
    for (const auto& [term, weight] : text.terms) {
      const bool both = text.in_members_text.count(term) != 0;
      for (const std::string& form : {term, both ? MembersTerm(term) : std::string()}) {
        if (form.empty()) continue;
        for (auto p = batch_.postlist_begin(form); p != batch_.postlist_end(form); ++p) {
          matched[*p].insert(term);
        }
      }
    }
    if (matched.empty()) return out;
    // The listings that pass the request's filters, when it has any.
    std::optional<std::set<Xapian::docid>> allowed;
    const Filters filters{request.kind, request.category, request.discipline, request.region};
    if (std::optional<Xapian::Query> filter = FilterQuery(filters)) {
      Xapian::Enquire enquire(batch_);
      enquire.set_query(*filter);
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      allowed.emplace();
      for (Xapian::docid id : enquire.get_mset(0, static_cast<Xapian::doccount>(size_))) {
        allowed->insert(id);
      }
    }
    // The query in its own language: the share of its terms' weight (translations aside,
    // which would only dilute it) ...
    std::optional<TextQuery> own;
    if (translator != nullptr) own = BuildTextQuery(request.q, db, nullptr, options);
    std::optional<TranslatedShare> translated;
    if (!text.translations.empty()) translated.emplace(request.q, text, options);
    for (const auto& [id, terms] : matched) {
      if (allowed && allowed->count(id) == 0) continue;
      // ... or across languages: the share of its words that the listing has translated.
      if (WeightShare(own ? own->terms : text.terms, terms) >= min_share ||
          (translated && translated->Of(terms) >= min_share)) {
        out.push_back(static_cast<int64_t>(id));
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
