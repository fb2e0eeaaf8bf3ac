// The network part of a store transaction (docs/network.md): the partner directory (朋友圈).
// Reached through StoreTx::net(); everything it does belongs to the enclosing transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/listing.h"
#include "core/org.h"
#include "core/peer.h"
#include "core/status.h"

namespace kc {

// Not thread-safe; belongs to its transaction like StoreTx. Lookups of a missing row return
// NotFound("peer"); a node id already in the directory returns Conflict("peer_exists",
// field "node_id").
class NetTx {
 public:
  virtual ~NetTx() = default;

  // Stores a new peer (its id is ignored) and returns its id.
  virtual Result<int64_t> InsertPeer(const Peer& peer) = 0;
  virtual Result<Peer> GetPeer(int64_t id) = 0;
  // The peer with this node id, or nullopt.
  virtual Result<std::optional<Peer>> FindPeerByNodeId(std::string_view node_id) = 0;
  // Writes every field but id, node_id, created_at and the pull's (feed_cursor, synced_at,
  // sync_error: SetPeerSync's), so that an admin's edit never moves the cursor.
  virtual Status UpdatePeer(const Peer& peer) = 0;
  // The peers in `status` (every peer without one), by name then id.
  virtual Result<std::vector<Peer>> ListPeers(std::optional<PeerStatus> status) = 0;
  // Records a pull of the peer's feed (§4): the cursor reached, the time of the last success
  // and the failure of this pull (empty: it succeeded). NotFound("peer") for an unknown id.
  virtual Status SetPeerSync(int64_t peer_id, int64_t feed_cursor, int64_t synced_at,
                             std::string_view sync_error) = 0;

  // The listing feed (§4). A change of one of this node's own listings (not a copy).
  struct FeedChange {
    int64_t seq = 0;         // its latest change in the change log
    int64_t listing_id = 0;  // the listing, which may since have been deleted
  };
  // The listings changed after change `after`, each once at its latest change, in change
  // order, at most `limit`; copies of partners' listings are left out. Whether a listing is
  // shared is the caller's (net/feed.h: the listing's and its organisation's opt-outs).
  virtual Result<std::vector<FeedChange>> FeedChanges(int64_t after, int64_t limit) = 0;

  // Copies of partners' listings.
  // The local id of the peer's listing `origin_id`, or nullopt.
  virtual Result<std::optional<int64_t>> FindCopy(int64_t peer_id, std::string_view origin_id) = 0;
  // The local ids of the peer's copies in `status`, by id.
  virtual Result<std::vector<int64_t>> CopiesOf(int64_t peer_id, ListingStatus status) = 0;
  // The organisation holding the peer's copies, made on the first call: named after the peer
  // (with its node id when another organisation has that name), a service agency of its country.
  virtual Result<int64_t> PeerOrg(const Peer& peer, int64_t now) = 0;
  // The account that owns every copy (it cannot sign in), made by the first call.
  virtual Result<int64_t> NetworkUserId() = 0;

  // Where the copies among `listing_ids` come from; this node's own listings are left out.
  struct CopyOrigin {
    int64_t listing_id = 0;
    int64_t peer_id = 0;
    std::string node_name;  // the peer's name
    std::string url;        // the listing's page on the peer
    std::string org_name;   // its organisation there
  };
  virtual Result<std::vector<CopyOrigin>> OriginsOf(const std::vector<int64_t>& listing_ids) = 0;

  // A full pass of the peer's feed (§4, after 410): starts with the change log's end `seq`
  // (0: none under way). NotFound("peer") for an unknown id.
  virtual Status SetResync(int64_t peer_id, int64_t seq) = 0;
  // The peer's published copies not rewritten (no change logged) after change `seq`, by id.
  virtual Result<std::vector<int64_t>> CopiesUnchangedSince(int64_t peer_id, int64_t seq) = 0;

  // The replay memory (§3.3 step 7), shared by the app nodes of one database: records
  // (`keyid`, `nonce`) until `expires_at`; Conflict("replayed") when it is held already.
  virtual Status RememberNonce(std::string_view keyid, std::string_view nonce,
                               int64_t expires_at) = 0;
  // Forgets the pairs that expired before `now`; returns how many.
  virtual Result<int64_t> ForgetNonces(int64_t now) = 0;

  // Inquiries (docs/network.md §6).
  // The organisation standing here for the peer's member organisation `origin_org_id` (one
  // that inquired), made at the first call with `name`, `type` and `country`; when another
  // organisation has that name, it carries the peer's name, then the peer's node id, too.
  virtual Result<int64_t> RemoteOrg(const Peer& peer, std::string_view origin_org_id,
                                    const std::string& name, OrgType type,
                                    const std::string& country, int64_t now) = 0;
  // The deal of the peer's inquiry `peer_ref`, or nullopt.
  virtual Result<std::optional<int64_t>> FindPeerDeal(int64_t peer_id,
                                                      std::string_view peer_ref) = 0;

  // A message to a peer, queued in the transaction of the change it reports.
  struct OutboxMessage {
    int64_t id = 0;
    int64_t peer_id = 0;
    std::optional<int64_t> deal_id;
    std::string path;        // e.g. "/api/v1/net/inquiries"
    std::string message_id;  // unique per peer: the receiver's idempotency key
    std::string body;        // the JSON sent
    std::string status = "pending";  // pending, delivered, failed
    int64_t attempts = 0;
    int64_t next_at = 0;  // not before this time (seconds)
    std::string last_error;
    int64_t created_at = 0;
    int64_t delivered_at = 0;
  };
  // Queues `message` (its id is ignored) and returns its id.
  virtual Result<int64_t> Enqueue(const OutboxMessage& message) = 0;
  // Pending messages by peer, then in the order they were queued; at most `limit`.
  virtual Result<std::vector<OutboxMessage>> PendingMessages(int64_t limit) = 0;
  // Writes status, attempts, next_at, last_error and delivered_at of message `message.id`.
  virtual Status UpdateOutbox(const OutboxMessage& message) = 0;
  // How the messages of a deal fare: how many wait, how many failed for good, and the latest
  // error of either.
  struct Delivery {
    int64_t pending = 0;
    int64_t failed = 0;
    std::string last_error;
  };
  virtual Result<Delivery> DealDelivery(int64_t deal_id) = 0;

  // Records the peer's message `message_id` as received (for `deal_id`);
  // Conflict("duplicate_message") when it already was.
  virtual Status RecordReceived(int64_t peer_id, std::string_view message_id,
                                std::optional<int64_t> deal_id, int64_t now) = 0;
  // The deal a received message was about (nullopt inside: about none); nullopt when the
  // message was never received.
  virtual Result<std::optional<std::optional<int64_t>>> Received(int64_t peer_id,
                                                               std::string_view message_id) = 0;
};

}  // namespace kc
