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

 private:
  Conn& c_;
};

}  // namespace kc::sql
