#include "search/percolate.h"

#include <xapian.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "search/query.h"
#include "search/schema.h"
#include "text/analyzer.h"

namespace kc::search {

namespace {

// The terms of a query numbered 0..n-1 (TermWeights is ordered, so the numbering is the
// order of text.terms), so that what a listing matched is a row of flags, not a set of strings.
class TermIds {
 public:
  explicit TermIds(const TermWeights& terms) {
    for (const auto& [term, w] : terms) ids_.emplace(term, ids_.size());
  }
  // The term's number, or -1 when the query does not have it.
  int Of(const std::string& term) const {
    auto it = ids_.find(term);
    return it == ids_.end() ? -1 : static_cast<int>(it->second);
  }
  size_t size() const { return ids_.size(); }

 private:
  std::map<std::string, size_t> ids_;
};

// Weights by term number: the share of their weight that the matched terms hold.
struct WeightedIds {
  std::vector<std::pair<size_t, double>> terms;
  double total = 0;

  WeightedIds(const TermWeights& weights, const TermIds& ids) {
    for (const auto& [term, w] : weights) {
      const int id = ids.Of(term);
      total += w;
      if (id >= 0) terms.emplace_back(static_cast<size_t>(id), w);
    }
  }
  double ShareOf(const std::vector<char>& matched) const {
    double found = 0;
    for (const auto& [id, w] : terms) found += matched[id] ? w : 0;
    return total > 0 ? found / total : 0;
  }
};

// The share of the query's words that a listing has in the other language: a word counts
// when a translation of it (or of a phrase it is in) has at least half of its terms' weight
// matched. Prepared once per query, then asked of each listing.
class TranslatedShare {
 public:
  TranslatedShare(const std::string& q, const TextQuery& text, const TermIds& ids,
                  const QueryOptions& o) {
    std::map<std::string, size_t> words;  // the query's words, numbered
    for (const std::string& w : text::Analyze(q).words) words.emplace(w, words.size());
    word_count_ = words.size();
    for (const Translation& tr : text.translations) {
      Source source;
      for (const std::string& w : text::Analyze(tr.source).words) {
        auto it = words.find(w);
        if (it != words.end()) source.words.push_back(it->second);
      }
      for (const std::string& target : tr.targets) {
        TermWeights target_terms;
        AddTextTerms(text::Analyze(target), 1.0, o, &target_terms);
        TermWeights in_query;  // the target's terms that the query kept
        for (const auto& [term, w] : target_terms) {
          if (text.terms.count(term) != 0) in_query.emplace(term, w);
        }
        if (!in_query.empty()) source.targets.emplace_back(in_query, ids);
      }
      if (!source.targets.empty() && !source.words.empty()) sources_.push_back(std::move(source));
    }
  }

  double Of(const std::vector<char>& matched) const {
    if (word_count_ == 0) return 0;
    std::vector<char> covered(word_count_, 0);
    for (const Source& source : sources_) {
      for (const WeightedIds& target : source.targets) {
        if (target.ShareOf(matched) >= 0.5) {
          for (size_t w : source.words) covered[w] = 1;
          break;
        }
      }
    }
    const auto n = static_cast<double>(std::count(covered.begin(), covered.end(), 1));
    return n / static_cast<double>(word_count_);
  }

