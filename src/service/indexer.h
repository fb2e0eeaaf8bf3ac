// 索引同步: keeps the search index in step with the store's change log (the outbox), and
// rebuilds it from the store. The store is the only source of truth; the index can always be
// thrown away and rebuilt.
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "core/listing.h"
#include "core/status.h"
#include "search/index.h"
#include "store/store.h"

namespace kc {

// How far the index is behind the store, for GET /api/v1/health.
struct IndexHealth {
  // More unapplied changes than this make the index "behind": the indexer applies hundreds of
  // changes a second, so a healthy index is never this far behind for more than a moment.
  static constexpr int64_t kLagThreshold = 100;

  int64_t applied_seq = 0;  // the last change durably in the index
  int64_t latest_seq = 0;   // the store's last change
  bool failing = false;     // the last CatchUp failed (full disk, read-only files, ...)
  std::string error;        // why, when failing

  int64_t lag() const { return latest_seq > applied_seq ? latest_seq - applied_seq : 0; }
  // "failing", "behind" (lag over the threshold) or "ok".
  const char* state() const;
  bool healthy() const { return !failing && lag() <= kLagThreshold; }
};

class Indexer {
 public:
  // Called after a batch is committed with every listing that was indexed as published in it.
  using PublishedHook = std::function<void(const Listing&)>;

  static constexpr int64_t kBatch = 500;
  // Behind a backlog (say a large import), the newest changes are applied first, this many
  // with each batch, so that a listing approved meanwhile is searchable within a batch's time
  // rather than after the whole backlog.
  static constexpr int64_t kFreshBatch = 100;

  Indexer(Store& store, search::SearchIndex& index) : store_(store), index_(index) {}
  void OnPublished(PublishedHook hook) { hook_ = std::move(hook); }
  // CatchUp returns after the current batch once `*stop` is true (for a prompt shutdown).
  void StopWhen(const std::atomic<bool>* stop) { stop_ = stop; }

  // Applies every change after the index's applied sequence number, in batches, each batch
  // committed together with its sequence number; while more than a batch is behind, each
  // commit also holds the newest kFreshBatch changes (applied again, harmlessly, when the
  // backlog reaches them). Returns the number of changes applied. A batch whose commit fails
  // is not counted as applied (SearchIndex::Commit): the next call applies it again. Not safe
  // to call from two threads at once.
  Result<int64_t> CatchUp();

  // The index's applied sequence, the store's last change and whether the last CatchUp
  // failed. Thread-safe (one store read); fails when the store cannot be read.
  Result<IndexHealth> Health() const;

  // Replaces the index by one of every published listing and records the store's last
  // change as applied. The listings are indexed on `threads` threads (0: one per core, at
  // most 8), each writing a shard of the ids, and the shards are merged (bulk_build.h); the
  // old index answers searches until the new one takes its place. Returns the number of
  // listings indexed.
  Result<int64_t> Rebuild(size_t threads = 0);

 private:
  // Changes read from the log with the listings they touch, as those are now.
  struct Batch {
    std::vector<Change> changes;
    std::vector<Listing> published;  // to index
    std::vector<int64_t> removed;    // to remove from the index
  };
  Result<int64_t> CatchUpBatches();
  static Status Collect(StoreTx& tx, std::vector<Change> changes, Batch* out);
  Status Apply(const Batch& batch);

  Store& store_;
  search::SearchIndex& index_;
  PublishedHook hook_;
  const std::atomic<bool>* stop_ = nullptr;
  int64_t fresh_seq_ = 0;  // the newest change applied ahead of the backlog
  mutable std::mutex failure_mu_;
  bool failing_ = false;  // the last CatchUp failed, with failure_
  std::string failure_;
};

}  // namespace kc
