// The pull side of the listing feed (docs/network.md §4): for each active peer, read its feed
// after the stored cursor, page by page, each page checked and applied in one transaction with
// the new cursor, so that a crash at any point resumes without loss or duplicates.
#pragma once

#include <cstdint>

#include "core/clock.h"
#include "core/peer.h"
#include "core/status.h"
#include "net/peer_link.h"
#include "store/store.h"

namespace kc::net {

class FeedPuller {
 public:
  // Feed answers are read up to kMaxPage bytes.
  static constexpr size_t kMaxPage = 8 * 1024 * 1024;

  FeedPuller(Store& store, const Clock& clock, PeerLink& link, int64_t page_size = 500)
      : store_(store), clock_(clock), link_(link), page_size_(page_size) {}

  // Pulls `peer`'s feed from its cursor until a page says nothing more follows. Returns the
  // entries applied. A refused answer (not 200, a bad signature, a bad page) stops the pull
  // with its error and leaves the cursor after the last page applied; 410 cursor_expired starts
  // a full pass from 0, at whose end the copies it did not rewrite are closed (EndFullPass).
  Result<int64_t> Pull(const Peer& peer);

  // Pulls every active peer once. A peer's failure is recorded on it (Peer::sync_error) and the
  // others go on. Returns the entries applied in all.
  int64_t PullAll();

 private:
  Store& store_;
  const Clock& clock_;
  PeerLink& link_;
  const int64_t page_size_;
};

}  // namespace kc::net
