// 订阅提醒: tells subscribers about listings newly published, apart from indexing. Indexing
// only makes a listing searchable; this worker then reads the same change log from a cursor of
// its own and announces what was published in batches (Subscriptions::Announce), so a large
// import becomes searchable at the indexer's pace whatever the subscriptions cost
// (docs/architecture.md, "Background work").
#pragma once

#include <cstdint>

#include "core/status.h"
#include "search/index.h"
#include "service/subscriptions.h"
#include "store/store.h"

namespace kc {

class Alerts {
 public:
  // Changes read per round: a batch of this many is percolated at once.
  static constexpr int64_t kBatch = 2000;
  // The store's meta key of the cursor: the last change announced (set by migration 009).
  static constexpr const char* kCursorKey = "alerts_seq";

  Alerts(Store& store, const search::SearchIndex& index, Subscriptions& subscriptions)
      : store_(store), index_(index), subscriptions_(subscriptions) {}

  // Announces the listings published by every change after the cursor, up to the index's
  // applied sequence (a listing is announced once it is searchable: percolation reads the
  // index), kBatch changes at a time, moving the cursor after each batch. A batch whose
  // announcement fails leaves the cursor where it was, to be announced again (notices are
  // not repeated: Subscriptions::Announce). Returns the notifications created. Not safe to
  // call from two threads, nor from two nodes at once (the leader runs it).
  Result<int64_t> CatchUp();

  // The cursor: the last change announced.
  Result<int64_t> Cursor() const;

 private:
  Store& store_;
  const search::SearchIndex& index_;
  Subscriptions& subscriptions_;
};

}  // namespace kc
