#include "store/sql/sql_net_tx.h"

#include "store/json_columns.h"
#include "store/sql/statements.h"

namespace kc::sql {

namespace {

constexpr const char* kPeerCols =
    "SELECT id, node_id, name, base_url, public_key, fingerprint, country, languages, "
    "frameworks, status, incoming, created_at, updated_at FROM peers";

// The peer in kPeerCols order.
Peer PeerFrom(const Row& r) {
  Peer p;
  p.id = r.Int(0);
  p.node_id = r.Text(1);
  p.name = r.Text(2);
  p.base_url = r.Text(3);
  p.public_key = r.Text(4);
  p.fingerprint = r.Text(5);
  p.country = r.Text(6);
  p.languages = SplitArray(r.Text(7));
  p.frameworks = SplitArray(r.Text(8));
  p.status = PeerStatusFromName(r.Text(9)).value_or(PeerStatus::kRequested);
  p.incoming = r.Int(10) != 0;
  p.created_at = r.Int(11);
  p.updated_at = r.Int(12);
  return p;
}

}  // namespace

Result<int64_t> SqlNetTx::InsertPeer(const Peer& p) {
  return InsertUnique(
      c_, Conflict("peer_exists", "this node is already in the partner directory", "node_id"),
      "INSERT INTO peers (node_id, name, base_url, public_key, fingerprint, country, languages, "
      "frameworks, status, incoming, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
      "ON CONFLICT DO NOTHING RETURNING id",
      p.node_id, p.name, p.base_url, p.public_key, p.fingerprint, p.country,
      JoinArray(p.languages), JoinArray(p.frameworks), std::string(PeerStatusName(p.status)),
      int64_t{p.incoming ? 1 : 0}, p.created_at, p.updated_at);
}

Result<Peer> SqlNetTx::GetPeer(int64_t id) {
  return One(c_, PeerFrom, "peer", std::string(kPeerCols) + " WHERE id = ?", id);
}

Result<std::optional<Peer>> SqlNetTx::FindPeerByNodeId(std::string_view node_id) {
  return First(c_, PeerFrom, std::string(kPeerCols) + " WHERE node_id = ?", node_id);
}

Status SqlNetTx::UpdatePeer(const Peer& p) {
  return Touch(c_, "peer",
               "UPDATE peers SET name=?, base_url=?, public_key=?, fingerprint=?, country=?, "
               "languages=?, frameworks=?, status=?, incoming=?, updated_at=? WHERE id=?",
               p.name, p.base_url, p.public_key, p.fingerprint, p.country, JoinArray(p.languages),
               JoinArray(p.frameworks), std::string(PeerStatusName(p.status)),
               int64_t{p.incoming ? 1 : 0}, p.updated_at, p.id);
}

Result<std::vector<Peer>> SqlNetTx::ListPeers(std::optional<PeerStatus> status) {
  const std::string name = status ? std::string(PeerStatusName(*status)) : "";
  return All(c_, PeerFrom,
             std::string(kPeerCols) + " WHERE (? = '' OR status = ?) ORDER BY name" +
                 std::string(c_.dialect().ByteOrder()) + ", id",
             name, name);
}

}  // namespace kc::sql