 private:
  struct Source {
    std::vector<size_t> words;         // the query's words translated, by number
    std::vector<WeightedIds> targets;  // each translation's terms that the query kept
  };
  size_t word_count_ = 0;
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

uint64_t PercolationBatch::index_size() const { return index_->get_doccount(); }

struct PreparedPercolation::Parts {
  uint64_t doc_count = 0;
  // The query's terms (with translations when there is a translator), numbered by TermIds,
  // each with the index terms that stand for it: itself, and its members-only form.
  size_t term_count = 0;
  std::vector<std::pair<std::string, size_t>> postings;
  // The query's own terms (translations aside, which would only dilute the share).
  std::optional<WeightedIds> own;
  std::optional<TranslatedShare> translated;
  Filters filters;  // the request's (a Xapian::Query is not shared: its count is not atomic)
};

PreparedPercolation::PreparedPercolation(std::shared_ptr<const Parts> parts)
    : parts_(std::move(parts)) {}
PreparedPercolation::PreparedPercolation(const PreparedPercolation&) = default;
PreparedPercolation& PreparedPercolation::operator=(const PreparedPercolation&) = default;
PreparedPercolation::~PreparedPercolation() = default;

uint64_t PreparedPercolation::doc_count() const { return parts_->doc_count; }

PreparedPercolation PreparedPercolation::PrepareOn(const Xapian::Database& db,
                                                   const Translator* translator,
                                                   const SearchRequest& request) {
  auto parts = std::make_shared<Parts>();
  parts->doc_count = db.get_doccount();
  QueryOptions options;
  options.members_text = request.member;
  // Weights and dropped terms come from the whole index, as in a search.
  const TextQuery text = BuildTextQuery(request.q, db, translator, options);
  const TermIds ids(text.terms);
  parts->term_count = ids.size();
  for (const auto& [term, w] : text.terms) {
    const auto id = static_cast<size_t>(ids.Of(term));
    parts->postings.emplace_back(term, id);
    if (text.in_members_text.count(term) != 0) parts->postings.emplace_back(MembersTerm(term), id);
  }
  parts->own.emplace(
      translator != nullptr ? BuildTextQuery(request.q, db, nullptr, options).terms : text.terms,
      ids);
  if (!text.translations.empty()) parts->translated.emplace(request.q, text, ids, options);
  parts->filters = Filters{request.kind, request.category, request.discipline, request.region};
  return PreparedPercolation(std::move(parts));
}

Result<PreparedPercolation> PreparedPercolation::Prepare(const SearchIndex& index,
                                                         const Translator* translator,
                                                         const SearchRequest& request) {
  try {
    auto reader = index.AcquireReader();
    if (!reader.ok()) return reader.status();
    return PrepareOn(**reader, translator, request);
  } catch (const Xapian::Error& e) {
    return Internal(std::string("percolate: ") + e.get_type() + ": " + e.get_msg());
  }
}

Result<std::vector<int64_t>> PercolationBatch::Matches(const Translator* translator,
                                                       const SearchRequest& request,
                                                       double min_share) {
  if (size_ == 0) return std::vector<int64_t>();
  try {
    return Matches(PreparedPercolation::PrepareOn(*index_, translator, request), min_share);
  } catch (const Xapian::Error& e) {
    return Internal(std::string("percolate: ") + e.get_type() + ": " + e.get_msg());
  }
}

Result<std::vector<int64_t>> PercolationBatch::Matches(const PreparedPercolation& query,
                                                       double min_share) {
  std::vector<int64_t> out;
  if (size_ == 0) return out;
  const PreparedPercolation::Parts& q = *query.parts_;
  if (q.term_count == 0) return out;
  try {
    // The query's terms each listing holds, read from the batch's posting lists: the terms
    // Xapian would report as matching (a members-only form counts as its term), without
    // walking every hit's term list.
    std::vector<std::pair<Xapian::docid, size_t>> hits;  // (listing, term number)
    for (const auto& [form, id] : q.postings) {
      for (auto p = batch_.postlist_begin(form); p != batch_.postlist_end(form); ++p) {
        hits.emplace_back(*p, id);
      }
    }
    if (hits.empty()) return out;
    std::sort(hits.begin(), hits.end());
    // The listings that pass the request's filters, when it has any.
    std::optional<std::set<Xapian::docid>> allowed;
    if (std::optional<Xapian::Query> filter = FilterQuery(q.filters)) {
      Xapian::Enquire enquire(batch_);
      enquire.set_query(*filter);
      enquire.set_weighting_scheme(Xapian::BoolWeight());
      allowed.emplace();
      for (Xapian::docid id : enquire.get_mset(0, static_cast<Xapian::doccount>(size_))) {
        allowed->insert(id);
      }
    }
    std::vector<char> matched(q.term_count, 0);
    for (size_t i = 0; i < hits.size();) {
      const Xapian::docid doc = hits[i].first;
      std::fill(matched.begin(), matched.end(), 0);
      for (; i < hits.size() && hits[i].first == doc; ++i) matched[hits[i].second] = 1;
      if (allowed && allowed->count(doc) == 0) continue;
      // The share of the query's own terms' weight, or across languages the share of its
      // words that the listing has translated.
      if (q.own->ShareOf(matched) >= min_share ||
          (q.translated && q.translated->Of(matched) >= min_share)) {
        out.push_back(static_cast<int64_t>(doc));
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
