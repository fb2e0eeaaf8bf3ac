// Percolation: which newly indexed listings answer a saved search, for alerts (subscriptions).
// The reverse of a search: the saved searches are the queries, the new listings the corpus.
// A batch of new listings is copied from the index into memory once, and each saved search is
// then one query over that small copy, however large the index (docs/search.md, "Alerts").
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "core/status.h"
#include "search/index.h"
#include "search/search.h"
#include "search/translate.h"

namespace kc::search {

class PercolationBatch;

// A saved search made ready for percolation: its query built once, with the term statistics
// of the index when it was prepared, then tested against any number of batches (built anew
// for each would cost as much as the test itself). Copies share one immutable query, which
// several threads may test at once.
class PreparedPercolation {
 public:
  // Prepares `request` (see PercolationBatch for the test). translator may be null (no
  // cross-lingual test). Fails with kInternal on an index error.
  static Result<PreparedPercolation> Prepare(const SearchIndex& index, const Translator* translator,
                                             const SearchRequest& request);
  // The number of documents in the index whose statistics the query was built with.
  uint64_t doc_count() const;
  ~PreparedPercolation();
  PreparedPercolation(const PreparedPercolation&);
  PreparedPercolation& operator=(const PreparedPercolation&);

 private:
  friend class PercolationBatch;
  struct Parts;
  explicit PreparedPercolation(std::shared_ptr<const Parts> parts);
  // Prepare with the statistics of `db` (throws Xapian::Error).
  static PreparedPercolation PrepareOn(const Xapian::Database& db, const Translator* translator,
                                       const SearchRequest& request);
  std::shared_ptr<const Parts> parts_;
};

// The test a listing passes to answer a saved search: it passes the request's filters and is
// about the query's subject in either language: it holds at least `min_share` of the weight of
// the query's own terms (words, bigrams, stems), or translations of at least `min_share` of
// the query's words (so an English saved search alerts on a Chinese listing and the reverse).
// An alert fires for listings about the saved subject, not for any listing that shares one
// character pair with it. Members-only text counts only when request.member is set.
class PercolationBatch {
 public:
  // A batch of the indexed listings `ids` (ids not in the index are left out). The index's
  // committed revision at this call supplies the term statistics of every query. Fails with
  // kInternal on an index error.
  static Result<std::unique_ptr<PercolationBatch>> Create(const SearchIndex& index,
                                                          const std::vector<int64_t>& ids);
  ~PercolationBatch();

  // The ids of the batch that answer `request`, ascending. translator may be null (no
  // cross-lingual test). Not thread-safe: one batch belongs to one thread.
  Result<std::vector<int64_t>> Matches(const Translator* translator, const SearchRequest& request,
                                       double min_share = 0.5);
  // The same for a prepared saved search: its ids of the batch, ascending.
  Result<std::vector<int64_t>> Matches(const PreparedPercolation& query, double min_share = 0.5);

  size_t size() const { return size_; }
  // The number of documents in the whole index when the batch was made.
  uint64_t index_size() const;

 private:
  PercolationBatch(SearchIndex::Reader index, Xapian::WritableDatabase batch, size_t size);

  SearchIndex::Reader index_;       // term statistics of the whole index
  Xapian::WritableDatabase batch_;  // in memory: the batch's documents, under their own ids
  size_t size_;
};

// Whether the indexed listing `id` answers `request` (the test of PercolationBatch, for one
// listing). False when `id` is not indexed.
Result<bool> ListingMatches(const SearchIndex& index, const Translator* translator,
                            const SearchRequest& request, int64_t id, double min_share = 0.5);

}  // namespace kc::search
