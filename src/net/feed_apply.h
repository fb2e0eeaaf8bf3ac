// Applying a partner's feed page to this node's store (docs/network.md §4): its listings become
// read-only copies that search, facets and matching see like any published listing.
#pragma once

#include <cstdint>

#include "core/peer.h"
#include "core/status.h"
#include "net/feed.h"
#include "store/store.h"

namespace kc::net {

// What applying a page did.
struct FeedApplied {
  int64_t upserted = 0;  // copies made or rewritten
  int64_t closed = 0;    // copies closed by a tombstone
};

// Applies `page` of `peer`'s feed within `tx` and records page.next as the peer's cursor, so
// that the copies and the cursor commit together: an upsert makes or rewrites the published
// copy (in the peer's organisation, owned by the network account), a tombstone closes it, and
// each goes to the change log for the search index. Applying a page twice changes nothing more.
Result<FeedApplied> ApplyFeedPage(StoreTx& tx, const Peer& peer, const FeedPage& page,
                                  int64_t now);

// Ends a full pass of `peer`'s feed (§4, after 410 cursor_expired; Peer::resync_seq not 0):
// closes the published copies that the pass did not rewrite, which the origin no longer shares,
// and marks the pass done. Returns how many copies were closed; 0 when no pass is under way.
Result<int64_t> EndFullPass(StoreTx& tx, const Peer& peer, int64_t now);

// Closes every published copy of `peer` (suspended or removed, §2) and moves its cursor back to
// the start, so that a resumed peer's listings come back with its next pull. Returns how many
// copies were closed.
Result<int64_t> CloseCopies(StoreTx& tx, const Peer& peer, int64_t now);

}  // namespace kc::net
