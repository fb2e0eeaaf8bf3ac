#include "store/sql/sql_net_tx.h"

#include "core/org.h"
#include "store/json_columns.h"
#include "store/sql/statements.h"

namespace kc::sql {

namespace {

constexpr const char* kPeerCols =
    "SELECT id, node_id, name, base_url, public_key, fingerprint, country, languages, "
    "frameworks, status, incoming, created_at, updated_at, feed_cursor, synced_at, sync_error "
    "FROM peers";

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
  p.feed_cursor = r.Int(13);
  p.synced_at = r.Int(14);
  p.sync_error = r.Text(15);
  return p;
}

int64_t IdFrom(const Row& r) { return r.Int(0); }

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

Status SqlNetTx::SetPeerSync(int64_t peer_id, int64_t feed_cursor, int64_t synced_at,
                            std::string_view sync_error) {
  return Touch(c_, "peer", "UPDATE peers SET feed_cursor=?, synced_at=?, sync_error=? WHERE id=?",
               feed_cursor, synced_at, sync_error, peer_id);
}

Result<std::vector<NetTx::FeedChange>> SqlNetTx::FeedChanges(int64_t after, int64_t limit) {
  // Each listing at its latest change (no later change of it exists), in the change log's
  // order; a deleted listing (no row) is kept, a copy is not. changes_entity serves the probe.
  return All(
      c_,
      [](const Row& r) {
        return FeedChange{r.Int(0), r.Int(1)};
      },
      "SELECT c.seq, c.entity_id FROM changes c LEFT JOIN listings l ON l.id = c.entity_id "
      "WHERE c.entity = 'listing' AND c.seq > ? AND l.origin_peer_id IS NULL AND NOT EXISTS "
      "(SELECT 1 FROM changes d WHERE d.entity = 'listing' AND d.entity_id = c.entity_id AND "
      "d.seq > c.seq) ORDER BY c.seq LIMIT ?",
      after, limit);
}

Result<std::optional<int64_t>> SqlNetTx::FindCopy(int64_t peer_id, std::string_view origin_id) {
  return First(c_, IdFrom, "SELECT id FROM listings WHERE origin_peer_id = ? AND origin_id = ?",
               peer_id, origin_id);
}

Result<std::vector<int64_t>> SqlNetTx::CopiesOf(int64_t peer_id, ListingStatus status) {
  return All(c_, IdFrom,
             "SELECT id FROM listings WHERE origin_peer_id = ? AND status = ? ORDER BY id",
             peer_id, std::string(StatusName(status)));
}

Result<int64_t> SqlNetTx::PeerOrg(const Peer& peer, int64_t now) {
  auto found = First(c_, IdFrom, "SELECT id FROM orgs WHERE peer_id = ?", peer.id);
  if (!found.ok()) return found.status();
  if (*found) return **found;
  // The name may be taken by a local organisation: then it carries the node id too.
  for (const std::string& name : {peer.name, peer.name + " (" + peer.node_id + ")"}) {
    auto id = InsertUnique(
        c_, Conflict("org_exists", "an organisation has this name", "name"),
        "INSERT INTO orgs (name, type, country, description, website, created_at, peer_id) "
        "VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING RETURNING id",
        name, std::string(OrgTypeName(OrgType::kServiceAgency)),
        peer.country.empty() ? std::string("CN") : peer.country,
        std::string("partner platform ") + peer.node_id, peer.base_url, now, peer.id);
    if (id.ok() || id.status().code() != "org_exists") return id;
  }
  return Conflict("org_exists", "the partner's name is taken by two organisations", "name");
}

Result<int64_t> SqlNetTx::NetworkUserId() {
  // Made at the first copy, not by a migration: a new database stays empty (restore needs it).
  // It cannot sign in (disabled, no password), and no one can register the name (user names
  // start with a letter or digit).
  auto id = Scalar(c_, "SELECT id FROM users WHERE username = '_network'");
  if (!id.ok() || *id != 0) return id;
  return Scalar(c_,
                "INSERT INTO users (username, display_name, role, password_hash, disabled, "
                "created_at) VALUES ('_network', 'Partner platforms', 'member', '!', 1, 0) "
                "RETURNING id");
}

Result<std::vector<NetTx::CopyOrigin>> SqlNetTx::OriginsOf(
    const std::vector<int64_t>& listing_ids) {
  if (listing_ids.empty()) return std::vector<CopyOrigin>{};
  return All(
      c_,
      [](const Row& r) {
        return CopyOrigin{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4)};
      },
      "SELECT l.id, l.origin_peer_id, p.name, l.origin_url, l.origin_org_name FROM listings l "
      "JOIN peers p ON p.id = l.origin_peer_id WHERE " +
          c_.dialect().InIds("l.id"),
      c_.dialect().IdList(listing_ids));
}

}  // namespace kc::sql
