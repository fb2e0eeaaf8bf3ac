#include "net/peers.h"

#include "core/country_code.h"
#include "net/node_document.h"
#include "net/node_key.h"
#include "net/peer_policy.h"
#include "service/audit.h"

namespace kc::net {

namespace {

Status RequireManager(const Actor& actor) {
  if (!actor.signed_in()) return Unauthorized();
  if (!CanManagePeers(actor)) return Forbidden("only platform admins manage partner platforms");
  return Status::Ok();
}

}  // namespace

Result<Peer> Peers::Add(const Actor& actor, const std::string& base_url,
                        const std::string& fingerprint, std::vector<std::string> frameworks) {
  KC_RETURN_IF_ERROR(RequireManager(actor));
  const std::string expected = NormaliseFingerprint(fingerprint);
  if (expected.empty()) {
    return Invalid("fingerprint", "invalid_fingerprint",
                   "the key fingerprint is 64 hexadecimal digits (spaces allowed)");
  }
  KC_RETURN_IF_ERROR(ValidateFrameworks(frameworks));
  std::string url = base_url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  if (url.empty() || url.size() > 2000) {
    return Invalid("base_url", "invalid_url", "the partner's base URL is required");
  }
  auto body = fetch_(url);
  if (!body.ok()) return body.status();
  auto doc = ParseNodeDocument(*body);
  if (!doc.ok()) {
    return Invalid("base_url", doc.status().code(),
                   "the node document at this URL is not usable: " + doc.status().message());
  }
  if (doc->fingerprint != expected) {
    return Conflict("fingerprint_mismatch",
                    "the node at this URL has another key than the fingerprint given: compare "
                    "the fingerprint with its admin again",
                    "fingerprint");
  }
  if (doc->node_id == own_node_id_) {
    return Invalid("base_url", "own_node", "this URL is this platform itself");
  }
  Peer p;
  p.node_id = doc->node_id;
  p.name = doc->name;
  p.base_url = doc->base_url;
  p.public_key = doc->public_key;
  p.fingerprint = doc->fingerprint;
  p.country = doc->country;
  p.languages = doc->languages;
  p.frameworks = std::move(frameworks);
  p.status = PeerStatus::kRequested;
  p.created_at = p.updated_at = clock_.Now();
  Status s = store_.Write([&](StoreTx& tx) {
    auto id = tx.net().InsertPeer(p);
    if (!id.ok()) return id.status();
    p.id = *id;
    return tx.AppendAudit(AuditOf(p.created_at, actor.id(), "peer", p.id, "add",
                                  {{"node_id", p.node_id}, {"base_url", p.base_url}}));
  });
  if (!s.ok()) return s;
  return p;
}

Result<Peer> Peers::Change(const Actor& actor, int64_t id, const PeerChange& change) {
  KC_RETURN_IF_ERROR(RequireManager(actor));
  if (change.country && !IsCountryCode(*change.country)) {
    return Invalid("country", "invalid_country", "an ISO 3166-1 alpha-2 code such as CN");
  }
  if (change.frameworks) KC_RETURN_IF_ERROR(ValidateFrameworks(*change.frameworks));
  Peer p;
  Status s = store_.Write([&](StoreTx& tx) -> Status {
    auto found = tx.net().GetPeer(id);
    if (!found.ok()) return found.status();
    p = std::move(*found);
    nlohmann::json detail = nlohmann::json::object();
    if (change.status && *change.status != p.status) {
      auto next = NextPeerStatus(p.status, *change.status);
      if (!next.ok()) return next.status();
      detail["from"] = PeerStatusName(p.status);
      detail["to"] = PeerStatusName(*next);
      p.status = *next;
    }
    if (change.country) p.country = *change.country;
    if (change.frameworks) p.frameworks = *change.frameworks;
    p.updated_at = clock_.Now();
    KC_RETURN_IF_ERROR(tx.net().UpdatePeer(p));
    return tx.AppendAudit(AuditOf(p.updated_at, actor.id(), "peer", p.id, "change", detail));
  });
  if (!s.ok()) return s;
  return p;
}

Result<std::vector<Peer>> Peers::List(const Actor& actor, std::optional<PeerStatus> status) {
  KC_RETURN_IF_ERROR(RequireManager(actor));
  std::vector<Peer> out;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    auto peers = tx.net().ListPeers(status);
    if (!peers.ok()) return peers.status();
    out = std::move(*peers);
    return Status::Ok();
  }));
  return out;
}

Result<Peer> Peers::Get(const Actor& actor, int64_t id) {
  KC_RETURN_IF_ERROR(RequireManager(actor));
  Peer out;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    auto p = tx.net().GetPeer(id);
    if (!p.ok()) return p.status();
    out = std::move(*p);
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<Peer>> Peers::ListPartners() {
  std::vector<Peer> out;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    auto peers = tx.net().ListPeers(PeerStatus::kActive);
    if (!peers.ok()) return peers.status();
    out = std::move(*peers);
    return Status::Ok();
  }));
  return out;
}

}  // namespace kc::net
