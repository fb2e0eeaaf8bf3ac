// JSON of the partner directory (docs/network.md §2): a peer as admins see it, a partner as the
// public sees it, and what adding or changing a peer takes. Each writer stands beside its
// OpenAPI schema (docs/api.md, "The document is checked").
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/peer.h"
#include "core/status.h"
#include "net/peers.h"

namespace kc::api {

// A peer with everything this node keeps (admins).
nlohmann::json PeerJson(const Peer& peer);
nlohmann::json PeerSchema();
// An active partner for the public partners page: no state, no times.
nlohmann::json PartnerJson(const Peer& peer);
nlohmann::json PartnerSchema();

// POST /net/peers: base_url and fingerprint required, frameworks optional.
struct NewPeer {
  std::string base_url;
  std::string fingerprint;
  std::vector<std::string> frameworks;
};
Result<NewPeer> ReadNewPeer(const nlohmann::json& body);
nlohmann::json NewPeerSchema();
// PATCH /net/peers/{id}: status, country and frameworks, each optional; 422 for an unknown
// status.
Result<net::PeerChange> ReadPeerChange(const nlohmann::json& body);
nlohmann::json PeerChangeSchema();

}  // namespace kc::api
