// 索引同步: keeps the search index in step with the store's change log (the outbox), and
// rebuilds it from the store. The store is the only source of truth; the index can always be
// thrown away and rebuilt.
#pragma once

#include <atomic>
#include <functional>

#include "core/listing.h"
#include "core/status.h"
#include "search/index.h"
#include "store/store.h"

namespace kc {

class Indexer {
 public:
  // Called after a batch is committed with every listing that was indexed as published in it.
  using PublishedHook = std::function<void(const Listing&)>;

  static constexpr int64_t kBatch = 500;

  Indexer(Store& store, search::SearchIndex& index) : store_(store), index_(index) {}
  void OnPublished(PublishedHook hook) { hook_ = std::move(hook); }
  // CatchUp returns after the current batch once `*stop` is true (for a prompt shutdown).
  void StopWhen(const std::atomic<bool>* stop) { stop_ = stop; }

  // Applies every change after the index's applied sequence number, in batches, each batch
  // committed together with its sequence number. Returns the number of changes applied.
  // Not safe to call from two threads at once.
  Result<int64_t> CatchUp();

  // Replaces the index by one of every published listing and records the store's last
  // change as applied. The listings are indexed on `threads` threads (0: one per core, at
  // most 8), each writing a shard of the ids, and the shards are merged (bulk_build.h); the
  // old index answers searches until the new one takes its place. Returns the number of
  // listings indexed.
  Result<int64_t> Rebuild(size_t threads = 0);

 private:
  Store& store_;
  search::SearchIndex& index_;
  PublishedHook hook_;
  const std::atomic<bool>* stop_ = nullptr;
};

}  // namespace kc
