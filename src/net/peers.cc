#include "net/peers.h"

#include <nlohmann/json.hpp>

#include "core/country_code.h"
#include "net/feed_apply.h"
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

// Sends this node's document to `base_url` + `path` (§2 steps 2 and 3).
Status SendDocument(PeerLink& link, const std::string& base_url, const char* path,
                    const std::string& own_document) {
  const std::string body = "{\"node\":" + own_document + "}";
  auto reply = link.Post(base_url, path, body);
  if (!reply.ok()) return reply.status();
  if (reply->status == 200 || reply->status == 201 || reply->status == 202) return Status::Ok();
  std::string why = "HTTP " + std::to_string(reply->status);
  auto j = nlohmann::json::parse(reply->body, nullptr, false);
  if (j.is_object() && j.contains("error") && j["error"].is_object() &&
      j["error"].value("code", nlohmann::json()).is_string()) {
    why += " " + j["error"]["code"].get<std::string>().substr(0, 80);
  }
  return Status::Error(ErrorKind::kUnavailable, "peer_refused",
                       "the partner platform did not take the message: " + why);
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
  // Before anything is stored: a node in the directory already, or one that refuses the
  // request, leaves no record.
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    auto existing = tx.net().FindPeerByNodeId(p.node_id);
    if (!existing.ok()) return existing.status();
    if (*existing) {
      return Conflict("peer_exists", "this node is already in the partner directory", "node_id");
    }
    return Status::Ok();
  }));
  if (link_) {
    KC_RETURN_IF_ERROR(SendDocument(*link_, p.base_url, "/api/v1/net/peer-requests", own_document_));
  }
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
  if (change.status == PeerStatus::kActive) {
    // Accepting a request: the partner hears it first (§2 step 3).
    Peer current;
    KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
      auto found = tx.net().GetPeer(id);
      if (!found.ok()) return found.status();
      current = std::move(*found);
      return Status::Ok();
    }));
    if (current.status == PeerStatus::kRequested) {
      if (!current.incoming) {
        return Conflict("awaiting_acceptance",
                        "this platform asked; the partner's admin accepts the request");
      }
      if (link_) {
        KC_RETURN_IF_ERROR(
            SendDocument(*link_, current.base_url, "/api/v1/net/peer-accept", own_document_));
      }
    }
  }
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
      if (p.status == PeerStatus::kSuspended || p.status == PeerStatus::kRemoved) {
        // Its listings leave search now; resuming pulls them again from the start.
        auto closed = CloseCopies(tx, p, clock_.Now());
        if (!closed.ok()) return closed.status();
        detail["copies_closed"] = *closed;
        p.feed_cursor = 0;
      }
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

Result<std::vector<NetTx::CopyOrigin>> Peers::OriginsOf(const std::vector<int64_t>& listing_ids) {
  std::vector<NetTx::CopyOrigin> out;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) {
    auto found = tx.net().OriginsOf(listing_ids);
    if (!found.ok()) return found.status();
    out = std::move(*found);
    return Status::Ok();
  }));
  return out;
}

Result<Peer> Peers::Receive(const NodeDocument& node) {
  if (node.node_id == own_node_id_) {
    return Invalid("node", "own_node", "a node does not peer with itself");
  }
  // The document must be the one its base URL serves (§2 step 2).
  auto body = fetch_(node.base_url);
  if (!body.ok()) return body.status();
  auto served = ParseNodeDocument(*body);
  if (!served.ok() || served->public_key != node.public_key) {
    return Conflict("fingerprint_mismatch",
                    "the node document at the request's base URL has another key", "node");
  }
  Peer p;
  Status s = store_.Write([&](StoreTx& tx) -> Status {
    auto existing = tx.net().FindPeerByNodeId(node.node_id);
    if (!existing.ok()) return existing.status();
    if (*existing) {
      p = std::move(**existing);
      if (p.status == PeerStatus::kRequested && p.incoming) return Status::Ok();
      return Conflict("peer_exists", "this node is already in the partner directory", "node");
    }
    p.node_id = node.node_id;
    p.name = node.name;
    p.base_url = node.base_url;
    p.public_key = node.public_key;
    p.fingerprint = node.fingerprint;
    p.country = node.country;
    p.languages = node.languages;
    p.status = PeerStatus::kRequested;
    p.incoming = true;
    p.created_at = p.updated_at = clock_.Now();
    auto id = tx.net().InsertPeer(p);
    if (!id.ok()) return id.status();
    p.id = *id;
    return tx.AppendAudit(AuditOf(p.created_at, std::nullopt, "peer", p.id, "request_received",
                                  {{"node_id", p.node_id}, {"base_url", p.base_url}}));
  });
  if (!s.ok()) return s;
  return p;
}

Result<Peer> Peers::Accepted(const Peer& peer) {
  Peer p;
  Status s = store_.Write([&](StoreTx& tx) -> Status {
    auto found = tx.net().GetPeer(peer.id);
    if (!found.ok()) return found.status();
    p = std::move(*found);
    if (p.status == PeerStatus::kActive) return Status::Ok();
    if (p.status != PeerStatus::kRequested || p.incoming) {
      return Conflict("invalid_transition", "this platform has no request waiting for this node");
    }
    p.status = PeerStatus::kActive;
    p.updated_at = clock_.Now();
    KC_RETURN_IF_ERROR(tx.net().UpdatePeer(p));
    return tx.AppendAudit(AuditOf(p.updated_at, std::nullopt, "peer", p.id, "accepted",
                                  {{"node_id", p.node_id}}));
  });
  if (!s.ok()) return s;
  return p;
}

}  // namespace kc::net
