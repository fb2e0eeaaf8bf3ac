// NetTx written once over the SQL layer, for both databases: it runs in the transaction (and
// savepoints) of the StoreTx that owns it, through that transaction's sql::Conn.
#pragma once

#include "store/net_tx.h"
#include "store/sql/conn.h"

namespace kc::sql {

class SqlNetTx : public NetTx {
 public:
  explicit SqlNetTx(Conn& conn) : c_(conn) {}

  Result<int64_t> InsertPeer(const Peer& peer) override;
  Result<Peer> GetPeer(int64_t id) override;
  Result<std::optional<Peer>> FindPeerByNodeId(std::string_view node_id) override;
  Status UpdatePeer(const Peer& peer) override;
  Result<std::vector<Peer>> ListPeers(std::optional<PeerStatus> status) override;
  Status SetPeerSync(int64_t peer_id, int64_t feed_cursor, int64_t synced_at,
                     std::string_view sync_error) override;
  Result<std::vector<FeedChange>> FeedChanges(int64_t after, int64_t limit) override;
  Result<std::optional<int64_t>> FindCopy(int64_t peer_id, std::string_view origin_id) override;
  Result<std::vector<int64_t>> CopiesOf(int64_t peer_id, ListingStatus status) override;
  Result<int64_t> PeerOrg(const Peer& peer, int64_t now) override;
  Result<int64_t> NetworkUserId() override;
  Result<std::vector<CopyOrigin>> OriginsOf(const std::vector<int64_t>& listing_ids) override;
  Status SetResync(int64_t peer_id, int64_t seq) override;
  Result<std::vector<int64_t>> CopiesUnchangedSince(int64_t peer_id, int64_t seq) override;
  Status RememberNonce(std::string_view keyid, std::string_view nonce,
                       int64_t expires_at) override;
  Result<int64_t> ForgetNonces(int64_t now) override;
  Result<int64_t> RemoteOrg(const Peer& peer, std::string_view origin_org_id,
                            const std::string& name, OrgType type, const std::string& country,
                            int64_t now) override;
  Result<std::optional<int64_t>> FindPeerDeal(int64_t peer_id, std::string_view peer_ref) override;
  Result<int64_t> Enqueue(const OutboxMessage& message) override;
  Result<std::vector<OutboxMessage>> PendingMessages(int64_t limit) override;
  Status UpdateOutbox(const OutboxMessage& message) override;
  Result<Delivery> DealDelivery(int64_t deal_id) override;
  Status RecordReceived(int64_t peer_id, std::string_view message_id,
                        std::optional<int64_t> deal_id, int64_t now) override;
  Result<std::optional<std::optional<int64_t>>> Received(int64_t peer_id,
                                                       std::string_view message_id) override;

 private:
  // The organisation standing for (`peer`, `origin_org_id`), made with the first of `names`
  // that is free.
  Result<int64_t> FindOrMakeOrg(const Peer& peer, std::string_view origin_org_id,
                                const std::vector<std::string>& names, OrgType type,
                                const std::string& country, const std::string& description,
                                const std::string& website, int64_t now);

  Conn& c_;
};

}  // namespace kc::sql
