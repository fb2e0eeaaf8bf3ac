#include "store/sql/sql_net_tx.h"

#include "core/org.h"
#include "store/json_columns.h"
#include "store/sql/statements.h"

namespace kc::sql {

namespace {

constexpr const char* kPeerCols =
    "SELECT id, node_id, name, base_url, public_key, fingerprint, country, languages, "
    "frameworks, status, incoming, created_at, updated_at, feed_cursor, synced_at, sync_error, "
    "resync_seq FROM peers";

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
  p.resync_seq = r.Int(16);
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
  return FindOrMakeOrg(peer, "", {peer.name, peer.name + " (" + peer.node_id + ")"},
                       OrgType::kServiceAgency, peer.country,
                       std::string("partner platform ") + peer.node_id, peer.base_url, now);
}

Result<int64_t> SqlNetTx::RemoteOrg(const Peer& peer, std::string_view origin_org_id,
                                    const std::string& name, OrgType type,
                                    const std::string& country, int64_t now) {
  return FindOrMakeOrg(
      peer, origin_org_id,
      {name, name + " (" + peer.name + ")", name + " (" + peer.node_id + ")"}, type, country,
      "member of partner platform " + peer.node_id, "", now);
}

Result<int64_t> SqlNetTx::FindOrMakeOrg(const Peer& peer, std::string_view origin_org_id,
                                        const std::vector<std::string>& names, OrgType type,
                                        const std::string& country,
                                        const std::string& description,
                                        const std::string& website, int64_t now) {
  auto found = First(c_, IdFrom, "SELECT id FROM orgs WHERE peer_id = ? AND origin_org_id = ?",
                     peer.id, origin_org_id);
  if (!found.ok()) return found.status();
  if (*found) return **found;
  // A name may be taken by another organisation: then the next one is tried.
  for (const std::string& name : names) {
    auto id = InsertUnique(
        c_, Conflict("org_exists", "an organisation has this name", "name"),
        "INSERT INTO orgs (name, type, country, description, website, created_at, peer_id, "
        "origin_org_id) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING RETURNING id",
        name, std::string(OrgTypeName(type)), country.empty() ? std::string("CN") : country,
        description, website, now, peer.id, origin_org_id);
    if (id.ok() || id.status().code() != "org_exists") return id;
  }
  return Conflict("org_exists", "the partner's names are taken by other organisations", "name");
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

Status SqlNetTx::SetResync(int64_t peer_id, int64_t seq) {
  return Touch(c_, "peer", "UPDATE peers SET resync_seq = ? WHERE id = ?", seq, peer_id);
}

Result<std::vector<int64_t>> SqlNetTx::CopiesUnchangedSince(int64_t peer_id, int64_t seq) {
  // A published copy whose latest change is at or before `seq` (every rewrite is logged).
  return All(c_, IdFrom,
             "SELECT l.id FROM listings l WHERE l.origin_peer_id = ? AND l.status = 'published' "
             "AND NOT EXISTS (SELECT 1 FROM changes c WHERE c.entity = 'listing' AND "
             "c.entity_id = l.id AND c.seq > ?) ORDER BY l.id",
             peer_id, seq);
}

Status SqlNetTx::RememberNonce(std::string_view keyid, std::string_view nonce,
                              int64_t expires_at) {
  return InsertUnique(c_,
                      Status::Error(ErrorKind::kUnauthorized, "replayed",
                                    "this signature's nonce was already used"),
                      "INSERT INTO net_nonces (keyid, nonce, expires_at) VALUES (?,?,?) ON "
                      "CONFLICT DO NOTHING",
                      keyid, nonce, expires_at)
      .status();
}

Result<int64_t> SqlNetTx::ForgetNonces(int64_t now) {
  auto s = Query(c_, "DELETE FROM net_nonces WHERE expires_at < ?", now);
  if (!s.ok()) return s.status();
  KC_RETURN_IF_ERROR((*s)->Run());
  return static_cast<int64_t>((*s)->changes());
}

Result<std::optional<int64_t>> SqlNetTx::FindPeerDeal(int64_t peer_id,
                                                      std::string_view peer_ref) {
  return First(c_, IdFrom, "SELECT id FROM deals WHERE peer_id = ? AND peer_ref = ?", peer_id,
               peer_ref);
}

namespace {

constexpr const char* kOutboxCols =
    "SELECT id, peer_id, deal_id, path, message_id, body, status, attempts, next_at, "
    "last_error, created_at, delivered_at FROM net_outbox";

NetTx::OutboxMessage OutboxFrom(const Row& r) {
  NetTx::OutboxMessage m;
  m.id = r.Int(0);
  m.peer_id = r.Int(1);
  m.deal_id = r.OptInt(2);
  m.path = r.Text(3);
  m.message_id = r.Text(4);
  m.body = r.Text(5);
  m.status = r.Text(6);
  m.attempts = r.Int(7);
  m.next_at = r.Int(8);
  m.last_error = r.Text(9);
  m.created_at = r.Int(10);
  m.delivered_at = r.Int(11);
  return m;
}

}  // namespace

Result<int64_t> SqlNetTx::Enqueue(const OutboxMessage& m) {
  return InsertUnique(
      c_, Conflict("duplicate_message", "this message is already queued", "message_id"),
      "INSERT INTO net_outbox (peer_id, deal_id, path, message_id, body, status, attempts, "
      "next_at, last_error, created_at, delivered_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON "
      "CONFLICT DO NOTHING RETURNING id",
      m.peer_id, m.deal_id, m.path, m.message_id, m.body, m.status, m.attempts, m.next_at,
      m.last_error, m.created_at, m.delivered_at);
}

Result<std::vector<NetTx::OutboxMessage>> SqlNetTx::PendingMessages(int64_t limit) {
  return All(c_, OutboxFrom,
             std::string(kOutboxCols) + " WHERE status = 'pending' ORDER BY peer_id, id LIMIT ?",
             limit);
}

Status SqlNetTx::UpdateOutbox(const OutboxMessage& m) {
  return Touch(c_, "message",
               "UPDATE net_outbox SET status=?, attempts=?, next_at=?, last_error=?, "
               "delivered_at=? WHERE id=?",
               m.status, m.attempts, m.next_at, m.last_error, m.delivered_at, m.id);
}

Result<NetTx::Delivery> SqlNetTx::DealDelivery(int64_t deal_id) {
  Delivery d;
  auto counts = All(
      c_, [](const Row& r) { return std::pair<std::string, int64_t>{r.Text(0), r.Int(1)}; },
      "SELECT status, COUNT(*) FROM net_outbox WHERE deal_id = ? GROUP BY status", deal_id);
  if (!counts.ok()) return counts.status();
  for (const auto& [status, n] : *counts) {
    if (status == "pending") d.pending = n;
    if (status == "failed") d.failed = n;
  }
  auto error = First(c_, [](const Row& r) { return r.Text(0); },
                     "SELECT last_error FROM net_outbox WHERE deal_id = ? AND status <> "
                     "'delivered' AND last_error <> '' ORDER BY id DESC LIMIT 1",
                     deal_id);
  if (!error.ok()) return error.status();
  if (*error) d.last_error = **error;
  return d;
}

Status SqlNetTx::RecordReceived(int64_t peer_id, std::string_view message_id,
                                std::optional<int64_t> deal_id, int64_t now) {
  return InsertUnique(c_,
                      Conflict("duplicate_message", "this message was already received",
                               "message_id"),
                      "INSERT INTO net_inbox (peer_id, message_id, deal_id, received_at) VALUES "
                      "(?,?,?,?) ON CONFLICT DO NOTHING",
                      peer_id, message_id, deal_id, now)
      .status();
}

Result<std::optional<std::optional<int64_t>>> SqlNetTx::Received(int64_t peer_id,
                                                               std::string_view message_id) {
  return First(c_, [](const Row& r) { return r.OptInt(0); },
               "SELECT deal_id FROM net_inbox WHERE peer_id = ? AND message_id = ?", peer_id,
               message_id);
}

}  // namespace kc::sql
